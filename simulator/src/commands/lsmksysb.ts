import type { CommandContext } from '../runtime/context.js';
import { getopt, has, value } from '../runtime/getopt.js';
import { readMksysb, type MksysbImage } from '../mksysb/image.js';
import { machineId } from '../state/ids.js';
import { fields } from '../format/columns.js';
import { usageError } from './usage.js';
import { devicePath } from '../altdisk/paths.js';
import { dateLine } from '../altdisk/log.js';

// lsmksysb shows what a mksysb backup holds. IBM's backup module reads `lsmksysb -l -f <file>`:
// "0512-054" on stdout means "no backup there" [V peer §5]; rc 0 with "VOLUME GROUP: rootvg" means
// a rootvg backup exists. The layout below is [U] (recollection of AIX 7 output).

const USAGE = ['Usage: lsmksysb [-b blocks] [-f device] [-a] [-c] [-l] [-n] [-r] [-s] [-d path] [-B] [-D] [-L] [-V] [file_list]'];

/** [V number, peer §5; U wording] printed on stdout. */
export const NOT_A_BACKUP = (device: string): string => `0512-054 lsmksysb: The ${device} device or file does not contain a valid backup image.`;

function header(img: MksysbImage): string[] {
  const usedMb = img.lvs.reduce((n, lv) => n + lv.lps * lv.copies, 0) * img.ppSizeMb;
  const bosRte = img.filesets.find((f) => f.name === 'bos.rte')?.level ?? img.level.base;
  const label = (l: string, v: string) => l.padEnd(24) + v;
  return [
    label('VOLUME GROUP:', 'rootvg'),
    label('BACKUP DATE/TIME:', dateLine(new Date(img.createdAt))),
    label('UNAME INFO:', `AIX ${img.hostname} ${img.level.base.split('.')[1]} ${img.level.base.split('.')[0]} ${machineId(img.hostname)}4C00`),
    label('BACKUP OSLEVEL:', bosRte),
    label('MAINTENANCE LEVEL:', img.level.tl),
    label('BACKUP SIZE (MB):', String(usedMb)),
    label('SHRINK SIZE (MB):', String(Math.ceil(usedMb / 2))),
    label('VG DATA ONLY:', 'no'),
  ];
}

/** lsvg -l columns [V §11.4]: 0, 20, 31, 39, 47, 52, 66. */
function lvTable(img: MksysbImage): string[] {
  const w = [20, 11, 8, 8, 5, 14, null];
  return [
    'rootvg:',
    fields(['LV NAME', 'TYPE', 'LPs', 'PPs', 'PVs', 'LV STATE', 'MOUNT POINT'], w),
    ...img.lvs.map((lv) =>
      fields([lv.name, lv.type, String(lv.lps), String(lv.lps * lv.copies), String(lv.copies), lv.type === 'boot' ? 'closed/syncd' : 'open/syncd', lv.mount ?? 'N/A'], w),
    ),
  ];
}

export function lsmksysb(ctx: CommandContext): number {
  let p;
  try {
    p = getopt(ctx.args, 'b:f:aclnrsd:BDLV');
  } catch (e) {
    return usageError(ctx, e, USAGE);
  }
  const device = value(p, 'f') ?? '/dev/rmt0';
  const img = readMksysb(devicePath(ctx.dir, device));
  if (!img) {
    ctx.out(NOT_A_BACKUP(device));
    return 1;
  }
  if (has(p, 'l')) {
    [...header(img), '', ...lvTable(img)].forEach((l) => ctx.out(l));
    return 0;
  }
  const names = Object.keys(img.files).sort();
  const wanted = p.operands.length ? names.filter((n) => p.operands.some((o) => `./${n}`.startsWith(o.startsWith('./') ? o : `./${o.replace(/^\/+/, '')}`))) : names;
  wanted.forEach((n) => ctx.out(`${String(Buffer.byteLength(img.files[n]!)).padStart(12)} ./${n}`));
  return 0;
}
