import * as fs from 'node:fs';
import type { CommandContext } from '../runtime/context.js';
import type { HostState } from '../state/types.js';
import { getopt, has, value } from '../runtime/getopt.js';
import { bootlistLines, setBootlist, type BootlistRequest, type BootMode } from '../ops/bootlist.js';
import { diskById } from '../views/host.js';
import { MSG } from '../aix/messages.js';
import { usageError } from './usage.js';
import { parseOrUsage } from './parse-args.js';

/** [V §12.1] syntax as the usage text (5.2 and later). */
const USAGE = ['Usage: bootlist [ { -m Mode } [ -r ] [ -o ] [ [ -i ] [ -V ] [ -F ]| [ [ -f File ] [ DeviceAttr=Value ... ] ... ] ] ] [ -v ]'];
/** [V] AIX 4.3 Commands Reference syntax: no -V, -F or -v yet. */
const USAGE_LEGACY = ['Usage: bootlist [ { -m Mode } [ -r ] [ -o ] [ [ -i ] | [ [ -f File ] [ DeviceAttr=Value ... ] ... ] ] ]'];

type Mode = BootMode | 'both' | 'prevboot';
const MODES: Mode[] = ['normal', 'service', 'both', 'prevboot'];

/** `hdisk1 blv=hd5 pathid=0 hdisk0` → devices with their attributes; null when an attribute comes first. */
export function parseDeviceArgs(tokens: string[]): BootlistRequest[] | null {
  const out: BootlistRequest[] = [];
  for (const t of tokens) {
    const eq = t.indexOf('=');
    if (eq > 0) {
      const last = out[out.length - 1];
      if (!last) return null;
      last.attrs[t.slice(0, eq)] = t.slice(eq + 1);
      continue;
    }
    out.push({ device: t, attrs: {} });
  }
  return out;
}

/** `bootlist -f File`: the devices of a file written by `bootlist -o` (`-` lines, devices gone, are skipped [U]). */
function devicesFromFile(file: string): string[] | null {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    return null;
  }
  return text
    .split('\n')
    .flatMap((l) => l.trim().split(/\s+/))
    .filter((t) => t !== '' && t !== '-');
}

/** [U] the Open Firmware form of -r; real paths depend on the adapter slots. */
function firmwareLines(state: HostState, mode: BootMode): string[] {
  return bootlistLines(state, mode).map((line) => {
    const [device, ...attrs] = line.split(' ');
    const path = /pathid=(\d+)/.exec(attrs.join(' '))?.[1] ?? '0';
    const disk = state.disks.find((d) => d.name === device);
    if (!disk) return device === '-' ? '-' : `/vdevice/${device}`;
    return `/pci@800000020000011/pci@2/fibre-channel@${path}/disk@${disk.pvid ?? '0'},0:2`;
  });
}

/** [U] the previous boot device, in -o form. */
function prevbootLines(state: HostState): string[] {
  const d = diskById(state, state.booted.diskId);
  if (!d) return [];
  const blv = d.bootRecord ? ` blv=${d.bootRecord}` : '';
  return [state.generation === 'legacy' ? `${d.name}${blv}` : `${d.name}${blv} pathid=0`];
}

function show(ctx: CommandContext, state: HostState, mode: Mode, firmware: boolean): void {
  if (mode === 'prevboot') {
    prevbootLines(state).forEach((l) => ctx.out(l));
    return;
  }
  // [U] both: the normal list, then the service list.
  const modes: BootMode[] = mode === 'both' ? ['normal', 'service'] : [mode];
  for (const m of modes) (firmware ? firmwareLines(state, m) : bootlistLines(state, m)).forEach((l) => ctx.out(l));
}

export function bootlist(ctx: CommandContext): number {
  const legacy = ctx.state().generation === 'legacy';
  const usage = legacy ? USAGE_LEGACY : USAGE;
  const spec = legacy ? 'm:roif:' : 'm:roiVFf:v';
  const parsed = parseOrUsage(ctx, spec, usage);
  if (typeof parsed === 'number') return parsed;
  // The syntax puts -v after the devices (`... DeviceAttr=Value ... ] [ -v ]`): flags may follow them.
  const trailing = parsed.operands.filter((t) => /^-[A-Za-z]+$/.test(t));
  let extra;
  try {
    extra = getopt(trailing, spec.replace(/[mf]:/g, ''));
  } catch (e) {
    return usageError(ctx, e, usage);
  }
  const p = { flags: [...parsed.flags, ...extra.flags], operands: parsed.operands.filter((t) => !trailing.includes(t)) };
  const mode = value(p, 'm') as Mode | null;
  if (mode === null || !MODES.includes(mode)) return usageError(ctx, null, usage);
  const file = value(p, 'f');
  const invalidate = has(p, 'i');
  const display = has(p, 'o');
  const firmware = has(p, 'r');
  const verbose = has(p, 'v');

  let tokens = p.operands;
  if (file !== null) {
    const fromFile = devicesFromFile(file);
    if (fromFile === null) {
      ctx.err(MSG.bootlistNoFile(file));
      return 1;
    }
    tokens = [...fromFile, ...tokens];
  }
  const setting = tokens.length > 0 || file !== null;
  if (invalidate && setting) return usageError(ctx, null, usage);
  // [U] `bootlist -m normal` alone neither shows nor changes anything: a usage error.
  if (!setting && !invalidate && !display && !firmware) return usageError(ctx, null, usage);
  if (mode === 'prevboot' && setting) {
    ctx.err(MSG.bootlistPrevbootSet);
    return 1;
  }

  if (setting || invalidate) {
    // Setting a list is an operation that can reach the bootlist fault (runtime/faults.ts).
    ctx.beginFaultScope(['bootlist']);
    try {
      const entries = parseDeviceArgs(tokens);
      if (entries === null) return usageError(ctx, null, usage);
      if (entries.length === 0 && !invalidate) {
        ctx.err(MSG.bootlistNoDevices);
        return 1;
      }
      const modes: BootMode[] = mode === 'both' ? ['normal', 'service'] : mode === 'prevboot' ? [] : [mode];
      // Validate before the fault fires: a bad device fails the same way whether NVRAM works or not.
      const problem = setBootlist(structuredClone(ctx.state()), modes, entries);
      if (problem !== null) {
        ctx.err(`bootlist: ${problem}`);
        return 1;
      }
      if (ctx.takeFault('bootlist')) {
        ctx.err(MSG.bootlistNvramFailed);
        return 1;
      }
      const stored = ctx.update((s) => {
        const err = setBootlist(s, modes, entries);
        if (err === null && modes.length > 0) {
          s.history.push({ at: new Date().toISOString(), event: `bootlist -m ${mode} ${invalidate ? '-i' : entries.map((e) => e.device).join(' ')}` });
        }
        return err;
      });
      if (stored !== null) {
        ctx.err(`bootlist: ${stored}`);
        return 1;
      }
    } finally {
      ctx.endFaultScope();
    }
  }

  const state = ctx.state();
  // [V §12.2] setting prints nothing; -o / -r show the list; [U] -v echoes the list it set.
  if (display || (verbose && (setting || invalidate))) show(ctx, state, mode, false);
  if (firmware) show(ctx, state, mode, true);
  return 0;
}
