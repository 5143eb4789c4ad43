import type { HostFacts } from '../facts/types.js';
import type { BootlistEntry } from '../facts/parse/bootlist.js';
import type { ParamsOf } from '../schema/types.js';
import type { bootlistSpec } from '../specs/bootlist.js';
import { REAL_RUN, type Plan, type PlanContext, type PlannedCommand } from './types.js';
import { aixCommand } from '../aix/commands.js';
import { fail, refuseWhileInProgress } from './checks.js';
import { cloneSummary, summarize } from './summary.js';

export type BootlistParams = ParamsOf<typeof bootlistSpec>;

// planBootlist compares the requested lists with `bootlist -m <mode> -o` and plans a change only
// where they differ (IBM's module reports "changed" every time). Attributes not given are not
// compared: "hdisk1" matches "hdisk1 blv=hd5 pathid=0..3".

export interface WantedEntry {
  device: string;
  attrs: Record<string, string>;
}

type Mode = 'normal' | 'service';

export function normalizeEntries(list: (string | Record<string, string | number | boolean | undefined>)[]): WantedEntry[] {
  return list.map((e) => {
    if (typeof e === 'string') return { device: e, attrs: {} };
    const attrs: Record<string, string> = {};
    for (const [k, v] of Object.entries(e)) if (k !== 'device' && v !== undefined) attrs[k] = String(v);
    return { device: String(e.device), attrs };
  });
}

function matches(want: WantedEntry, have: BootlistEntry): boolean {
  if (have.device !== want.device) return false;
  return Object.entries(want.attrs).every(([k, v]) => (k === 'pathid' ? have.pathIds.join(',') === v : have.attrs[k] === v));
}

export function sameList(want: WantedEntry[], have: BootlistEntry[]): boolean {
  return want.length === have.length && want.every((w, i) => matches(w, have[i]!));
}

/**
 * What an earlier task of the same run could do to make a disk bootable, or null: a clone or
 * mksysb install onto a free disk, or phase 3 of the phase-1 copy on it.
 */
function earlierTaskMakesBootable(f: HostFacts, disk: string): string | null {
  const d = f.disks.find((x) => x.name === disk);
  if (!d) return null;
  if (d.free) return `a clone or mksysb install onto ${disk} (altdisk.aix.clone, altdisk.aix.mksysb_install)`;
  if (f.altRootvg.disks.includes(disk) && f.altRootvg.state === 'phase1') return `phase 3 of the altinst_rootvg on ${disk} (altdisk.aix.phase)`;
  return null;
}

/** The first disk must boot; in check mode a disk an earlier task of the run would make bootable is a warning (class 5). */
function verifyFirst(f: HostFacts, mode: string, list: WantedEntry[], verify: boolean, ctx: PlanContext): string[] {
  for (const e of list) {
    if (!/^hdisk/.test(e.device)) continue;
    const d = f.disks.find((x) => x.name === e.device);
    if (!d) fail(`${mode}: ${e.device} does not exist on this host (lspv lists ${f.disks.map((x) => x.name).join(', ')}); bootlist would refuse it`);
  }
  const first = list[0];
  if (!verify || !first || !/^hdisk/.test(first.device)) return [];
  const d = f.disks.find((x) => x.name === first.device)!;
  if (!d.bootable && ctx.checkMode) {
    const earlier = earlierTaskMakesBootable(f, d.name);
    if (earlier) {
      return [
        `check mode: ${mode}: ${d.name} holds no bootable rootvg yet; this prediction assumes that an earlier task of this run, ${earlier}, makes it one. A real run refuses to put ${d.name} first unless it does.`,
      ];
    }
  }
  if (!d.bootable) {
    const what = d.vg ? `it is in ${d.vg}, which cannot boot now${d.vg === 'altinst_rootvg' && d.active ? ' (altinst_rootvg is mounted: finish phase 3 or put it to sleep first)' : ''}` : 'it holds no rootvg';
    fail(`${mode}: ${first.device} holds no boot logical volume to start from (${what}): the next reboot would fail. Put a bootable disk first, or set verify: false to set the list anyway.`);
  }
  return [];
}

function argvFor(mode: Mode | 'both', list: WantedEntry[], force: boolean): string[] {
  const words = list.flatMap((e) => [e.device, ...Object.entries(e.attrs).map(([k, v]) => `${k}=${v}`)]);
  return aixCommand('bootlist', '-m', mode, ...(force ? ['-F'] : []), ...words);
}

export function planBootlist(p: BootlistParams, f: HostFacts, ctx: PlanContext = REAL_RUN): Plan {
  const wanted: Partial<Record<Mode, WantedEntry[]>> = {};
  if (p.normal) wanted.normal = normalizeEntries(p.normal);
  if (p.service) wanted.service = normalizeEntries(p.service);
  const both = p.both ? normalizeEntries(p.both) : null;
  if (both) wanted.normal = wanted.service = both;
  // An alternate-disk command sets the boot list itself at the end of phase 3: never race it.
  if (Object.keys(wanted).length > 0) refuseWhileInProgress(f, 'the boot list change');

  const warnings: string[] = [];
  if (both) warnings.push(...verifyFirst(f, 'both', both, p.verify, ctx));
  else for (const [mode, list] of Object.entries(wanted) as [Mode, WantedEntry[]][]) warnings.push(...verifyFirst(f, mode, list, p.verify, ctx));

  const differs = (mode: Mode) => wanted[mode] !== undefined && !sameList(wanted[mode]!, f.bootlists[mode]);
  const commands: PlannedCommand[] = [];
  if (both) {
    if (differs('normal') || differs('service')) commands.push({ argv: argvFor('both', both, p.force), why: 'set the normal and service boot lists' });
  } else {
    for (const mode of ['normal', 'service'] as const) {
      if (differs(mode)) commands.push({ argv: argvFor(mode, wanted[mode]!, p.force), why: `set the ${mode} boot list` });
    }
  }
  const predicted = cloneSummary(summarize(f));
  for (const mode of ['normal', 'service'] as const) if (wanted[mode]) predicted.bootlist[mode] = wanted[mode]!.map((e) => e.device);
  const given = Object.keys(wanted).length > 0;
  const msg = !given
    ? 'boot lists read'
    : commands.length === 0
      ? 'the boot lists are already as requested'
      : `boot list set: ${commands.map((c) => c.argv.slice(2).join(' ')).join('; ')}`;
  return { commands, msg, warnings, predicted, result: {} };
}

/** The `bootlist` return value: each list with its entries as -o shows them. */
export function bootlistResult(f: HostFacts): Record<string, unknown> {
  const entries = (list: BootlistEntry[]) =>
    list.map((e) => ({ device: e.device ?? '-', attrs: { ...e.attrs, ...(e.pathIds.length ? { pathid: e.pathIds.join(',') } : {}) }, present: e.device !== null }));
  return { normal: entries(f.bootlists.normal), service: entries(f.bootlists.service) };
}

/** The predicted `bootlist` return value in check mode. */
export function predictedBootlistResult(p: BootlistParams, f: HostFacts): Record<string, unknown> {
  const now = bootlistResult(f) as { normal: unknown[]; service: unknown[] };
  const want = (l: WantedEntry[]) => l.map((e) => ({ device: e.device, attrs: e.attrs, present: true }));
  const normal = p.both ?? p.normal;
  const service = p.both ?? p.service;
  return { normal: normal ? want(normalizeEntries(normal)) : now.normal, service: service ? want(normalizeEntries(service)) : now.service };
}
