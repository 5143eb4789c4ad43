// The simulated host keeps three layers apart, as AIX does, because every alt-disk hazard
// lives in the gap between them:
//   * physical disks and what is written on them (PVID, VGDA with its logical volumes, boot record);
//   * the running system's ODM (which volume groups it knows, their names, varied on or off);
//   * the OS images (level, filesets, files) carried by each rootvg copy.
// exportvg only forgets the ODM entry, a reboot rebuilds the ODM from the booted image, and the
// bootlist lives in firmware and follows physical disks, not names.

export type Platform = 'chrp' | 'rspc' | 'rs6k';
export type Generation = 'legacy' | 'modern';

export interface HostState {
  schema: 1;
  hostname: string;
  profile: string;
  /** legacy: only the AIX 4.3 alt_disk_install of the seed exists; modern: 5.3+ commands. */
  generation: Generation;
  platform: Platform;
  hardwareBits: 32 | 64;
  realMemoryKb: number;
  /** Seconds per nominal progress second (0: instant, 1: realistic). */
  speed: number;
  /** Monotonic counter feeding PVID/VGID/image id generation, so ids are deterministic per host. */
  seq: number;
  disks: Disk[];
  /** What is written on the disks, keyed by VGID. Survives exportvg. */
  vgdas: Record<string, Vgda>;
  /** The running system's ODM: defined volume groups in ODM order (the order lsvg lists them). */
  odm: OdmVg[];
  /** OS content of every rootvg copy, keyed by image id. */
  images: Record<string, OsImage>;
  bootlists: { normal: BootEntry[]; service: BootEntry[] };
  /** What the system last booted from. */
  booted: { diskId: string; vgid: string; at: string };
  /** Set while the host cannot boot (a failed reboot); every command refuses until it is cleared. */
  down: DownState | null;
  faults: Fault[];
  /** An alternate-disk operation in progress (AIX allows one at a time). */
  busy: BusyState | null;
  /** Boots, clones, cleanups and faults, newest last: what an admin would find in errpt and alt_disk_inst.log. */
  history: HistoryEntry[];
}

export interface Disk {
  /** Stable physical identity (the location code); names may change across reboots. */
  id: string;
  name: string;
  /** 16 lower-case hex digits, or null for a disk that has no PVID ("none" in lspv). */
  pvid: string | null;
  sizeMb: number;
  description: string;
  location: string;
  /** Number of paths (MPIO); bootlist -o prints one line per path. */
  paths: number;
  /** false once the disk has disappeared (hardware gone, fault injection). */
  present: boolean;
  /** VGID of the VGDA written on this disk, if any. */
  vgid: string | null;
  /** Name of the boot logical volume whose boot record is on this disk, if bosboot wrote one. */
  bootRecord: string | null;
}

export type LvType = 'boot' | 'paging' | 'jfs2log' | 'jfs2' | 'jfs' | 'jfslog' | 'sysdump' | 'raw';

export interface LogicalVolume {
  /** The name in the LVCB on disk (alt_hd4 during phase 1, hd4 once phase 3 renamed it). */
  name: string;
  type: LvType;
  /** Logical partitions of one copy. */
  lps: number;
  copies: 1 | 2 | 3;
  /** Mount point of the file system as the running owner sees it (N/A for non-file systems). */
  mount: string | null;
}

export interface Vgda {
  vgid: string;
  ppSizeMb: number;
  /** Disk ids in the volume group, in the order they were added. Where partitions land is
   *  derived (views/allocation.ts): one copy fills the disks in order, copy N lives on disk N. */
  pvs: string[];
  lvs: LogicalVolume[];
  /** The OS image this VG carries when it is a rootvg copy. */
  imageId: string | null;
  /** Scalable VGs print MAX PPs per VG 32768 / MAX PVs 1024; original ones 32512 / 32. */
  format: 'original' | 'big' | 'scalable';
  /** A VG that has ever been the running rootvg (wake-up with FORCE is dangerous on those). */
  everSystemRootvg: boolean;
  /** How far the alternate-disk command that wrote this VGDA got with phase 1; absent for VGs not made by one. */
  build?: VgBuild | null;
  /** The file systems' superblocks still name the alt_ log device (phase 1, wake-up): set right by the
   *  last step of phase 3 / put-to-sleep ("Fixing file system superblocks..."). */
  altSuperblocks?: boolean;
}

/** Phase-1 steps in the order they happen [V §5, §7.1]: the volume group, its alt_ logical volumes, the
 *  /alt_inst file systems (created and mounted), the restored data, then phase 1 is complete. */
export type Phase1Step = 'mkvg' | 'mklv' | 'crfs' | 'restore' | 'complete';

/**
 * What phase 1 has written on the disks so far: the simulator's ground truth of a copy in the making
 * (what AIX leaves on the disks; an admin sees it in the VGDA's alt_ names, the mounts and an
 * alt_disk_inst.log without its last lines). Each step is saved as it completes, so a command killed
 * in the middle leaves exactly what it had done.
 */
export interface VgBuild {
  /** The command writing it and its process (to tell a copy in progress from one whose writer died). */
  command: string;
  pid: number;
  start: string | null;
  step: Phase1Step;
  /** File systems phase 1 has to create and fill (mount points of the running names, creation order). */
  filesystems: string[];
  /** Created and mounted under /alt_inst so far. */
  created: string[];
  /** Restored (data copied) so far. */
  restored: string[];
}

export type AltOrigin = 'alt_disk_copy' | 'alt_disk_mksysb' | 'alt_disk_install';

export interface AltState {
  origin: AltOrigin;
  /** 1: phase 1 (or 2) done, /alt_inst mounted; 3: complete, a sleeping place holder. */
  phase: 1 | 3;
  /** Woken up with alt_rootvg_op -W: mounted like phase 1, must be put to sleep before it boots. */
  awake: boolean;
  /** Phase-2 work recorded so far (script runs, installs). */
  phase2Runs: number;
  /** Options that phase 3 still has to honour when run later (bootlist, reboot). */
  pending?: { bootlist: boolean; reboot: boolean };
}

export interface OdmVg {
  name: string;
  vgid: string;
  active: boolean;
  /** false when the LVs were removed from the ODM (altinst_rootvg place holder, varyonvg shows none). */
  lvsInOdm: boolean;
  /** Alternate-disk bookkeeping; null for ordinary VGs and for the running rootvg. */
  alt: AltState | null;
  /** Somebody ran varyonvg on a place holder: unsupported, shown as "owns no logical volumes". */
  variedOnByHand: boolean;
}

export interface OsLevel {
  /** oslevel: "7.3.0.0" */
  base: string;
  /** oslevel -r: "7300-02" */
  tl: string;
  /** oslevel -s: "7300-02-01-2346" (null below 5.3, where -s does not exist). */
  sp: string | null;
}

export type FilesetState = 'COMMITTED' | 'APPLIED' | 'BROKEN' | 'EFIXLOCKED' | 'OBSOLETE';

export interface Fileset {
  name: string;
  level: string;
  state: FilesetState;
  description: string;
}

export interface OsImage {
  id: string;
  level: OsLevel;
  filesets: Fileset[];
  /** Folder (relative to the host dir) holding this image's files: etc/filesystems, etc/resolv.conf... */
  fsDir: string;
  /** APARs applied by -F / -f. */
  apars: string[];
  /** Run at the first boot of this image (alt_disk_copy -x). Absolute path of a copy inside fsDir. */
  firstBootScript: string | null;
  /** Set by -O: device configuration reset; the first boot asks for a console unless one was given. */
  deviceReset: boolean;
  console: string | null;
  /** Devices renumber on the first boot of an mksysb-restored or -O image. */
  renumberOnBoot: boolean;
  /** 64-bit kernel linked (alt_disk_mksysb -K, or the running default). */
  kernel64: boolean;
  /** Set for images restored from a mksysb: where they came from. */
  restoredFrom: string | null;
  /** How non-rootvg VGs are handled on the first boot of an mksysb image: import them or not. */
  importVgs: 'default' | 'mksysb' | 'none';
  /** Boot count since this image was created. */
  boots: number;
  /** The ODM of the system this image belongs to; filled when this image is not the running one. */
  odm: OdmVg[] | null;
}

export interface BootEntry {
  /** Physical disk id for disks, or a device name for network/cd devices. */
  diskId: string | null;
  device: string;
  attrs: Record<string, string>;
}

export interface DownState {
  reason: string;
  since: string;
}

export type FaultStep =
  | 'phase1-space'
  | 'phase2-script'
  | 'bootlist'
  | 'disk-gone'
  | 'crash-between-phases'
  | 'bosboot';

export interface Fault {
  step: FaultStep;
  /** Disk name the fault concerns (disk-gone). */
  disk?: string;
  /** How many more times the fault fires. */
  remaining: number;
  /** disk-gone --during: the command whose restore it interrupts. */
  during?: string;
  /** The operation that took the fault (see cli/fault.ts for the scoping); absent while it waits for one. */
  claim?: { pid: number; start: string | null; command: string; fired: boolean } | null;
}

export interface BusyState {
  pid: number;
  command: string;
  since: string;
  /** Start time of the process (with the pid, its identity: a recycled pid is not the owner). */
  start?: string | null;
  args?: string[];
}

export interface HistoryEntry {
  at: string;
  event: string;
}
