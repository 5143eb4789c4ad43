import type { AltdiskFacts } from '../../../common/facts-answer.js';
import type { LvType } from '../state/types.js';
import type { DiskSpec, ProfileSpec, VgSpec } from '../state/profiles.js';

// A twin of a real host, from the facts module's answer (ansible_facts.altdisk): the same disks
// (names, sizes, PVIDs), rootvg (disks, PP size, copies, logical volumes), other volume groups,
// oslevel, alt-disk fileset levels and boot lists. What the facts do not say (the VG identifiers,
// the rootvg format, the logical volumes of data VGs, the level of an old_rootvg) is the
// simulator's default. A host with an old_rootvg or an altinst_rootvg is reached the way AIX
// got there: the AIX commands that make them are replayed on the twin (twin/replay.ts).

export type TwinStep =
  | { kind: 'command'; argv: string[] }
  | { kind: 'reboot'; from: string };

export interface TwinPlan {
  profile: ProfileSpec;
  steps: TwinStep[];
  /** What the twin cannot reproduce, in words (shown after init). */
  notes: string[];
}

const LV_TYPES: LvType[] = ['boot', 'paging', 'jfs2log', 'jfs2', 'jfs', 'jfslog', 'sysdump', 'raw'];

/** The aixsim level string: oslevel -s from 5.3 on, V.R.M.F-ML below. */
function levelOf(f: AltdiskFacts): string {
  if (f.generation === 'modern' && f.oslevel.sp) return f.oslevel.sp;
  const ml = /^\d{4}-(\d+)$/.exec(f.oslevel.tl)?.[1];
  return ml ? `${f.oslevel.base}-${ml}` : f.oslevel.base;
}

/** Paths per disk, from the pathid attribute of its boot list entries ("0,1,2,3": four). */
function pathsFromBootlists(f: AltdiskFacts): Map<string, number> {
  const out = new Map<string, number>();
  for (const e of [...f.bootlist.normal, ...f.bootlist.service]) {
    if (!e.device || !e.attrs.pathid) continue;
    out.set(e.device, Math.max(out.get(e.device) ?? 0, e.attrs.pathid.split(',').length));
  }
  return out;
}

export function twinPlan(f: AltdiskFacts, hostname: string): TwinPlan {
  const notes: string[] = [];
  const steps: TwinStep[] = [];
  const paths = pathsFromBootlists(f);
  const disks: DiskSpec[] = f.disks.map((d) => {
    if (d.size_mb === null) notes.push(`${d.name}: the facts give no size; the twin gives it 30720 MB`);
    return {
      name: d.name,
      sizeMb: d.size_mb ?? 30720,
      pvid: d.pvid ?? 'none',
      ...(paths.has(d.name) ? { paths: paths.get(d.name)! } : {}),
    };
  });
  const rv = f.rootvg;
  const copies = Math.min(Math.max(rv.copies, 1), 3);
  const lvs = rv.lvs.map((lv) => {
    const type = (LV_TYPES as string[]).includes(lv.type) ? (lv.type as LvType) : 'raw';
    return { name: lv.name, type, lps: lv.lps, mount: lv.mount };
  });
  const old = f.old_rootvg;
  // With an old_rootvg, the twin starts as the host was before it booted its clone: rootvg on the
  // old disks; the clone onto today's rootvg disks and the reboot are replayed.
  const firstRootDisks = old ? old.disks : rv.disks;
  if (old && copies > 1) notes.push(`rootvg has ${copies} copies: the twin's rootvg, made by booting a clone, has one`);
  if (old) notes.push('the twin\'s old_rootvg is at the level of today\'s rootvg (the facts do not give its level)');
  const datavgs: VgSpec[] = f.volume_groups
    .filter((v) => v.role === 'other' && v.disks.length > 0)
    .map((v) => ({ name: v.name, disks: v.disks, active: v.active, lvs: [] }));
  if (datavgs.length) notes.push(`the logical volumes of ${datavgs.map((v) => v.name).join(', ')} are not in the facts: the twin's are empty`);
  const normal = f.bootlist.normal.map((e) => e.device).filter((d): d is string => d !== null && d !== '-');
  const service = f.bootlist.service.map((e) => e.device).filter((d): d is string => d !== null && d !== '-');
  const profile: ProfileSpec = {
    name: 'twin',
    hostname,
    level: levelOf(f),
    platform: 'chrp',
    hardwareBits: 64,
    kernelBits: f.generation === 'legacy' ? 32 : 64,
    realMemoryKb: 16777216,
    disks,
    rootvg: { disks: firstRootDisks, ppSizeMb: rv.pp_size_mb, copies: (old ? 1 : copies) as 1 | 2, lvs, format: 'original' },
    datavgs,
    altDisk: { rte: f.filesets['bos.alt_disk_install.rte'] ?? null, bootImages: f.filesets['bos.alt_disk_install.boot_images'] ?? null },
    nimClient: false,
    bootlist: firstRootDisks.slice(0, 1),
  };
  if (old) {
    const copy = f.generation === 'legacy' ? ['alt_disk_install', '-C', '-B', ...rv.disks] : ['alt_disk_copy', '-d', rv.disks.join(' '), '-B'];
    steps.push({ kind: 'command', argv: copy });
    steps.push({ kind: 'reboot', from: rv.boot_disks[0] ?? rv.disks[0]! });
  }
  const alt = f.altinst;
  if (alt.state !== 'none' && alt.disks.length > 0) {
    const targets = alt.disks.join(' ');
    if (alt.made_by && /alt_disk_mksysb|alt_disk_install .*-d/.test(alt.made_by)) notes.push(`altinst_rootvg was made by "${alt.made_by}": the twin's is a clone of rootvg`);
    const legacy = f.generation === 'legacy';
    if (alt.state === 'phase1') steps.push({ kind: 'command', argv: legacy ? ['alt_disk_install', '-C', '-P', '1', ...alt.disks] : ['alt_disk_copy', '-d', targets, '-P', '1'] });
    else steps.push({ kind: 'command', argv: legacy ? ['alt_disk_install', '-C', '-B', ...alt.disks] : ['alt_disk_copy', '-d', targets, '-B'] });
    if (alt.state === 'awake') steps.push({ kind: 'command', argv: ['alt_rootvg_op', '-W', '-d', alt.boot_disk ?? alt.disks[0]!] });
    if (alt.state === 'varied-on-by-hand') steps.push({ kind: 'command', argv: ['varyonvg', 'altinst_rootvg'] });
  }
  if (normal.length) steps.push({ kind: 'command', argv: ['bootlist', '-m', 'normal', ...normal] });
  if (service.length) steps.push({ kind: 'command', argv: ['bootlist', '-m', 'service', ...service] });
  return { profile, steps, notes };
}
