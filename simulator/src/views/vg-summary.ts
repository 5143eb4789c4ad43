import type { HostState, LogicalVolume, OdmVg, Vgda } from '../state/types.js';
import { allocate, vgTotals, type DiskAllocation } from './allocation.js';
import { diskById, odmLvs, vgdaOf } from './host.js';
import { openLvCount } from './mounts.js';

// The numbers lsvg, lslv and getconf report about a volume group, computed once from the VGDA.

export interface VgSummary {
  vg: OdmVg;
  vgda: Vgda;
  ppSizeMb: number;
  totalPps: number;
  usedPps: number;
  freePps: number;
  lvCount: number;
  openLvs: number;
  totalPvs: number;
  activePvs: number;
  /** [V §11.3] 2 with one disk, 3 with two (sample_lsvg_output1), one per disk beyond. */
  descriptors: number;
  quorum: number;
  /** Largest PP count of one disk: decides the t-factor of original/big VGs. */
  maxPpsOnOnePv: number;
}

export function vgDescriptors(pvCount: number): number {
  if (pvCount <= 1) return 2;
  if (pvCount === 2) return 3;
  return pvCount;
}

export function summarizeVg(state: HostState, vg: OdmVg): VgSummary {
  const vgda = vgdaOf(state, vg.vgid);
  const totals = vgTotals(state, vgda);
  const alloc = allocate(vgda, state.disks);
  const activePvs = vgda.pvs.filter((id) => diskById(state, id)?.present === true).length;
  const descriptors = vgDescriptors(vgda.pvs.length);
  return {
    vg,
    vgda,
    ppSizeMb: vgda.ppSizeMb,
    ...totals,
    lvCount: odmLvs(state, vg).length,
    openLvs: openLvCount(state, vg),
    totalPvs: vgda.pvs.length,
    activePvs,
    descriptors,
    quorum: Math.floor(descriptors / 2) + 1,
    maxPpsOnOnePv: Math.max(0, ...[...alloc.values()].map((a) => a.totalPps)),
  };
}

/** The disks holding partitions of a logical volume, with the PPs each holds. */
export function lvPlacement(alloc: Map<string, DiskAllocation>, lv: LogicalVolume): { diskId: string; pps: number; a: DiskAllocation }[] {
  const out: { diskId: string; pps: number; a: DiskAllocation }[] = [];
  for (const a of alloc.values()) {
    const pps = a.segments.filter((s) => s.lv === lv.name).reduce((n, s) => n + s.count, 0);
    if (pps > 0) out.push({ diskId: a.diskId, pps, a });
  }
  return out;
}
