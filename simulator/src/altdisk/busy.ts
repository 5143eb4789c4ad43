import type { CommandContext } from '../runtime/context.js';
import type { BusyState, HostState } from '../state/types.js';

// AIX runs one alternate-disk operation at a time. The claim lives in the host state with the
// owner's pid, so a command killed half-way (crash-between-phases, kill -9) does not block the
// host forever: a claim whose process is gone is taken over.

export function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The live claim of another process, if any. */
export function otherBusy(state: HostState): BusyState | null {
  const b = state.busy;
  if (!b || b.pid === process.pid || !pidAlive(b.pid)) return null;
  return b;
}

/** Take the claim; returns the other live claim instead when there is one. */
export function claimBusy(ctx: CommandContext): BusyState | null {
  return ctx.update((s) => {
    const other = otherBusy(s);
    if (other) return other;
    s.busy = { pid: process.pid, command: ctx.name, since: new Date().toISOString() };
    return null;
  });
}

export function releaseBusy(ctx: CommandContext): void {
  ctx.update((s) => {
    if (s.busy?.pid === process.pid) s.busy = null;
  });
}
