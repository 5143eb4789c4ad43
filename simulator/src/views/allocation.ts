import type { Disk, HostState, LogicalVolume, Vgda } from '../state/types.js';

// Where each logical partition lives is derived, never stored: copy N of a mirrored LV sits on
// the VG's disk N (strict mirroring), a single copy fills the disks in order. lspv -l, lsvg -p,
// lslv -l and lsvg -M are all views of this one allocation.

export interface Segment {
  lv: string;
  /** 1-based copy number. */
  copy: number;
  /** 1-based first physical partition on the disk. */
  firstPp: number;
  /** 1-based first logical partition of the LV stored in this segment. */
  firstLp: number;
  count: number;
}

export interface DiskAllocation {
  diskId: string;
  totalPps: number;
  segments: Segment[];
  usedPps: number;
}

/** A disk gives up one partition's worth of space to the VGDA/VGSA: 20480 MB at 32 MB → 639 PPs. */
export function totalPpsOf(sizeMb: number, ppSizeMb: number): number {
  return Math.max(0, Math.floor(sizeMb / ppSizeMb) - 1);
}

export function allocate(vgda: Vgda, disks: Disk[]): Map<string, DiskAllocation> {
  const out = new Map<string, DiskAllocation>();
  for (const id of vgda.pvs) {
    const d = disks.find((x) => x.id === id);
    out.set(id, { diskId: id, totalPps: d ? totalPpsOf(d.sizeMb, vgda.ppSizeMb) : 0, segments: [], usedPps: 0 });
  }
  const place = (a: DiskAllocation, lv: LogicalVolume, copy: number, firstLp: number, count: number) => {
    a.segments.push({ lv: lv.name, copy, firstPp: a.usedPps + 1, firstLp, count });
    a.usedPps += count;
  };
  for (const lv of vgda.lvs) {
    if (lv.copies > 1 && vgda.pvs.length >= lv.copies) {
      for (let c = 0; c < lv.copies; c++) place(out.get(vgda.pvs[c]!)!, lv, c + 1, 1, lv.lps);
      continue;
    }
    for (let c = 0; c < lv.copies; c++) {
      let left = lv.lps;
      let lp = 1;
      for (const id of vgda.pvs) {
        if (left === 0) break;
        const a = out.get(id)!;
        const free = a.totalPps - a.usedPps;
        if (free <= 0) continue;
        const n = Math.min(free, left);
        place(a, lv, c + 1, lp, n);
        left -= n;
        lp += n;
      }
      if (left > 0) {
        // Over-committed (a profile that does not fit): keep the books balanced on the last disk.
        place(out.get(vgda.pvs[vgda.pvs.length - 1]!)!, lv, c + 1, lp, left);
      }
    }
  }
  return out;
}

/** The five regions AIX reports distributions over (outer edge … inner edge). */
export function regionSizes(totalPps: number): number[] {
  const base = Math.floor(totalPps / 5);
  const sizes = [base, base, base, base, base];
  let extra = totalPps - base * 5;
  for (const i of [0, 4, 1, 3, 2]) {
    if (extra === 0) break;
    sizes[i]! += 1;
    extra -= 1;
  }
  return sizes;
}

/** How many of the given PP ranges fall in each region. */
export function distribution(totalPps: number, ranges: { firstPp: number; count: number }[]): number[] {
  const sizes = regionSizes(totalPps);
  const bounds: [number, number][] = [];
  let start = 1;
  for (const s of sizes) {
    bounds.push([start, start + s - 1]);
    start += s;
  }
  const counts = [0, 0, 0, 0, 0];
  for (const r of ranges) {
    const end = r.firstPp + r.count - 1;
    bounds.forEach(([lo, hi], i) => {
      const overlap = Math.min(hi, end) - Math.max(lo, r.firstPp) + 1;
      if (overlap > 0) counts[i]! += overlap;
    });
  }
  return counts;
}

export function freeRanges(a: DiskAllocation): { firstPp: number; count: number }[] {
  const free = a.totalPps - a.usedPps;
  return free > 0 ? [{ firstPp: a.usedPps + 1, count: free }] : [];
}

export function vgTotals(state: HostState, vgda: Vgda): { totalPps: number; usedPps: number; freePps: number } {
  const alloc = allocate(vgda, state.disks);
  let totalPps = 0;
  let usedPps = 0;
  for (const a of alloc.values()) {
    totalPps += a.totalPps;
    usedPps += Math.min(a.usedPps, a.totalPps);
  }
  return { totalPps, usedPps, freePps: totalPps - usedPps };
}
