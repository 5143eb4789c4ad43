import type { CommandContext } from '../runtime/context.js';
import { value } from '../runtime/getopt.js';
import { diskByName, odmVgOfDisk } from '../views/host.js';
import { MSG } from '../aix/messages.js';
import { usageError } from './usage.js';
import { parseOrUsage } from './parse-args.js';

/** [U] only -j is simulated; the real command has many more query flags. */
const USAGE = ['Usage: getlvodm -j PhysicalVolume'];

/** Exit code of getlvodm -j on a disk in no volume group [V §18: IBM's alt_disk expects exactly 3]. */
export const PV_NOT_ASSIGNED_RC = 3;

/** `getlvodm -j <disk>`: the VGID of the disk's volume group as the ODM knows it. */
export function getlvodm(ctx: CommandContext): number {
  const p = parseOrUsage(ctx, 'j:', USAGE);
  if (typeof p === 'number') return p;
  const diskName = value(p, 'j');
  if (diskName === null || p.operands.length > 0) return usageError(ctx, null, USAGE);
  const state = ctx.state();
  const disk = diskByName(state, diskName);
  if (!disk) {
    ctx.err(MSG.notInOdm('getlvodm', diskName)); // [U]
    return 1;
  }
  const vg = odmVgOfDisk(state, disk);
  if (!vg) {
    MSG.pvNotAssigned(diskName).forEach((l) => ctx.err(l));
    return PV_NOT_ASSIGNED_RC;
  }
  ctx.out(vg.vgid);
  return 0;
}
