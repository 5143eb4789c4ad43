import * as fs from 'node:fs';
import * as path from 'node:path';
import { readState, updateState } from '../state/store.js';
import { diskById, diskByName } from '../views/host.js';
import { BOOT, DOWN } from './boot-texts.js';
import { NOMINAL } from './durations.js';
import { syncAltInstLink } from './mount.js';
import { bootCandidates, bootStop, firmwareBootable } from '../views/boot.js';
import { killHostProcesses } from '../runtime/procs.js';
import { nodeChildProcess } from '../runtime/lazy-builtins.js';
import { rebuildOdm } from './odm-rebuild.js';
import { renumberDisks } from './renumber.js';

// A reboot as firmware and AIX do it: every process of the host ends where it is; the first entry of
// the normal boot list that is a present disk with a boot record and a rootvg image is booted (or
// the disk picked in SMS with --from). The boot then stops (views/boot.ts) if that volume group was
// never put to sleep (alt_ names), is half-made, or if its /etc/filesystems lacks /, /usr or /var
// [V seed]: the host is down until it is booted from a good disk.

export interface RebootIo {
  /** A console line (the engine also appends it to <host>/console.log). */
  say(line: string): void;
  pause(nominalSeconds: number): void;
  env: NodeJS.ProcessEnv;
}

export interface RebootOutcome {
  ok: boolean;
  disk: string | null;
  reason: string | null;
}

export class RebootUsageError extends Error {}

function relink(dir: string, name: string, target: string): void {
  const link = path.join(dir, name);
  fs.rmSync(link, { force: true });
  fs.symlinkSync(target, link);
}

function lines(text: string): string[] {
  return text.split('\n').filter((l, i, all) => i < all.length - 1 || l !== '');
}

export function rebootHost(dir: string, from: string | null, io: RebootIo): RebootOutcome {
  const consoleLog = path.join(dir, 'console.log');
  const say = (line: string) => {
    io.say(line);
    fs.appendFileSync(consoleLog, line + '\n');
  };
  const before = readState(dir);
  if (from !== null && !diskByName(before, from)) throw new RebootUsageError(`aixsim reboot: ${before.hostname} has no disk ${from}`);
  // A reboot ends whatever runs on the host, alt-disk operations included, where they are.
  killHostProcesses(dir);
  const state = readState(dir);
  const legacy = state.generation === 'legacy';
  const candidates = bootCandidates(state, from);
  if (!state.down) BOOT.shutdown(state.hostname).forEach(say);
  io.pause(NOMINAL.reboot / 3);

  const goDown = (reason: string, disk: string | null): RebootOutcome => {
    say(reason);
    updateState(dir, (s) => {
      s.down = { reason, since: new Date().toISOString() };
      s.busy = null;
      s.history.push({ at: new Date().toISOString(), event: `boot failed: ${reason}` });
      syncAltInstLink(dir, { ...s, odm: [] });
    });
    return { ok: false, disk, reason };
  };

  const chosen = candidates.find((d) => firmwareBootable(state, d));
  if (!chosen) return goDown(DOWN.noBootDevice, null);
  const vgid = chosen.vgid!;
  const vgda = state.vgdas[vgid]!;
  const image = state.images[vgda.imageId!]!;
  const now = new Date();
  BOOT.welcome({ built: new Date(state.booted.at), now, memoryMb: Math.round(state.realMemoryKb / 1024), device: chosen.name, legacy }).forEach(say);
  io.pause(NOMINAL.reboot / 3);
  const stop = bootStop(dir, state, chosen);
  if (stop) return goDown(stop.reason, chosen.name);

  const booted = updateState(dir, (s) => {
    const img = s.images[image.id]!;
    const previous = s.booted.vgid;
    const outgoing = s.vgdas[previous]?.imageId;
    if (outgoing && outgoing !== image.id && s.images[outgoing]) s.images[outgoing]!.odm = structuredClone(s.odm);
    s.odm = rebuildOdm(s, vgid, img);
    const renumbered = img.renumberOnBoot ? renumberDisks(s, previous, vgid) : [];
    img.renumberOnBoot = false;
    const consolePrompt = img.deviceReset && !img.console;
    img.deviceReset = false;
    const script = img.firstBootScript;
    img.firstBootScript = null;
    img.boots += 1;
    img.odm = null;
    s.vgdas[vgid]!.everSystemRootvg = true;
    s.booted = { diskId: chosen.id, vgid, at: now.toISOString() };
    s.down = null;
    s.busy = null;
    s.history.push({ at: now.toISOString(), event: `booted ${diskById(s, chosen.id)!.name} (${img.level.sp ?? img.level.base})` });
    relink(dir, 'root', img.fsDir);
    syncAltInstLink(dir, s);
    return { renumbered, consolePrompt, script, fsDir: img.fsDir, disk: diskById(s, chosen.id)!.name };
  });
  if (booted.renumbered.length > 0) say(BOOT.renumbered(booted.renumbered));
  if (booted.consolePrompt) BOOT.consolePrompt.forEach(say);
  if (booted.script) {
    say(BOOT.firstBootScript(booted.script));
    const root = path.join(dir, booted.fsDir);
    const r = nodeChildProcess().spawnSync(path.join(root, booted.script.replace(/^\/+/, '')), [], {
      cwd: root,
      encoding: 'utf8',
      env: { ...io.env, PATH: `${path.join(dir, 'bin')}:${io.env.PATH ?? '/usr/bin:/bin'}` },
    });
    [...lines(r.stdout ?? ''), ...lines(r.stderr ?? '')].forEach(say);
  }
  io.pause(NOMINAL.reboot / 3);
  BOOT.multiUser(legacy, now.getUTCFullYear()).forEach(say);
  return { ok: true, disk: booted.disk, reason: null };
}
