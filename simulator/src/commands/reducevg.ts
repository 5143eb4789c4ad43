import type { CommandContext } from '../runtime/context.js';
import type { Disk } from '../state/types.js';
import { has } from '../runtime/getopt.js';
import { diskByName, odmVgByName, vgdaOf } from '../views/host.js';
import { allocate } from '../views/allocation.js';
import { isRunningRootvg } from '../views/mounts.js';
import { MSG } from '../aix/messages.js';
import { usageError } from './usage.js';
import { notSimulated, parseOrUsage } from './parse-args.js';
import { forgetDiskInVgda } from './vgda-edit.js';

/** [U] usage text. */
const USAGE = ['Usage: reducevg [ -d ] [ -f ] VolumeGroup PhysicalVolume ...'];

/**
 * reducevg removes empty disks from an active volume group. A varied-off VG (a sleeping
 * altinst_rootvg, old_rootvg) answers 0516-010 [I §19]; the last disk of a VG takes the VG with it.
 */
export function reducevg(ctx: CommandContext): number {
  const p = parseOrUsage(ctx, 'df', USAGE);
  if (typeof p === 'number') return p;
  if (has(p, 'd')) return notSimulated(ctx, 'reducevg -d (removing logical volumes)');
  const [name, ...disks] = p.operands;
  if (name === undefined || disks.length === 0) return usageError(ctx, null, USAGE);
  const result = ctx.update((s): { error: string[] } | { deleted: boolean } => {
    const vg = odmVgByName(s, name);
    if (!vg) return { error: [MSG.vgNotFound('reducevg', name)] };
    if (!vg.active) return { error: [MSG.vgMustBeVariedOn] };
    const vgda = vgdaOf(s, vg.vgid);
    const alloc = allocate(vgda, s.disks);
    const leaving: Disk[] = [];
    for (const dn of disks) {
      const d = diskByName(s, dn);
      if (!d) return { error: [MSG.noSuchDisk('reducevg', dn)] };
      if (!vgda.pvs.includes(d.id)) return { error: [MSG.pvNotInVg('reducevg', dn, name)] };
      if ((alloc.get(d.id)?.segments.length ?? 0) > 0) return { error: MSG.pvHoldsLvs(dn, name) };
      leaving.push(d);
    }
    const emptiesVg = vgda.pvs.every((id) => leaving.some((d) => d.id === id));
    if (emptiesVg && isRunningRootvg(s, vg)) return { error: [MSG.lastRootvgDisk(leaving[leaving.length - 1]!.name)] };
    if (emptiesVg) s.odm = s.odm.filter((v) => v !== vg);
    for (const d of leaving) forgetDiskInVgda(s, d);
    s.history.push({ at: new Date().toISOString(), event: `reducevg ${name} ${disks.join(' ')}${emptiesVg ? ' (volume group deleted)' : ''}` });
    return { deleted: emptiesVg };
  });
  if ('error' in result) {
    result.error.forEach((l) => ctx.err(l));
    return 1;
  }
  if (result.deleted) ctx.out(MSG.vgDeletedNoPvs);
  return 0;
}
