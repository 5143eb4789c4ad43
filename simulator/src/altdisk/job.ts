import type { CommandContext } from '../runtime/context.js';
import { openTranscript, type Transcript } from './log.js';
import { claimBusy, releaseBusy } from './busy.js';
import { AltFailure } from './failure.js';
import { ERR } from './texts.js';
import type { FaultStep } from '../state/types.js';
import type { Phase } from './args.js';

/** The fault steps an install run of these phases can reach. */
export function installFaultSteps(phases: readonly Phase[]): FaultStep[] {
  return [
    ...(phases.includes(1) ? (['phase1-space', 'disk-gone', 'crash-between-phases'] as const) : []),
    ...(phases.includes(2) ? (['phase2-script'] as const) : []),
    ...(phases.includes(3) ? (['bosboot', 'bootlist'] as const) : []),
  ];
}

// The frame of every alternate-disk operation: a record in alt_disk_inst.log, the one-at-a-time
// claim (for operations that change disks), and failures turned into messages and an exit code.

export interface JobOptions {
  debug: boolean;
  /** Take the one-operation-at-a-time claim (everything except queries). */
  exclusive: boolean;
  /** The fault steps this operation can reach: it takes their armed faults (runtime/faults.ts). */
  faults: readonly FaultStep[];
  /** The command line to record in the log when it differs from ctx (AIX 4.3 alt_disk_install). */
  logAs?: { name: string; args: string[] };
}

export function runJob(ctx: CommandContext, o: JobOptions, body: (t: Transcript) => number): number {
  const t = openTranscript(ctx, { debug: o.debug, logAs: o.logAs });
  if (o.exclusive) {
    const other = claimBusy(ctx);
    if (other) {
      t.error(ERR.busy(ctx.name, other.command, other.pid));
      return 1;
    }
    if (o.faults.length > 0) ctx.beginFaultScope(o.faults);
  }
  try {
    return body(t);
  } catch (e) {
    if (!(e instanceof AltFailure)) throw e;
    e.stdoutLines.forEach((l) => t.line(l));
    e.lines.forEach((l) => t.error(l));
    return e.rc;
  } finally {
    if (o.exclusive) {
      ctx.endFaultScope();
      releaseBusy(ctx);
    }
  }
}
