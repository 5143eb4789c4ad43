import type { CommandContext } from '../runtime/context.js';
import { getopt, type ParsedArgs } from '../runtime/getopt.js';
import { MSG } from '../aix/messages.js';
import { usageError } from './usage.js';

/** getopt, or the usage error's exit code when the flags do not parse. */
export function parseOrUsage(ctx: CommandContext, spec: string, usage: string[]): ParsedArgs | number {
  try {
    return getopt(ctx.args, spec);
  } catch (e) {
    return usageError(ctx, e, usage);
  }
}

/** A real AIX flag the simulator does not model: refuse it plainly (exit 2, like a usage error). */
export function notSimulated(ctx: CommandContext, what: string): number {
  ctx.err(MSG.notSimulated(ctx.name, what));
  return 2;
}
