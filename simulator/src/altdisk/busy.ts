import type { CommandContext } from '../runtime/context.js';
import type { BusyState, HostState } from '../state/types.js';
import { processAlive, selfIdentity } from '../runtime/procs.js';

// AIX runs one alternate-disk operation at a time [U: the reference is silent; kept as the simulator
// always had it, see README]. The claim lives in the host state with the owner's pid and start time,
// so a command killed half-way (crash-between-phases, kill -9) does not block the host forever: a
// claim whose process is gone (or whose pid now belongs to another process) is taken over.

export function claimAlive(b: BusyState): boolean {
  return processAlive(b.pid, b.start ?? null);
}

/** The live claim of another process, if any. */
export function otherBusy(state: HostState): BusyState | null {
  const b = state.busy;
  if (!b || b.pid === process.pid || !claimAlive(b)) return null;
  return b;
}

/** Take the claim; returns the other live claim instead when there is one. */
export function claimBusy(ctx: CommandContext): BusyState | null {
  return ctx.update((s) => {
    const other = otherBusy(s);
    if (other) return other;
    s.busy = { pid: process.pid, start: selfIdentity().start, command: ctx.invoked, args: ctx.args, since: new Date().toISOString() };
    return null;
  });
}

export function releaseBusy(ctx: CommandContext): void {
  ctx.update((s) => {
    if (s.busy?.pid === process.pid) s.busy = null;
  });
}
