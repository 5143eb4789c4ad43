import type { DiskFacts, RootvgFacts } from './types.js';

// How much disk a clone of rootvg needs, and which free disk to clone to. The policies follow
// IBM's alt_disk module (peer report §3.3) with two corrections: a mirrored rootvg is measured by
// its LV copies (PPs / LPs of `lsvg -l`), not by the PV rows of `lslv -l`, and a clone is ONE copy
// of rootvg, so one target disk is chosen (alt_disk_copy makes a single copy, H-18).

export type DiskSizePolicy = 'minimize' | 'upper' | 'lower' | 'nearest';

export const DISK_SIZE_POLICIES: readonly DiskSizePolicy[] = ['minimize', 'upper', 'lower', 'nearest'];

export interface RootvgSizeNeed {
  ppSizeMb: number;
  copies: number;
  /** MB that one copy of rootvg's logical volumes occupies: sum of LPs x PP size. A target must hold this. */
  usedMb: number;
  /** MB of one copy of the whole rootvg: TOTAL PPs x PP size / copies (integer MB, as IBM computes it). */
  totalMb: number;
}

export function rootvgSizeNeed(rootvg: Pick<RootvgFacts, 'ppSizeMb' | 'totalPps' | 'usedPps' | 'copies' | 'lvs'>): RootvgSizeNeed {
  const copies = Math.max(1, rootvg.copies);
  const usedPps = rootvg.lvs.length > 0 ? rootvg.lvs.reduce((n, lv) => n + lv.lps, 0) : Math.ceil(rootvg.usedPps / copies);
  return {
    ppSizeMb: rootvg.ppSizeMb,
    copies,
    usedMb: usedPps * rootvg.ppSizeMb,
    totalMb: Math.floor((rootvg.totalPps * rootvg.ppSizeMb) / copies),
  };
}

/**
 * A disk a clone may be put on without being named: free (lspv None, getlvodm unassigned, sized),
 * and not a rootvg copy that only looks free (AIX 4.3's former rootvg, the way back).
 */
export function isCloneCandidate(d: Pick<DiskFacts, 'free' | 'rootvgCopy'>): boolean {
  return d.free && !d.rootvgCopy;
}

export interface SizedDisk {
  name: string;
  sizeMb: number | null;
}

export type DiskSelection = { ok: true; disks: string[]; sizeMb: number; warnings: string[] } | { ok: false; reason: string };

/** Natural order for equal sizes, so the choice is the same on every run: hdisk2 before hdisk10. */
function byNumberInName(a: string, b: string): number {
  return a.localeCompare(b, 'en', { numeric: true });
}

function smallerThanRootvgWarning(name: string, sizeMb: number, need: RootvgSizeNeed): string[] {
  if (sizeMb >= need.totalMb) return [];
  return [
    `${name} (${sizeMb} MB) is smaller than rootvg (${need.totalMb} MB per copy): the clone holds the ${need.usedMb} MB in use, ` +
      'but rootvg cannot be grown to its current size on it.',
  ];
}

/** Pick ONE free disk for a clone of rootvg by policy; a precise reason when none fits. */
export function selectDisks(policy: DiskSizePolicy, freeDisks: readonly SizedDisk[], need: RootvgSizeNeed): DiskSelection {
  if (freeDisks.length === 0) {
    return { ok: false, reason: 'No free disk: every disk belongs to a volume group (lspv shows one, or getlvodm -j knows one).' };
  }
  const unknown = freeDisks.filter((d) => d.sizeMb === null).map((d) => d.name);
  const sized = freeDisks
    .filter((d): d is { name: string; sizeMb: number } => d.sizeMb !== null)
    .sort((a, b) => a.sizeMb - b.sizeMb || byNumberInName(a.name, b.name));
  const fitting = sized.filter((d) => d.sizeMb >= need.usedMb);
  if (fitting.length === 0) {
    const seen = sized.map((d) => `${d.name} ${d.sizeMb} MB`);
    if (unknown.length > 0) seen.push(`${unknown.join(', ')} of unknown size`);
    return {
      ok: false,
      reason: `No free disk can hold one copy of rootvg (${need.usedMb} MB in use, ${need.totalMb} MB in all): the free disks are ${seen.join(', ')}.`,
    };
  }
  let chosen: { name: string; sizeMb: number } | null = null;
  if (policy === 'minimize') {
    chosen = fitting[0]!;
  } else {
    let below: { name: string; sizeMb: number } | null = null;
    for (const d of fitting) {
      const diff = d.sizeMb - need.totalMb;
      if (diff === 0) {
        chosen = d;
        break;
      }
      if (diff > 0) {
        if (policy === 'upper') chosen = d;
        else if (policy === 'lower') chosen = below ?? d;
        else chosen = below === null || need.totalMb - below.sizeMb > diff ? d : below;
        break;
      }
      below = d;
    }
    // Every fitting disk is smaller than rootvg: the largest of them is the best there is, for every policy.
    chosen ??= below;
  }
  const pick = chosen!;
  return { ok: true, disks: [pick.name], sizeMb: pick.sizeMb, warnings: smallerThanRootvgWarning(pick.name, pick.sizeMb, need) };
}

/** Check disks an admin named as targets: all free, together large enough for one copy of rootvg. */
export function checkTargets(targets: readonly string[], disks: readonly DiskFacts[], need: RootvgSizeNeed): DiskSelection {
  if (targets.length === 0) return { ok: false, reason: 'No target disk given.' };
  let total = 0;
  for (const name of targets) {
    const d = disks.find((x) => x.name === name);
    if (!d) return { ok: false, reason: `${name} is not a disk of this system (lspv does not list it).` };
    if (d.vg !== null) return { ok: false, reason: `${name} belongs to volume group ${d.vg}: a target must show None in lspv.` };
    if (!d.free) return { ok: false, reason: `${name} shows None in lspv, but getlvodm -j finds it in a volume group: it is not free.` };
    if (d.sizeMb === null) return { ok: false, reason: `The size of ${name} is unknown.` };
    total += d.sizeMb;
  }
  const label = targets.join(' ');
  if (total < need.usedMb) {
    return { ok: false, reason: `${label} (${total} MB) cannot hold one copy of rootvg: ${need.usedMb} MB are in use.` };
  }
  return { ok: true, disks: [...targets], sizeMb: total, warnings: smallerThanRootvgWarning(label, total, need) };
}
