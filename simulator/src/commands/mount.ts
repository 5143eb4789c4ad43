import type { CommandContext } from '../runtime/context.js';
import { mountTable, type MountEntry } from '../views/mounts.js';
import { usageError } from './usage.js';
import { parseOrUsage } from './parse-args.js';

/** [U] usage text. */
const USAGE = ['Usage: mount [ -f ] [ -n Node ] [ -o Options ] [ -p ] [ -r ] [ -v VfsName ] [ -t Type | [ Device | Node:Directory ] Directory | all | -a ] [ -V [ generic_options ] special_mount_points ]'];

/**
 * [U] layout taken from IBM ansible-power-aix's mount fixtures (sample_mount_output1): two header
 * lines, then `%8s %-16s %-16s %-6s %-12s %-15s ` per file system, trailing blank included.
 */
export const MOUNT_HEADER = [
  '  node       mounted        mounted over    vfs       date        options      ',
  '-------- ---------------  ---------------  ------ ------------ --------------- ',
];

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** `Nov 07 19:11` in the host's local time. */
export function mountDate(iso: string): string {
  const d = new Date(iso);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${MONTHS[d.getMonth()]} ${two(d.getDate())} ${two(d.getHours())}:${two(d.getMinutes())}`;
}

export function mountLine(e: MountEntry, date: string): string {
  return `${e.node.padStart(8)} ${e.device.padEnd(16)} ${e.over.padEnd(16)} ${e.vfs.padEnd(6)} ${date.padEnd(12)} ${e.options.padEnd(15)} `;
}

/** `mount` without arguments: the mounted file systems. Mounting something is not simulated. */
export function mount(ctx: CommandContext): number {
  const p = parseOrUsage(ctx, '', USAGE);
  if (typeof p === 'number') return p;
  if (p.operands.length > 0) return usageError(ctx, null, USAGE);
  const state = ctx.state();
  // [U] every file system shows the time of the last boot.
  const date = mountDate(state.booted.at);
  [...MOUNT_HEADER, ...mountTable(state).map((e) => mountLine(e, date))].forEach((l) => ctx.out(l));
  return 0;
}
