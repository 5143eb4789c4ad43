import type { CommandImpl } from '../runtime/context.js';

/** The alternate-disk commands (alt_disk_copy, alt_disk_mksysb, alt_rootvg_op, alt_disk_install). */
export const ALTDISK_COMMANDS: Record<string, CommandImpl> = {};
