import type { CommandContext } from '../runtime/context.js';
import type { HostState, LogicalVolume, OdmVg } from '../state/types.js';
import { has } from '../runtime/getopt.js';
import { diskById, odmLvs, vgdaOf } from '../views/host.js';
import { allocate, distribution } from '../views/allocation.js';
import { isLvOpen, isRunningRootvg, mountPointShown } from '../views/mounts.js';
import { lvPlacement } from '../views/vg-summary.js';
import { runningRelease } from '../views/os-release.js';
import { fields, pairLine } from '../format/columns.js';
import { MSG } from '../aix/messages.js';
import { usageError } from './usage.js';
import { notSimulated, parseOrUsage } from './parse-args.js';

/** [U] from the AIX man page syntax as remembered. */
const USAGE = ['Usage: lslv [ -L ] [ -l | -m ] [ -n PhysicalVolume ] LogicalVolume'];

/** [U] layout; it matches a public AIX 7.3 capture: label 20 wide, right label at 43, 16 wide. */
const PAIR = { leftLabel: 20, rightAt: 43, rightLabel: 16 };

/** Regions (outer edge … inner edge) of each intra-policy band; [U] the per-LV-kind defaults below. */
type IntraPolicy = 'edge' | 'middle' | 'center';
const BAND: Record<IntraPolicy, number[]> = { edge: [0, 4], middle: [1, 3], center: [2] };

function intraPolicy(state: HostState, vg: OdmVg, lv: LogicalVolume): IntraPolicy {
  if (lv.type === 'boot') return 'edge';
  if (lv.type === 'paging') return 'middle';
  return isRunningRootvg(state, vg) || vg.alt !== null ? 'center' : 'middle';
}

interface Found {
  vg: OdmVg;
  lv: LogicalVolume;
  index: number;
}

/** LVs are looked up by their ODM name in every volume group the ODM defines with its LVs. */
function findLv(state: HostState, name: string): Found | null {
  for (const vg of state.odm) {
    if (!vg.lvsInOdm) continue;
    const lvs = odmLvs(state, vg);
    const index = lvs.findIndex((lv) => lv.name === name);
    if (index >= 0) return { vg, lv: lvs[index]!, index };
  }
  return null;
}

function detail(state: HostState, f: Found): string[] {
  const { vg, lv } = f;
  const vgda = vgdaOf(state, vg.vgid);
  const release = runningRelease(state);
  const scalable = vgda.format === 'scalable' && release >= 61;
  const alloc = allocate(vgda, state.disks);
  const ppCount = lvPlacement(alloc, lv).reduce((n, p) => n + p.pps, 0);
  const mount = mountPointShown(vg, lv);
  const P = PAIR;
  // Lines without a right column carry the blank right column in scalable VGs (sample_lslv_output1).
  const single = (label: string, value: string, pad: number | null): string => {
    const text = pairLine(label, value, null, '', P);
    return scalable && pad !== null ? text.padEnd(pad) : text;
  };
  const boot = lv.type === 'boot';
  const lines = [
    pairLine('LOGICAL VOLUME:', lv.name, 'VOLUME GROUP:', vg.name, P),
    pairLine('LV IDENTIFIER:', `${vg.vgid}.${f.index + 1}`, 'PERMISSION:', 'read/write', P),
    pairLine('VG STATE:', 'active/complete', 'LV STATE:', isLvOpen(state, vg, lv) ? 'opened/syncd' : 'closed/syncd', P),
    pairLine('TYPE:', lv.type, 'WRITE VERIFY:', 'off', P),
    pairLine('MAX LPs:', String(Math.max(512, lv.lps)), 'PP SIZE:', `${vgda.ppSizeMb} megabyte(s)`, P),
    pairLine('COPIES:', String(lv.copies), 'SCHED POLICY:', 'parallel', P),
    pairLine('LPs:', String(lv.lps), 'PPs:', String(ppCount), P),
    pairLine('STALE PPs:', '0', 'BB POLICY:', boot ? 'non-relocatable' : 'relocatable', P),
    pairLine('INTER-POLICY:', 'minimum', 'RELOCATABLE:', boot ? 'no' : 'yes', P),
    pairLine('INTRA-POLICY:', intraPolicy(state, vg, lv), 'UPPER BOUND:', vgda.format === 'scalable' ? '1024' : '32', P),
    pairLine('MOUNT POINT:', mount, 'LABEL:', lv.mount && (lv.type === 'jfs2' || lv.type === 'jfs') ? mount : 'None', P),
  ];
  if (scalable) {
    lines.push(pairLine('DEVICE UID:', '0', 'DEVICE GID:', '0', P));
    lines.push(single('DEVICE PERMISSIONS:', '432', 59));
  }
  lines.push(scalable ? 'MIRROR WRITE CONSISTENCY: on/ACTIVE'.padEnd(65) : 'MIRROR WRITE CONSISTENCY: on/ACTIVE');
  lines.push(scalable ? 'EACH LP COPY ON A SEPARATE PV ?: yes'.padEnd(72) : 'EACH LP COPY ON A SEPARATE PV ?: yes');
  if (release >= 53) lines.push(single('Serialize IO ?:', 'NO', 59));
  if (release >= 71) lines.push(pairLine('INFINITE RETRY:', 'no', 'PREFERRED READ:', '0', P));
  if (scalable) {
    lines.push('DEVICESUBTYPE:      DS_LVZ'.padEnd(66));
    for (const c of [1, 2, 3]) lines.push(single(`COPY ${c} MIRROR POOL:`, 'None', 59));
  }
  if (release >= 72) lines.push(pairLine('ENCRYPTION:', 'no', null, '', P));
  return lines;
}

/**
 * `lslv -l`: `<lv>:<mount point>`, the column header, one line per PV [V §18: IBM counts copies as
 * line count − 2]; columns 0, 18, 32, 46 and `NNN:000:000` copies as in public captures [I].
 */
function perPv(state: HostState, f: Found): string[] {
  const { vg, lv } = f;
  const vgda = vgdaOf(state, vg.vgid);
  const alloc = allocate(vgda, state.disks);
  const band = BAND[intraPolicy(state, vg, lv)];
  const widths = [18, 14, 14, null];
  const lines = [`${lv.name}:${mountPointShown(vg, lv)}`, fields(['PV', 'COPIES', 'IN BAND', 'DISTRIBUTION'], widths)];
  for (const { diskId, pps, a } of lvPlacement(alloc, lv)) {
    const segs = a.segments.filter((s) => s.lv === lv.name);
    const regions = distribution(a.totalPps, segs);
    const inBand = band.reduce((n, r) => n + regions[r]!, 0);
    const name = diskById(state, diskId)?.name ?? diskId;
    const three = (n: number) => String(n).padStart(3, '0');
    lines.push(fields([name, `${three(pps)}:000:000`, `${Math.floor((inBand * 100) / pps)}%`, regions.map(three).join(':')], widths));
  }
  return lines;
}

export function lslv(ctx: CommandContext): number {
  const p = parseOrUsage(ctx, 'Llmn:', USAGE);
  if (typeof p === 'number') return p;
  if (has(p, 'm')) return notSimulated(ctx, 'lslv -m (the partition map)');
  if (has(p, 'n')) return notSimulated(ctx, 'lslv -n (reading a descriptor from a disk)');
  if (p.operands.length !== 1) return usageError(ctx, null, USAGE);
  const name = p.operands[0]!;
  const state = ctx.state();
  const found = findLv(state, name);
  if (!found) {
    ctx.err(MSG.notInOdm('lslv', name));
    return 1;
  }
  if (!found.vg.active) {
    // [U] an LV whose volume group is varied off: the lsvg answer.
    ctx.err(MSG.vgMustBeVariedOn);
    return 1;
  }
  (has(p, 'l') ? perPv(state, found) : detail(state, found)).forEach((l) => ctx.out(l));
  return 0;
}
