import type { CommandImpl } from '../runtime/context.js';
import { altDiskCopy } from './alt_disk_copy.js';
import { altDiskMksysb } from './alt_disk_mksysb.js';
import { altRootvgOp } from './alt_rootvg_op.js';
import { altDiskInstall } from './alt_disk_install.js';
import { lsmksysb } from './lsmksysb.js';

/** The alternate-disk commands (alt_disk_copy, alt_disk_mksysb, alt_rootvg_op, alt_disk_install). */
export const ALTDISK_COMMANDS: Record<string, CommandImpl> = {
  alt_disk_copy: (ctx) => altDiskCopy(ctx),
  alt_disk_mksysb: (ctx) => altDiskMksysb(ctx),
  alt_rootvg_op: altRootvgOp,
  alt_disk_install: altDiskInstall,
  lsmksysb,
};
