import type { Fault, FaultStep, HostState } from '../state/types.js';
import { processAlive } from './procs.js';

// Scoping of `aixsim fault` (documented in `aixsim --help` and README): an armed fault belongs to the
// next operation that can reach its step, and to that operation only.
//   * Which operations can reach which steps: alt_disk_copy, alt_disk_mksysb and the alt_disk_install
//     install forms, by the phases they run (phase 1: phase1-space, disk-gone, crash-between-phases;
//     phase 2: phase2-script; phase 3: bosboot, bootlist); alt_rootvg_op -C: phase2-script;
//     alt_rootvg_op -S -t: bosboot; the bootlist command when it sets a list: bootlist; the bosboot
//     command: bosboot (one armed for another disk is left alone). disk-gone --during CMD: only CMD.
//     Queries and the other operations (alt_rootvg_op -X/-W/-v/-q, lspv...) take nothing.
//   * It fires when that operation reaches the step. When the operation ends (or dies) without
//     reaching it (no script given, -B, an earlier failure...), the fault is cleared: it never waits
//     for an unrelated later command.
//   * --times N: a fault that fired and has times left is handed on to the next such operation, which
//     again must reach the step or clear it.
// A fault armed while an operation runs is taken by that operation if it still reaches the step.

export interface FaultOwner {
  pid: number;
  start: string | null;
  command: string;
}

function ownedBy(f: Fault, me: FaultOwner): boolean {
  return f.claim?.pid === me.pid && f.claim.start === me.start;
}

function note(s: HostState, event: string): void {
  s.history.push({ at: new Date().toISOString(), event });
}

function describe(f: Fault): string {
  return `${f.step}${f.disk ? ' ' + f.disk : ''}`;
}

/** Faults whose operation died: handed on if they had fired there, cleared otherwise. */
export function expireOrphanedFaults(s: HostState): void {
  s.faults = s.faults.filter((f) => {
    if (!f.claim || processAlive(f.claim.pid, f.claim.start)) return true;
    if (f.claim.fired) {
      f.claim = null;
      return true;
    }
    note(s, `fault ${describe(f)} cleared: ${f.claim.command} (process ${f.claim.pid}) ended without reaching the step`);
    return false;
  });
}

/** The operation `me` starts: it takes the armed faults of the given steps. */
export function claimFaults(s: HostState, me: FaultOwner, steps: readonly FaultStep[], disk?: string): void {
  expireOrphanedFaults(s);
  for (const f of s.faults) {
    if (f.claim) continue;
    if (disk !== undefined && f.disk !== undefined && f.disk !== disk) continue;
    if (!steps.includes(f.step)) continue;
    if (f.during !== undefined && f.during !== me.command) continue;
    f.claim = { pid: me.pid, start: me.start, command: me.command, fired: false };
  }
}

/** The operation `me` reached `step` (on `disk`): the fault that fires, if one does. */
export function fireFault(s: HostState, me: FaultOwner, step: FaultStep, disk?: string): Fault | null {
  const i = s.faults.findIndex(
    (f) => f.step === step && (disk === undefined || f.disk === undefined || f.disk === disk) && (!f.claim || ownedBy(f, me)) && (f.during === undefined || f.during === me.command),
  );
  if (i < 0) return null;
  const f = s.faults[i]!;
  f.remaining -= 1;
  f.claim = { pid: me.pid, start: me.start, command: me.command, fired: true };
  if (f.remaining <= 0) s.faults.splice(i, 1);
  note(s, `fault ${describe(f)} fired in ${me.command}`);
  return { ...f };
}

/** The operation `me` ends: what it took and did not fire is cleared, what fired with times left is handed on. */
export function releaseFaults(s: HostState, me: FaultOwner): void {
  s.faults = s.faults.filter((f) => {
    if (!ownedBy(f, me)) return true;
    if (f.claim!.fired) {
      f.claim = null;
      return true;
    }
    note(s, `fault ${describe(f)} cleared: ${me.command} ended without reaching the step`);
    return false;
  });
}
