import type { Disk, HostState, LogicalVolume, OdmVg, OsImage, Vgda } from '../state/types.js';

// Lookups every command needs, in one place so that "which VG does lspv show for this disk"
// has a single answer: the ODM's, not the VGDA's.

export function diskByName(state: HostState, name: string): Disk | undefined {
  return state.disks.find((d) => d.name === name);
}

export function diskById(state: HostState, id: string): Disk | undefined {
  return state.disks.find((d) => d.id === id);
}

/** The ODM volume group a disk belongs to as the running system sees it (null: lspv shows None). */
export function odmVgOfDisk(state: HostState, disk: Disk): OdmVg | null {
  if (!disk.vgid) return null;
  return state.odm.find((v) => v.vgid === disk.vgid) ?? null;
}

export function odmVgByName(state: HostState, name: string): OdmVg | undefined {
  return state.odm.find((v) => v.name === name);
}

export function vgdaOf(state: HostState, vgid: string): Vgda {
  const v = state.vgdas[vgid];
  if (!v) throw new Error(`aixsim: state has no VGDA ${vgid}`);
  return v;
}

export function disksOfVg(state: HostState, vgid: string): Disk[] {
  const vgda = state.vgdas[vgid];
  if (!vgda) return [];
  return vgda.pvs.map((id) => diskById(state, id)).filter((d): d is Disk => d !== undefined);
}

export function rootvg(state: HostState): OdmVg {
  const v = state.odm.find((x) => x.vgid === state.booted.vgid);
  if (!v) throw new Error('aixsim: state has no running rootvg');
  return v;
}

export function runningImage(state: HostState): OsImage {
  const id = vgdaOf(state, state.booted.vgid).imageId;
  const img = id ? state.images[id] : undefined;
  if (!img) throw new Error('aixsim: running rootvg carries no OS image');
  return img;
}

/** LV names as the ODM knows them: the running names, alt_ names during phase 1, none for a place holder. */
export function odmLvs(state: HostState, vg: OdmVg): LogicalVolume[] {
  if (!vg.lvsInOdm) return [];
  return vgdaOf(state, vg.vgid).lvs;
}

export function isAltinstMounted(vg: OdmVg): boolean {
  return vg.alt !== null && (vg.alt.phase === 1 || vg.alt.awake) && vg.active;
}

export function formatPvid(pvid: string | null): string {
  return pvid ?? 'none';
}
