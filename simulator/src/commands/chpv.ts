import type { CommandContext } from '../runtime/context.js';
import { has } from '../runtime/getopt.js';
import { diskByName, odmVgOfDisk } from '../views/host.js';
import { MSG } from '../aix/messages.js';
import { usageError } from './usage.js';
import { notSimulated, parseOrUsage } from './parse-args.js';
import { forgetDiskInVgda } from './vgda-edit.js';

/** [U] usage text (man page syntax, shortened). */
const USAGE = ['Usage: chpv [ -a y | n ] [ -v r | a ] [ -c ] [ -C ] [ -h y | n ] PhysicalVolume ...'];

/**
 * `chpv -C <disk>` clears the owning volume group from a disk [V §18: IBM runs it after
 * alt_rootvg_op -X]; `chpv -c <disk>` clears its boot record [V §8 0516-1246 text].
 */
export function chpv(ctx: CommandContext): number {
  const p = parseOrUsage(ctx, 'a:v:cCh:p', USAGE);
  if (typeof p === 'number') return p;
  for (const f of ['a', 'v', 'h', 'p']) if (has(p, f)) return notSimulated(ctx, `chpv -${f}`);
  const clearVg = has(p, 'C');
  const clearBoot = has(p, 'c');
  if ((!clearVg && !clearBoot) || p.operands.length === 0) return usageError(ctx, null, USAGE);
  let rc = 0;
  for (const name of p.operands) {
    const problem = ctx.update((s) => {
      const d = diskByName(s, name);
      if (!d) return MSG.noSuchDisk('chpv', name);
      if (clearVg) {
        const vg = odmVgOfDisk(s, d);
        // [U] only a disk the ODM places in no volume group can lose its VGDA this way.
        if (vg) return MSG.chpvDiskInVg(name, vg.name);
        if (d.vgid) {
          forgetDiskInVgda(s, d);
          s.history.push({ at: new Date().toISOString(), event: `chpv -C ${name}: owning volume group cleared` });
        }
        d.vgid = null;
        d.bootRecord = null;
      }
      if (clearBoot) d.bootRecord = null;
      return null;
    });
    if (problem !== null) {
      ctx.err(problem);
      rc = 1;
    }
  }
  return rc;
}
