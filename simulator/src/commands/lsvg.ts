import * as fs from 'node:fs';
import type { CommandContext } from '../runtime/context.js';
import type { HostState, OdmVg } from '../state/types.js';
import { has } from '../runtime/getopt.js';
import { diskById, odmLvs, odmVgByName, vgdaOf } from '../views/host.js';
import { allocate, distribution, freeRanges } from '../views/allocation.js';
import { isLvOpen, mountPointShown } from '../views/mounts.js';
import { lvPlacement, summarizeVg, type VgSummary } from '../views/vg-summary.js';
import { runningRelease } from '../views/os-release.js';
import { distributionString, fields, pairLine } from '../format/columns.js';
import { MSG } from '../aix/messages.js';
import { usageError } from './usage.js';
import { notSimulated, parseOrUsage } from './parse-args.js';

/** [V §11.1] syntax, printed as the usage text. */
const USAGE = ['Usage: lsvg [ -L ] [ -o ] | [ -n descriptorphysicalvolume ] | [ -i ] [ -l | -M | -p ] [ -m ] [ -P ] volumegroup ...'];

/** [V §11.3] 5.3 and later: label 20 wide, right label at 45, 16 wide, value at 61. */
const PAIR = { leftLabel: 20, rightAt: 45, rightLabel: 16 };
/** [I] the pre-5.3 layout of a public 5.x-era capture (not in the reference): label 16 wide, right label at 41; [U] for 4.3. */
const PAIR_LEGACY = { leftLabel: 16, rightAt: 41, rightLabel: 16 };

const pps = (n: number, ppSize: number): string => `${n} (${n * ppSize} megabytes)`;

/** MAX PPs per PV / MAX PVs of original and big VGs scale with the t-factor (chvg -t). */
function tFactor(s: VgSummary): number {
  return Math.max(1, Math.ceil(s.maxPpsOnOnePv / 1016));
}

function legacyDetail(s: VgSummary): string[] {
  const P = PAIR_LEGACY;
  const t = tFactor(s);
  // [U] AIX 4.3: the 5.x capture's layout without the LTG/hot spare lines that came with 5.1.
  return [
    pairLine('VOLUME GROUP:', s.vg.name, 'VG IDENTIFIER:', s.vg.vgid, P),
    pairLine('VG STATE:', 'active', 'PP SIZE:', `${s.ppSizeMb} megabyte(s)`, P),
    pairLine('VG PERMISSION:', 'read/write', 'TOTAL PPs:', pps(s.totalPps, s.ppSizeMb), P),
    pairLine('MAX LVs:', '256', 'FREE PPs:', pps(s.freePps, s.ppSizeMb), P),
    pairLine('LVs:', String(s.lvCount), 'USED PPs:', pps(s.usedPps, s.ppSizeMb), P),
    pairLine('OPEN LVs:', String(s.openLvs), 'QUORUM:', String(s.quorum), P),
    pairLine('TOTAL PVs:', String(s.totalPvs), 'VG DESCRIPTORS:', String(s.descriptors), P),
    pairLine('STALE PVs:', '0', 'STALE PPs:', '0', P),
    pairLine('ACTIVE PVs:', String(s.activePvs), 'AUTO ON:', autoOn(s.vg), P),
    pairLine('MAX PPs per PV:', String(1016 * t), 'MAX PVs:', String(Math.floor(32 / t)), P),
  ];
}

/** Alternate rootvgs are defined not to vary on at boot [U §3.2 recollection]. */
function autoOn(vg: OdmVg): string {
  return vg.alt !== null || !vg.lvsInOdm ? 'no' : 'yes';
}

function detail(state: HostState, vg: OdmVg): string[] {
  const s = summarizeVg(state, vg);
  const release = runningRelease(state);
  if (state.generation === 'legacy') return legacyDetail(s);
  const P = PAIR;
  const scalable = s.vgda.format === 'scalable';
  const t = tFactor(s);
  const lines = [
    pairLine('VOLUME GROUP:', vg.name, 'VG IDENTIFIER:', vg.vgid, P),
    pairLine('VG STATE:', 'active', 'PP SIZE:', `${s.ppSizeMb} megabyte(s)`, P),
    pairLine('VG PERMISSION:', 'read/write', 'TOTAL PPs:', pps(s.totalPps, s.ppSizeMb), P),
    pairLine('MAX LVs:', s.vgda.format === 'big' ? '512' : '256', 'FREE PPs:', pps(s.freePps, s.ppSizeMb), P),
    pairLine('LVs:', String(s.lvCount), 'USED PPs:', pps(s.usedPps, s.ppSizeMb), P),
    // [V] "2 (Enabled)" on 7.3 (§11.3); plain "2" on 6.1 (glpi capture), so on 5.3 too.
    pairLine('OPEN LVs:', String(s.openLvs), 'QUORUM:', release >= 71 ? `${s.quorum} (Enabled)` : String(s.quorum), P),
    pairLine('TOTAL PVs:', String(s.totalPvs), 'VG DESCRIPTORS:', String(s.descriptors), P),
    pairLine('STALE PVs:', '0', 'STALE PPs:', '0', P),
    pairLine('ACTIVE PVs:', String(s.activePvs), 'AUTO ON:', autoOn(vg), P),
  ];
  if (scalable) {
    // [V] sample_lsvg_output1 (IBM ansible-power-aix): scalable VGs.
    lines.push(pairLine('MAX PPs per VG:', '32768', 'MAX PVs:', '1024', P));
  } else {
    // [V §11.3] original VGs; [U] big VGs (130048 / 128).
    const big = s.vgda.format === 'big';
    lines.push(pairLine('MAX PPs per VG:', big ? '130048' : '32512', null, '', P));
    lines.push(pairLine('MAX PPs per PV:', String(1016 * t), 'MAX PVs:', String(Math.floor((big ? 128 : 32) / t)), P));
  }
  // [V] 512 on 7.3 (§11.3); [U] 256 on 5.3.
  lines.push(pairLine('LTG size (Dynamic):', release >= 71 ? '512 kilobyte(s)' : '256 kilobyte(s)', 'AUTO SYNC:', 'no', P));
  // [V] the scalable capture carries a trailing blank after "relocatable" and a padded MIRROR POOL STRICT line.
  lines.push(pairLine('HOT SPARE:', 'no', 'BB POLICY:', scalable ? 'relocatable ' : 'relocatable', P));
  if (scalable && release >= 61) lines.push('MIRROR POOL STRICT: off'.padEnd(62));
  // [V] 7.3 lines (§11.3); [U] which release introduced each.
  if (release >= 71) {
    lines.push(pairLine('PV RESTRICTION:', 'none', 'INFINITE RETRY:', 'no', P));
    lines.push(pairLine('DISK BLOCK SIZE:', '512', 'CRITICAL VG:', 'no', P));
  }
  if (release >= 72) {
    lines.push(pairLine('FS SYNC OPTION:', 'no', 'CRITICAL PVs:', 'no', P));
    // [V] "yes" for the 7.3 rootvg of §11.3, "no" for the data VG of sample_lsvg_output1.
    lines.push(pairLine('ENCRYPTION:', release >= 73 && s.vgda.imageId !== null ? 'yes' : 'no', null, '', P));
  }
  return lines;
}

/** [V §11.4] columns 0, 20, 31, 39, 47, 52, 66. */
const LV_WIDTHS = [20, 11, 8, 8, 5, 14, null];

function lvList(state: HostState, vg: OdmVg): string[] {
  const vgda = vgdaOf(state, vg.vgid);
  const alloc = allocate(vgda, state.disks);
  const lines = [`${vg.name}:`, fields(['LV NAME', 'TYPE', 'LPs', 'PPs', 'PVs', 'LV STATE', 'MOUNT POINT'], LV_WIDTHS)];
  // A place holder varied on by hand owns no logical volumes in the ODM [V §3.2, I §19]: header only.
  for (const lv of odmLvs(state, vg)) {
    const placed = lvPlacement(alloc, lv);
    const ppCount = placed.reduce((n, p) => n + p.pps, 0);
    const lvState = isLvOpen(state, vg, lv) ? 'open/syncd' : 'closed/syncd';
    lines.push(fields([lv.name, lv.type, String(lv.lps), String(ppCount), String(placed.length), lvState, mountPointShown(vg, lv)], LV_WIDTHS));
  }
  return lines;
}

/** [V §11.5] columns 0, 18, 36, 48, 60. */
const PV_WIDTHS = [18, 18, 12, 12, null];

function pvList(state: HostState, vg: OdmVg): string[] {
  const vgda = vgdaOf(state, vg.vgid);
  const alloc = allocate(vgda, state.disks);
  const lines = [`${vg.name}:`, fields(['PV_NAME', 'PV STATE', 'TOTAL PPs', 'FREE PPs', 'FREE DISTRIBUTION'], PV_WIDTHS)];
  for (const id of vgda.pvs) {
    const d = diskById(state, id);
    const a = alloc.get(id)!;
    const free = Math.max(0, a.totalPps - a.usedPps);
    // [U] a disk that is gone shows "missing".
    const pvState = d?.present ? 'active' : 'missing';
    lines.push(fields([d?.name ?? id, pvState, String(a.totalPps), String(free), distributionString(distribution(a.totalPps, freeRanges(a)))], PV_WIDTHS));
  }
  return lines;
}

/**
 * [V §18] one line per used PP, `hdisk4:453      hd1:101`, copies of mirrored LVs as `hd10opt:1:2`
 * (so IBM's mirror check `^(\S+):\d+\s+\S+:\d+:(\d+)$` sees copy 1 and copy 2 on their disks);
 * [I] free ranges `hdisk4:512-639` (IBM code comment); [U] the VG name as first line.
 */
function ppMap(state: HostState, vg: OdmVg): string[] {
  const vgda = vgdaOf(state, vg.vgid);
  const alloc = allocate(vgda, state.disks);
  const copiesOf = new Map(vgda.lvs.map((lv) => [lv.name, lv.copies]));
  const lines = [vg.name];
  for (const id of vgda.pvs) {
    const name = diskById(state, id)?.name ?? id;
    const a = alloc.get(id)!;
    for (const seg of [...a.segments].sort((x, y) => x.firstPp - y.firstPp)) {
      const mirrored = (copiesOf.get(seg.lv) ?? 1) > 1;
      for (let i = 0; i < seg.count; i++) {
        const where = `${name}:${seg.firstPp + i}`;
        lines.push(where.padEnd(16) + `${seg.lv}:${seg.firstLp + i}` + (mirrored ? `:${seg.copy}` : ''));
      }
    }
    for (const r of freeRanges(a)) lines.push(`${name}:${r.firstPp}-${r.firstPp + r.count - 1}`);
  }
  return lines;
}

/** [V] sample_lsvg_output1: the mirror pool table; the simulator knows no mirror pools. */
function mirrorPools(state: HostState, vg: OdmVg): string[] {
  const vgda = vgdaOf(state, vg.vgid);
  return [
    fields(['Physical Volume', 'Mirror Pool'], [18, 18]),
    ...vgda.pvs.map((id) => fields([diskById(state, id)?.name ?? id, 'None'], [18, 18])),
  ];
}

function namesFromStdin(): string[] {
  try {
    return fs.readFileSync(0, 'utf8').split(/\s+/).filter(Boolean);
  } catch {
    return [];
  }
}

export function lsvg(ctx: CommandContext): number {
  const p = parseOrUsage(ctx, 'Lon:ilMpmP', USAGE);
  if (typeof p === 'number') return p;
  if (has(p, 'n')) return notSimulated(ctx, 'lsvg -n (reading a descriptor from a disk)');
  if (has(p, 'm')) return notSimulated(ctx, 'lsvg -m (mirror pools of logical volumes)');
  const views = ['l', 'M', 'p', 'P'].filter((f) => has(p, f));
  if (views.length > 1) return usageError(ctx, null, USAGE);
  const state = ctx.state();
  const names = has(p, 'i') ? [...p.operands, ...namesFromStdin()] : p.operands;
  if (names.length === 0) {
    if (views.length > 0 || has(p, 'i')) return usageError(ctx, null, USAGE);
    // [V §11.2] ODM order; -o only the varied-on ones.
    for (const vg of state.odm) if (!has(p, 'o') || vg.active) ctx.out(vg.name);
    return 0;
  }
  if (has(p, 'o')) return usageError(ctx, null, USAGE);
  let rc = 0;
  for (const name of names) {
    const vg = odmVgByName(state, name);
    if (!vg) {
      ctx.err(MSG.vgNotFound('lsvg', name));
      rc = 1;
      continue;
    }
    if (!vg.active) {
      // [V §11.3/§11.4] varied off: the error on stderr, nothing on stdout.
      ctx.err(MSG.vgMustBeVariedOn);
      rc = 1;
      continue;
    }
    const view = views[0];
    const lines =
      view === 'l' ? lvList(state, vg) : view === 'p' ? pvList(state, vg) : view === 'M' ? ppMap(state, vg) : view === 'P' ? mirrorPools(state, vg) : detail(state, vg);
    lines.forEach((l) => ctx.out(l));
  }
  return rc;
}
