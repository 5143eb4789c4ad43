import type { HostState, LogicalVolume, OdmVg } from '../state/types.js';
import { isAltinstMounted, odmLvs } from './host.js';

// Which file systems are mounted and which logical volumes are open. Nothing of this is stored:
// it follows from the volume groups' state, the way it follows on AIX from what boot and
// alt_disk_copy mounted. lsvg -l (LV STATE), lslv, lsvg (OPEN LVs) and mount all read it here.

export const ALT_INST = '/alt_inst';

export function isRunningRootvg(state: HostState, vg: OdmVg): boolean {
  return vg.vgid === state.booted.vgid;
}

export function isFileSystem(lv: LogicalVolume): boolean {
  return (lv.type === 'jfs2' || lv.type === 'jfs') && lv.mount !== null;
}

/** A clone's file system as seen from the running system: / → /alt_inst, /usr → /alt_inst/usr. */
export function altInstPath(mount: string): string {
  if (mount === ALT_INST || mount.startsWith(ALT_INST + '/')) return mount;
  return mount === '/' ? ALT_INST : ALT_INST + mount;
}

/** /alt_inst/usr → /usr: the running name of an alternate file system. */
export function runningMountOf(mount: string): string {
  if (mount === ALT_INST) return '/';
  return mount.startsWith(ALT_INST + '/') ? mount.slice(ALT_INST.length) : mount;
}

/** The MOUNT POINT column of lsvg -l and lslv: where the ODM places the file system. */
export function mountPointShown(vg: OdmVg, lv: LogicalVolume): string {
  if (!lv.mount) return 'N/A';
  if (vg.alt !== null && (vg.alt.phase === 1 || vg.alt.awake)) return altInstPath(lv.mount);
  return lv.mount;
}

/** Where a logical volume is mounted right now, or null. */
export function mountedAt(state: HostState, vg: OdmVg, lv: LogicalVolume): string | null {
  if (!isFileSystem(lv) || !vg.active || !vg.lvsInOdm) return null;
  if (isRunningRootvg(state, vg)) return lv.mount;
  if (vg.alt !== null) {
    if (!isAltinstMounted(vg)) return null;
    // Phase 1 mounts each file system as it creates it: one it never got to is not mounted.
    const build = state.vgdas[vg.vgid]?.build;
    if (build && !build.created.includes(runningMountOf(lv.mount!))) return null;
    return altInstPath(lv.mount!);
  }
  // The simulator has no umount: an ordinary volume group's file systems are mounted while it is varied on.
  return lv.mount;
}

/**
 * LV STATE open/closed [V §11.4 for rootvg]: file systems while mounted, the log while one of its
 * file systems is, paging and dump on the running system; the boot LV is never held open.
 */
export function isLvOpen(state: HostState, vg: OdmVg, lv: LogicalVolume): boolean {
  if (!vg.active || !vg.lvsInOdm) return false;
  switch (lv.type) {
    case 'jfs2':
    case 'jfs':
      return mountedAt(state, vg, lv) !== null;
    case 'jfs2log':
    case 'jfslog':
      return odmLvs(state, vg).some((other) => mountedAt(state, vg, other) !== null);
    case 'paging':
    case 'sysdump':
      // A paging space on a data volume group is in use too; an alternate rootvg's are not.
      return isRunningRootvg(state, vg) || (vg.alt === null && lv.type === 'paging');
    default:
      return false;
  }
}

export function openLvCount(state: HostState, vg: OdmVg): number {
  return odmLvs(state, vg).filter((lv) => isLvOpen(state, vg, lv)).length;
}

/** The JFS/JFS2 log device of a volume group, as /etc/filesystems and mount name it. */
export function logDeviceOf(lvs: LogicalVolume[]): string | null {
  const log = lvs.find((lv) => lv.type === 'jfs2log' || lv.type === 'jfslog');
  return log ? `/dev/${log.name}` : null;
}

export interface MountEntry {
  node: string;
  device: string;
  over: string;
  vfs: string;
  options: string;
}

/** Boot mounts / /usr /var /tmp /home /admin, then /proc, then /opt and the rest [U order, from IBM's mount fixture]. */
const BOOT_ORDER = ['/', '/usr', '/var', '/tmp', '/home', '/admin', '/proc', '/opt'];

function entriesOf(state: HostState, vg: OdmVg): MountEntry[] {
  const lvs = odmLvs(state, vg);
  const log = logDeviceOf(lvs);
  const out: MountEntry[] = [];
  for (const lv of lvs) {
    const over = mountedAt(state, vg, lv);
    if (over === null) continue;
    out.push({ node: '', device: `/dev/${lv.name}`, over, vfs: lv.type, options: log ? `rw,log=${log}` : 'rw' });
  }
  return out;
}

/** Mounted file systems in the order AIX mounted them: boot, data volume groups, then /alt_inst. */
export function mountTable(state: HostState): MountEntry[] {
  const root = state.odm.find((vg) => isRunningRootvg(state, vg));
  const rootEntries = root ? entriesOf(state, root) : [];
  if (state.generation === 'modern') {
    // /proc came with AIX 5.1: a 4.3 system has none.
    rootEntries.push({ node: '', device: '/proc', over: '/proc', vfs: 'procfs', options: 'rw' });
  }
  const rank = (e: MountEntry) => {
    const i = BOOT_ORDER.indexOf(e.over);
    return i < 0 ? BOOT_ORDER.length : i;
  };
  const ordered = rootEntries.map((e, i) => ({ e, i })).sort((a, b) => rank(a.e) - rank(b.e) || a.i - b.i).map((x) => x.e);
  const data: MountEntry[] = [];
  const alt: MountEntry[] = [];
  for (const vg of state.odm) {
    if (vg === root) continue;
    if (vg.alt !== null) alt.push(...entriesOf(state, vg).sort((a, b) => (a.over < b.over ? -1 : a.over > b.over ? 1 : 0)));
    else data.push(...entriesOf(state, vg));
  }
  return [...ordered, ...data, ...alt];
}
