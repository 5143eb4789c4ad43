import type { CommandContext } from '../runtime/context.js';
import type { Disk, HostState } from '../state/types.js';
import { getopt, has } from '../runtime/getopt.js';
import { diskByName, formatPvid, odmLvs, odmVgOfDisk, vgdaOf } from '../views/host.js';
import { allocate, distribution, freeRanges } from '../views/allocation.js';
import { distributionString, fields, pairLine } from '../format/columns.js';
import { MSG } from '../aix/messages.js';
import { usageError } from './usage.js';

const USAGE = [
  'Usage: lspv',
  '       lspv [ -L ] [ -P ] [ -l | -p | -M ] [ -n descriptorphysicalvolume] [ -v volumegroupid] physicalvolume',
];

/** [V] §10.2: columns at 0, 16, 52, 68, padded with blanks to 80. */
export function lspvRow(state: HostState, d: Disk): string {
  const vg = odmVgOfDisk(state, d);
  return fields([d.name, formatPvid(d.pvid), vg ? vg.name : 'None', vg?.active ? 'active' : ''], [16, 36, 16, 12]);
}

const PAIR = { leftLabel: 20, rightAt: 45, rightLabel: 18 };

function detail(ctx: CommandContext, state: HostState, d: Disk): number {
  const vg = odmVgOfDisk(state, d);
  if (!d.pvid) {
    MSG.pvNotInDatabase(d.name).forEach((l) => ctx.err(l));
    return 1;
  }
  if (!vg) {
    MSG.pvNotAssignedLspv(d.name).forEach((l) => ctx.err(l));
    return 1;
  }
  const vgda = vgdaOf(state, vg.vgid);
  const head = [
    pairLine('PHYSICAL VOLUME:', d.name, 'VOLUME GROUP:', vg.name, PAIR),
    `PV IDENTIFIER:      ${d.pvid} VG IDENTIFIER     ${vg.vgid}`,
  ];
  if (!vg.active) {
    // [V] §10.3: the error on stderr, a table of question marks on stdout, non-zero exit.
    ctx.err(MSG.vgMustBeVariedOn);
    const q = '???????';
    [
      ...head,
      pairLine('PV STATE:', q, null, '', PAIR),
      pairLine('STALE PARTITIONS:', q, 'ALLOCATABLE:', q, PAIR),
      pairLine('PP SIZE:', q, 'LOGICAL VOLUMES:', q, PAIR),
      pairLine('TOTAL PPs:', q, 'VG DESCRIPTORS:', q, PAIR),
      pairLine('FREE PPs:', q, 'HOT SPARE:', q, PAIR),
      pairLine('USED PPs:', q, 'MAX REQUEST:', '256 kilobytes', PAIR),
      pairLine('FREE DISTRIBUTION:', q, null, '', PAIR),
      pairLine('USED DISTRIBUTION:', q, null, '', PAIR),
      pairLine('MIRROR POOL:', q, null, '', PAIR),
    ].forEach((l) => ctx.out(l));
    return 1;
  }
  const a = allocate(vgda, state.disks).get(d.id)!;
  const pp = vgda.ppSizeMb;
  const used = Math.min(a.usedPps, a.totalPps);
  const free = a.totalPps - used;
  const lvsHere = new Set(a.segments.map((s) => s.lv));
  const lvCount = odmLvs(state, vg).filter((lv) => lvsHere.has(lv.name)).length;
  const descriptors = vgda.pvs.length === 1 ? 2 : vgda.pvs[0] === d.id ? 2 : 1;
  [
    ...head,
    pairLine('PV STATE:', 'active', null, '', PAIR),
    pairLine('STALE PARTITIONS:', '0', 'ALLOCATABLE:', 'yes', PAIR),
    pairLine('PP SIZE:', `${pp} megabyte(s)`, 'LOGICAL VOLUMES:', String(lvCount), PAIR),
    pairLine('TOTAL PPs:', `${a.totalPps} (${a.totalPps * pp} megabytes)`, 'VG DESCRIPTORS:', String(descriptors), PAIR),
    pairLine('FREE PPs:', `${free} (${free * pp} megabytes)`, 'HOT SPARE:', 'no', PAIR),
    pairLine('USED PPs:', `${used} (${used * pp} megabytes)`, 'MAX REQUEST:', '512 kilobytes', PAIR),
    pairLine('FREE DISTRIBUTION:', distributionString(distribution(a.totalPps, freeRanges(a))), null, '', PAIR),
    pairLine('USED DISTRIBUTION:', distributionString(distribution(a.totalPps, a.segments)), null, '', PAIR),
    pairLine('MIRROR POOL:', 'None', null, '', PAIR),
  ].forEach((l) => ctx.out(l));
  return 0;
}

/** [V] §10.4: columns 0, 22, 30, 38, 60. */
function listLvs(ctx: CommandContext, state: HostState, d: Disk): number {
  const vg = odmVgOfDisk(state, d);
  if (!vg) {
    MSG.pvNotAssignedLspv(d.name).forEach((l) => ctx.err(l));
    return 1;
  }
  if (!vg.active) {
    ctx.err(MSG.vgMustBeVariedOn); // [U] for lspv -l
    return 1;
  }
  const vgda = vgdaOf(state, vg.vgid);
  const a = allocate(vgda, state.disks).get(d.id)!;
  ctx.out(`${d.name}:`);
  ctx.out(fields(['LV NAME', 'LPs', 'PPs', 'DISTRIBUTION', 'MOUNT POINT'], [22, 8, 8, 22, null]));
  for (const lv of odmLvs(state, vg)) {
    const segs = a.segments.filter((s) => s.lv === lv.name);
    if (segs.length === 0) continue;
    const pps = segs.reduce((n, s) => n + s.count, 0);
    const lps = new Set(segs.flatMap((s) => Array.from({ length: s.count }, (_, i) => s.firstLp + i))).size;
    ctx.out(fields([lv.name, String(lps), String(pps), distributionString(distribution(a.totalPps, segs)), lv.mount ?? 'N/A'], [22, 8, 8, 22, null]));
  }
  return 0;
}

export function lspv(ctx: CommandContext): number {
  let p;
  try {
    p = getopt(ctx.args, 'LPlpMn:v:');
  } catch (e) {
    return usageError(ctx, e, USAGE);
  }
  const state = ctx.state();
  if (p.operands.length === 0) {
    if (p.flags.length > 0) return usageError(ctx, null, USAGE);
    for (const d of state.disks) ctx.out(lspvRow(state, d));
    return 0;
  }
  const d = diskByName(state, p.operands[0]!);
  if (!d) {
    // [U] an unknown name gets the same "not found in the system database" text.
    MSG.pvNotInDatabase(p.operands[0]!).forEach((l) => ctx.err(l));
    return 1;
  }
  if (has(p, 'l')) return listLvs(ctx, state, d);
  return detail(ctx, state, d);
}
