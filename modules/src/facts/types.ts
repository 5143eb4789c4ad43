import type { BootlistEntry } from './parse/bootlist.js';
import type { LsvgInfo, LvRow } from './parse/lsvg.js';
import type { MountEntry } from './parse/mount.js';
import type { AltDiskLogRecord } from './parse/alt-disk-log.js';
import type { LockHolder, RunOutcome, RunRecord } from './run-record.js';

// The facts model every module plans from. Gathered by gather.ts from read-only AIX commands;
// each field says which command it comes from, so a wrong fact can be traced to its source.

/** 'legacy': below AIX 5.3 (only alt_disk_install, no oslevel -s); 'modern': 5.3 and later. */
export type Generation = 'legacy' | 'modern';

export interface OsLevelFacts {
  /** `oslevel`: "7.3.0.0", "4.3.3.0". */
  base: string;
  /** `oslevel -r` form: "7300-02", "4330-11"; null when the module did not ask (only the facts module and the level checks need it). */
  tl: string | null;
  /** `oslevel -s`: "7300-02-01-2346"; null below 5.3. */
  sp: string | null;
}

export interface DiskFacts {
  name: string;
  /** null where lspv prints "none". */
  pvid: string | null;
  /** The VG lspv shows; null for "None". */
  vg: string | null;
  /** The lspv state column ("active", "concurrent", "locked"), null when empty. */
  state: string | null;
  /** The disk's VG is varied on (lspv "active" or "concurrent"). */
  active: boolean;
  /**
   * Size in MB (`getconf DISK_SIZE`, `bootinfo -s` below 5.3). Measured for free disks, and for
   * every disk when gathered with `diskSizes: 'all'`; null otherwise.
   */
  sizeMb: number | null;
  /** A target for a clone: VG None in lspv AND `getlvodm -j` exits 3 with 0516-320/0516-1396 (H-1), and its size could be read. */
  free: boolean;
  /** What AIX answered when the disk could not be queried (a disk that is gone: lsdev Defined); null when it answered. */
  unavailable: string | null;
  /**
   * Holds a boot image that would boot now (see gather.ts): rootvg's hd5 disks, the boot disk of a
   * sleeping altinst_rootvg or old_rootvg, a rootvg copy lspv does not show (rootvgCopy). Never a
   * disk that is gone, and never an alternate rootvg whose VGDA still has its alt_ names.
   */
  bootable: boolean;
  /**
   * lspv shows no VG, but the disk's own VGDA (`lqueryvg -p <disk> -L`) holds a rootvg copy (hd5,
   * or alt_hd5 for one removed before phase 3): AIX 4.3's former rootvg after the clone was booted
   * (seed), or an alternate rootvg removed with -X, which leaves the copy on the disk. A finished
   * one can still boot (bootinfo -B); disk_size_policy never picks either.
   */
  rootvgCopy: boolean;
  /**
   * lspv shows no VG, but the disk's VGDA lists logical volumes that are not a rootvg copy: an
   * exported volume group, data AIX would overwrite without asking. Never free.
   */
  exportedVg: { lvs: string[] } | null;
}

export type VgRole = 'rootvg' | 'altinst_rootvg' | 'old_rootvg' | 'other';

export interface VolumeGroupFacts {
  name: string;
  role: VgRole;
  /** Listed by `lsvg -o`. */
  active: boolean;
  /** Disks lspv shows in this VG, in lspv order. */
  disks: string[];
  /** `lsvg <vg>`: for rootvg and an active altinst_rootvg (and every active VG with `vgDetails: 'all'`). */
  details: LsvgInfo | null;
}

export interface RootvgFacts {
  ppSizeMb: number;
  totalPps: number;
  usedPps: number;
  freePps: number;
  /** TOTAL PVs of `lsvg rootvg`. */
  totalPvs: number;
  /**
   * Mirror copies: the highest PPs/LPs of its LVs (`lsvg -l rootvg`). Counting PV rows, as IBM's
   * module does, mistakes a rootvg spread over two disks for a mirror (peer §3.3).
   */
  copies: number;
  disks: string[];
  /** Disks holding a copy of the boot logical volume hd5. */
  bootDisks: string[];
  lvs: LvRow[];
}

/**
 * none: no altinst_rootvg.
 * phase1: a finished phase 1 (and 2): mounted at /alt_inst, or varied off by a reboot since (its
 *   VGDA still has the alt_ names). Not bootable; phase 3 finishes it, phase 2 may run again.
 * awake: the mounted look of phase 1, made by `alt_rootvg_op -W` (the newest such command in alt_disk_inst.log).
 * complete: the varied-off place holder after phase 3.
 * varied-on-by-hand: active without /alt_inst: somebody ran varyonvg on the place holder (H-2).
 * incomplete: a half-made copy: the run that was making it was interrupted (killed, a signal, a
 *   session that dropped), failed in phase 1, or one of its disks is gone. It cannot boot and must
 *   not be continued: remove it (cleanup) or start again (force).
 * in-progress: an alternate-disk command is running now (an altdisk task, or alt_disk_* started by
 *   hand): whatever it looks like, it is not finished; wait for it.
 */
export type AltRootvgState = 'none' | 'phase1' | 'awake' | 'complete' | 'varied-on-by-hand' | 'incomplete' | 'in-progress';

export interface AltRootvgFacts {
  state: AltRootvgState;
  /** "altinst_rootvg", or null for state none. */
  vg: string | null;
  disks: string[];
  /** The disk with its boot image (one disk: that disk; several: `alt_rootvg_op -q`); null when unknown. */
  bootDisk: string | null;
  /** Mount points at or below /alt_inst. */
  mountedAt: string[];
  /** `lsvg -l altinst_rootvg` while it is active (alt_hd4 ... for phase 1/awake, none when varied on by hand). */
  lvs: LvRow[] | null;
  /** The alt_disk_inst.log record that decided phase1 vs awake. */
  decidedBy: AltDiskLogRecord | null;
  /** The newest alt_disk_inst.log record that made (or woke) it, whatever its state now: which command and source. */
  madeBy: AltDiskLogRecord | null;
  /** Varied on now (lsvg -o). A phase-1 copy is varied off after a reboot. */
  variedOn: boolean;
  /** Why it is incomplete or in progress, in a sentence; null otherwise. */
  problem: string | null;
}

/** An alternate-disk operation running now. */
export interface OperationFacts {
  pid: number;
  /** The command line (from ps, or as the altdisk task recorded it). */
  command: string;
  /** An altdisk task (holding the altdisk lock) or an alt_disk_* command somebody started. */
  by: 'altdisk' | 'aix';
}

export interface OldRootvgFacts {
  disks: string[];
  bootDisk: string | null;
}

export interface AltDiskFilesetFacts {
  /** Level of bos.alt_disk_install.rte, null when not installed. */
  rte: string | null;
  /** Level of bos.alt_disk_install.boot_images, null when not installed. */
  bootImages: string | null;
}

export interface EtcFilesystemsFacts {
  /** false when /etc/filesystems could not be read at all. */
  present: boolean;
  /** Mount points checked: those of /, /usr, /var, /tmp, /home, /opt whose hd LV is in rootvg. */
  checked: string[];
  /** Checked mount points without a stanza pointing at their rootvg LV. */
  missing: { mountPoint: string; device: string }[];
}

export interface HostFacts {
  generation: Generation;
  oslevel: OsLevelFacts;
  disks: DiskFacts[];
  volumeGroups: VolumeGroupFacts[];
  rootvg: RootvgFacts;
  altRootvg: AltRootvgFacts;
  oldRootvg: OldRootvgFacts | null;
  bootlists: { normal: BootlistEntry[]; service: BootlistEntry[] };
  altDiskFilesets: AltDiskFilesetFacts;
  mounts: MountEntry[];
  /** The device the system booted from (`getconf BOOT_DEVICE`, `bootinfo -b` below 5.3). */
  bootDevice: string | null;
  etcFilesystems: EtcFilesystemsFacts;
  /** Alternate-disk operations running now (ps, and the altdisk lock); empty when none. */
  operations: OperationFacts[];
  /** The altdisk lock's holder, when a live task holds it. */
  lockHolder: LockHolder | null;
  /** The last altdisk run recorded on this host, when it still describes it, and what became of it. */
  lastRun: { record: RunRecord; outcome: RunOutcome } | null;
}

/**
 * What a module's planner and safety checks read (runtime/planned.ts); the facts module reads
 * everything. A part left out is not asked and keeps an empty value (said at each field).
 */
export interface GatherOptions {
  /**
   * The disks lspv shows without a VG that get the per-disk questions (getlvodm -j, size, their
   * VGDA): 'all' (the facts, a disk_size_policy), or the named ones (explicit targets). The first
   * disk of the normal boot list is always asked about (the boot contract). Default 'all'.
   */
  probeDisks?: 'all' | readonly string[] | ((generation: Generation) => 'all' | readonly string[]);
  /** oslevel -s / -r (tl, sp); default true. */
  oslevelDetail?: boolean;
  /** lslpp of the alt-disk filesets; default true (both null when not asked). */
  filesets?: boolean;
  /** getconf BOOT_DEVICE / bootinfo -b; default true (null when not asked). */
  bootDevice?: boolean;
  /** lsvg (every VG the ODM knows, also one whose disks lspv no longer shows); default true. */
  vgList?: boolean;
  /** mount: always (default), or false: only when there is an altinst_rootvg (its state needs it). */
  mounts?: boolean;
  /** Measure sizes of the asked-about free disks and altinst_rootvg's (default: what a size policy compares), or of every disk. */
  diskSizes?: 'free' | 'all';
  /**
   * `lsvg <vg>` for rootvg and an active altinst_rootvg only (default), for every active VG, or for
   * none ('none': rootvg's sizes are zeros; planners that do not size a copy do not read them).
   */
  vgDetails?: 'none' | 'alt-disk' | 'all';
}
