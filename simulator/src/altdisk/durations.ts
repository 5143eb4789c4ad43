// Nominal durations (seconds at speed 1) of the steps of an alternate-disk operation. A clone of the
// default 7.3 rootvg (333 used PPs of 32 MB) adds up to about 24 minutes, most of it the
// backup/restore, which is proportional to the used megabytes: in line with the 20-40 minutes
// admins report for alt_disk_copy on SAN disks.

export const NOMINAL = {
  mkszfile: 25,
  restoreImageData: 15,
  checkSizes: 5,
  createVg: 12,
  createLv: 4,
  createFs: 6,
  fileList: 45,
  /** Backup/restore of a clone: 10 MB/s. */
  copyPerMb: 0.1,
  /** Restore from a mksysb: 12.5 MB/s. */
  restorePerMb: 0.08,
  link64: 10,
  installpPerFileset: 8,
  installpSetup: 20,
  copyFile: 1,
  script: 2,
  modifyOdm: 40,
  bosboot: 60,
  deviceReset: 30,
  renameLvs: 10,
  fixLvcb: 15,
  unmount: 2,
  superblocks: 20,
  bootlist: 5,
  wake: 30,
  reboot: 90,
} as const;
