import type { CommandContext } from '../runtime/context.js';
import { has, value } from '../runtime/getopt.js';
import { diskByName } from '../views/host.js';
import { MSG } from '../aix/messages.js';
import { usageError } from './usage.js';
import { notSimulated, parseOrUsage } from './parse-args.js';

// lqueryvg reads the VGDA written on the disk itself, not the ODM: it is how an admin finds a
// volume group that lspv no longer shows (AIX 4.3's former rootvg after booting the clone, an
// exported VG, a removed altinst_rootvg). Output layout and messages are [U].

const USAGE = ['Usage: lqueryvg -p PVname [-v] [-L] [-A] [-t]'];

/** `lqueryvg -p <pv> [-v] [-L]`: the VGID, and one line per logical volume "<LVID> <name> <state>". */
export function lqueryvg(ctx: CommandContext): number {
  const p = parseOrUsage(ctx, 'p:vLAtNPsFnaDcl', USAGE);
  if (typeof p === 'number') return p;
  const pv = value(p, 'p');
  if (pv === null || p.operands.length > 0) return usageError(ctx, null, USAGE);
  const other = p.flags.map((f) => f.flag).find((f) => !['p', 'v', 'L'].includes(f));
  if (other) return notSimulated(ctx, `-${other}`);
  const state = ctx.state();
  const disk = diskByName(state, pv);
  if (!disk) {
    ctx.err(MSG.notInOdm('lqueryvg', pv));
    return 1;
  }
  if (!disk.present) {
    MSG.lqueryvgUnreadable().forEach((l) => ctx.err(l));
    return 1;
  }
  const vgda = disk.vgid ? state.vgdas[disk.vgid] : undefined;
  if (!disk.vgid || !vgda) {
    MSG.lqueryvgNotMember().forEach((l) => ctx.err(l));
    return 1;
  }
  const showVgid = has(p, 'v') || !has(p, 'L');
  if (showVgid) ctx.out(disk.vgid);
  if (has(p, 'L')) vgda.lvs.forEach((lv, i) => ctx.out(`${disk.vgid}.${i + 1}`.padEnd(36) + `${lv.name} 1`));
  return 0;
}
