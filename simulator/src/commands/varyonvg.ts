import type { CommandContext } from '../runtime/context.js';
import { diskById, isAltinstMounted, odmVgByName, vgdaOf } from '../views/host.js';
import { isRunningRootvg } from '../views/mounts.js';
import { MSG } from '../aix/messages.js';
import { usageError } from './usage.js';
import { parseOrUsage } from './parse-args.js';

/** [U] usage texts. */
const USAGE_ON = ['Usage: varyonvg [ -b ] [ -c ] [ -f ] [ -n ] [ -p ] [ -r ] [ -s ] [ -u ] VolumeGroup'];
const USAGE_OFF = ['Usage: varyoffvg [ -s ] VolumeGroup'];

/**
 * varyonvg makes an ODM volume group active. On a place holder (altinst_rootvg after phase 3,
 * old_rootvg) it works but the VG "owns no logical volumes" [V §3.2]: the LVs are not in the ODM.
 * The flags only tune real LVM behaviour and are accepted without effect.
 */
export function varyonvg(ctx: CommandContext): number {
  const p = parseOrUsage(ctx, 'bcfnprsu', USAGE_ON);
  if (typeof p === 'number') return p;
  if (p.operands.length !== 1) return usageError(ctx, null, USAGE_ON);
  const name = p.operands[0]!;
  const error = ctx.update((s): string | null => {
    const vg = odmVgByName(s, name);
    if (!vg) return MSG.vgNotFound('varyonvg', name);
    if (vg.active) return null;
    const present = vgdaOf(s, vg.vgid).pvs.some((id) => diskById(s, id)?.present === true);
    if (!present) return MSG.vgNoPvAvailable(name);
    vg.active = true;
    if (!vg.lvsInOdm) vg.variedOnByHand = true;
    s.history.push({ at: new Date().toISOString(), event: `varyonvg ${name}${vg.variedOnByHand ? ' (place holder varied on by hand)' : ''}` });
    return null;
  });
  if (error !== null) {
    ctx.err(error);
    return 1;
  }
  return 0;
}

export function varyoffvg(ctx: CommandContext): number {
  const p = parseOrUsage(ctx, 's', USAGE_OFF);
  if (typeof p === 'number') return p;
  if (p.operands.length !== 1) return usageError(ctx, null, USAGE_OFF);
  const name = p.operands[0]!;
  const error = ctx.update((s): string[] | null => {
    const vg = odmVgByName(s, name);
    if (!vg) return [MSG.vgNotFound('varyoffvg', name)];
    if (isRunningRootvg(s, vg)) return [MSG.runningRootvg('varyoffvg')];
    if (!vg.active) return [MSG.vgNotVariedOn('varyoffvg', name)];
    // /alt_inst still mounted: its LVs are open (the supported way down is alt_rootvg_op -S).
    if (isAltinstMounted(vg)) return MSG.vgHasOpenLvs(name);
    vg.active = false;
    vg.variedOnByHand = false;
    s.history.push({ at: new Date().toISOString(), event: `varyoffvg ${name}` });
    return null;
  });
  if (error !== null) {
    error.forEach((l) => ctx.err(l));
    return 1;
  }
  return 0;
}
