import type { CommandContext } from '../runtime/context.js';
import { GetoptError } from '../runtime/getopt.js';
import { MSG } from '../aix/messages.js';

/** getopt diagnostics then the usage text on stderr, exit 2 (as AIX commands do on a usage error). */
export function usageError(ctx: CommandContext, e: unknown, usage: string[]): number {
  if (e instanceof GetoptError) {
    ctx.err(e.kind === 'unknown' ? MSG.notRecognizedFlag(ctx.name, e.flag) : MSG.flagNeedsValue(ctx.name, e.flag));
  } else if (e instanceof Error) {
    throw e;
  }
  usage.forEach((l) => ctx.err(l));
  return 2;
}
