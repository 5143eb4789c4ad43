import type { CommandContext } from '../runtime/context.js';
import type { OsLevel } from '../state/types.js';
import { has } from '../runtime/getopt.js';
import { runningImage } from '../views/host.js';
import { usageError } from './usage.js';
import { notSimulated, parseOrUsage } from './parse-args.js';

/** [V §14] syntax as the usage text. */
const USAGE = ['Usage: oslevel [ -l Level | -g Level | -q ] [ -r | -s ] [ -f ]'];
/** [U] before 5.3 there are no service packs: no -s (and no -f). */
const USAGE_LEGACY = ['Usage: oslevel [ -l Level | -g Level | -q ] [ -r ]'];

/** Technology levels of this release up to the running one, newest first ([U] order). */
function knownTls(level: OsLevel): string[] {
  const [prefix, tl] = level.tl.split('-');
  const n = Number(tl);
  return Array.from({ length: n + 1 }, (_, i) => `${prefix}-${String(n - i).padStart(2, '0')}`);
}

function listing(title: string, items: string[]): string[] {
  return [title, '-'.repeat(title.length), ...items];
}

/** The level of the RUNNING image: after a reboot onto a clone, oslevel follows the clone. */
export function oslevel(ctx: CommandContext): number {
  const state = ctx.state();
  const legacy = state.generation === 'legacy';
  const usage = legacy ? USAGE_LEGACY : USAGE;
  const p = parseOrUsage(ctx, legacy ? 'l:g:qr' : 'l:g:qrsf', usage);
  if (typeof p === 'number') return p;
  if (p.operands.length > 0 || (has(p, 'r') && has(p, 's'))) return usageError(ctx, null, usage);
  if (has(p, 'l') || has(p, 'g')) return notSimulated(ctx, 'oslevel -l/-g (filesets below or above a level)');
  const level = runningImage(state).level;
  const query = has(p, 'q');
  let lines: string[];
  if (has(p, 'r')) {
    // [V §14] -rq header and dashes.
    lines = query ? listing('Known Recommended Maintenance Levels', knownTls(level)) : [level.tl];
  } else if (has(p, 's')) {
    const sp = level.sp ?? level.tl;
    // [U] -sq title; only the running service pack is known to the simulator.
    lines = query ? listing('Known Service Packs', [sp]) : [sp];
  } else {
    // [U] -q title.
    lines = query ? listing('Known Maintenance Levels', [level.base]) : [level.base];
  }
  lines.forEach((l) => ctx.out(l));
  return 0;
}
