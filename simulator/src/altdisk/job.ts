import type { CommandContext } from '../runtime/context.js';
import { openTranscript, type Transcript } from './log.js';
import { claimBusy, releaseBusy } from './busy.js';
import { AltFailure } from './failure.js';
import { ERR } from './texts.js';

// The frame of every alternate-disk operation: a record in alt_disk_inst.log, the one-at-a-time
// claim (for operations that change disks), and failures turned into messages and an exit code.

export interface JobOptions {
  debug: boolean;
  /** Take the one-operation-at-a-time claim (everything except queries). */
  exclusive: boolean;
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
  }
  try {
    return body(t);
  } catch (e) {
    if (!(e instanceof AltFailure)) throw e;
    e.stdoutLines.forEach((l) => t.line(l));
    e.lines.forEach((l) => t.error(l));
    return e.rc;
  } finally {
    if (o.exclusive) releaseBusy(ctx);
  }
}
