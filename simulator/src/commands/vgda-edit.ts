import type { Disk, HostState } from '../state/types.js';

/**
 * A disk leaves the volume group written on it: drop it from that VGDA's disk list, and drop the
 * VGDA itself once no disk carries it and the ODM no longer defines it (nothing can reach it).
 */
export function forgetDiskInVgda(state: HostState, disk: Disk): void {
  const vgid = disk.vgid;
  if (!vgid) return;
  disk.vgid = null;
  const vgda = state.vgdas[vgid];
  if (!vgda) return;
  vgda.pvs = vgda.pvs.filter((id) => id !== disk.id);
  const stillUsed = state.disks.some((d) => d.vgid === vgid) || state.odm.some((v) => v.vgid === vgid) || state.booted.vgid === vgid;
  if (vgda.pvs.length === 0 && !stillUsed) delete state.vgdas[vgid];
}
