// Every AIX text the simulator prints, in one place so that a capture from a real system
// (reference §24) replaces a line here and nowhere else.
// Tags, as in ../shared/reference/aix-commands.md:
//   [V] verbatim from a real capture: do not change without a new capture.
//   [I] inferred from how real consumers parse it.
//   [U] unverified recollection: a placeholder, keep it easy to replace.

export const MSG = {
  /** [V] §8, §10.3, §11.4 */
  vgMustBeVariedOn: '0516-010 : Volume group must be varied on; use varyonvg command.',
  /** [V] §8 (two lines; the continuation is indented as captured) */
  pvNotAssigned: (disk: string): string[] => [
    `0516-320 /usr/sbin/getlvodm: Physical volume ${disk} is not assigned to`,
    '       a volume group.',
  ],
  /** [I] §10.3: lspv <disk> on a free disk reports 0516-320 (IBM lvm_facts reads it as "no VG"); wording [U] */
  pvNotAssignedLspv: (disk: string): string[] => [`0516-320 : Physical volume ${disk} is not assigned to`, '       a volume group.'],
  /** [V] §8: lspv <disk> on a disk that has no PVID */
  pvNotInDatabase: (disk: string): string[] => [`0516-1396 : The physical volume ${disk}, was not found in the`, 'system database.'],
  /** [V] text §8; [I] CLI punctuation (":" instead of lsnim's "-"); [U] command prefix for alt_disk_copy */
  vgAssigned: (command: string, disk: string): string => `0505-126 ${command}: target disk ${disk} has a volume group assigned to it.`,
  /** [V] §8 (two spaces after the number) */
  filesetNotInstalled: (fileset: string): string => `lslpp: 0504-132  Fileset ${fileset} not installed.`,
  /** [V] peer report §7, issue #278 (tabs and trailing blank as captured) */
  allocpFailed: [
    '0516-404 allocp: This system cannot fulfill the allocation request.',
    '\tThere are not enough free partitions or not enough physical volumes ',
    '\tto keep strictness and satisfy allocation requests.  The command',
    '\tshould be retried with different allocation characteristics.',
  ],
  /** [U] the mklv line that follows allocp in a failed clone */
  mklvFailed: '0516-822 mklv: Unable to create logical volume.',
  /** [U] getopt(3) diagnostics on AIX */
  notRecognizedFlag: (command: string, flag: string): string => `${command}: Not a recognized flag: ${flag}`,
  flagNeedsValue: (command: string, flag: string): string => `${command}: Flag -${flag} requires a parameter`,
  /** [U] what AIX's ksh answers for a command that is not there (the brief's wording; a capture may
   *  show two blanks before "not found"), exit status 127 */
  kshNotFound: (command: string): string => `ksh: ${command}: not found.`,
  /** [U] */
  noSuchDisk: (command: string, disk: string): string => `${command}: ${disk} is not a known device.`,

  // ---- LVM and query commands (lsvg, lslv, getconf, bootinfo, bootlist, ...). No message numbers
  // are given where the reference has none: the real number is part of what a capture must supply.

  /** [U] wording of the real "0516-306" text, number left out (not in the reference) */
  vgNotFound: (command: string, vg: string): string => `${command}: Unable to find volume group ${vg} in the Device Configuration Database.`,
  /** [U] */
  notInOdm: (command: string, name: string): string => `${command}: Unable to find ${name} in the Device Configuration Database.`,
  /** [U] a flag real AIX has but the simulator does not model: say so plainly rather than pretend */
  notSimulated: (command: string, what: string): string => `${command}: ${what} is not simulated by aixsim.`,
  /** [U] reducevg of a disk that still holds logical volumes */
  pvHoldsLvs: (disk: string, vg: string): string[] => [
    `reducevg: Physical volume ${disk} contains allocated partitions of logical volumes in ${vg}.`,
    '       Remove or move the logical volumes first (reducevg -d removes them).',
  ],
  /** [U] */
  pvNotInVg: (command: string, disk: string, vg: string): string => `${command}: Physical volume ${disk} is not a member of volume group ${vg}.`,
  /** [U] the real ldeletepv line printed when the last disk leaves a volume group */
  vgDeletedNoPvs: 'ldeletepv: Volume group deleted since it contains no physical volumes.',
  /** [U] */
  lastRootvgDisk: (disk: string): string => `reducevg: ${disk} is the last physical volume of rootvg; rootvg cannot be removed.`,
  /** [U] */
  exportActiveVg: (vg: string): string => `exportvg: Volume group ${vg} is varied on; vary it off before exporting it.`,
  /** [U] */
  runningRootvg: (command: string): string => `${command}: The operation is not allowed on the rootvg of the running system.`,
  /** [U] */
  vgNotVariedOn: (command: string, vg: string): string => `${command}: Volume group ${vg} is not varied on.`,
  /** [U] */
  vgNoPvAvailable: (vg: string): string => `varyonvg: None of the physical volumes of volume group ${vg} is available.`,
  /** [U] varyoffvg on an altinst_rootvg whose /alt_inst file systems are mounted */
  vgHasOpenLvs: (vg: string): string[] => [
    `varyoffvg: Volume group ${vg} has open logical volumes (mounted file systems).`,
    '       Unmount them first (for an alternate rootvg: alt_rootvg_op -S).',
  ],
  /** [U] chpv -C on a disk that the ODM still places in a volume group */
  chpvDiskInVg: (disk: string, vg: string): string => `chpv: Physical volume ${disk} belongs to volume group ${vg}; the owning volume group can only be cleared from a disk that is in no volume group.`,
  /** [V] §17 */
  bosbootImage: 'bosboot: Boot image is 53276 512 byte blocks.',
  /** [U] bosboot on a disk that does not carry the running boot logical volume */
  bosbootNoBlv: (blv: string, device: string): string => `bosboot: The current boot logical volume, /dev/${blv}, does not exist on ${device}.`,
  /** [U] */
  bosbootFailed: (device: string): string => `bosboot: Unable to write the boot image to ${device}.`,
  /** [U] */
  deviceNotAvailable: (command: string, device: string): string => `${command}: Device ${device} is not available.`,
  /** [U] bootlist failure injected with `aixsim fault <dir> bootlist` */
  bootlistNvramFailed: 'bootlist: Unable to update the boot list in NVRAM.',
  /** [U] bootlist -f on a file it cannot read */
  bootlistNoFile: (file: string): string => `bootlist: Unable to open ${file}.`,
  /** [U] */
  bootlistPrevbootSet: 'bootlist: The prevboot list can only be invalidated (-i).',
  /** [U] bootlist -f with a file that names no device */
  bootlistNoDevices: 'bootlist: No devices were given for the boot list.',
  /** [U] getconf on a name it does not know */
  getconfInvalid: (name: string): string => `getconf: Invalid argument (${name})`,
  /** [U] getconf DISK_* on a path that is not a disk device */
  getconfNoDevice: (path: string): string => `getconf: ${path}: A file or directory in the path name does not exist.`,
  /** [U] getconf DISK_* on a disk that is gone */
  getconfDeviceGone: (path: string): string => `getconf: ${path}: There is no such device or address.`,
  /** [U] */
  getconfNoVg: (path: string): string => `getconf: ${path}: The physical volume is not in a volume group.`,
  /** [U] lsattr on an unknown device */
  lsattrNoDevice: (device: string): string[] => ['lsattr: The following device was not found in the customized', `\tdevice configuration database:  ${device}`],
  /** [U] lsattr -a on an attribute the device does not have */
  lsattrNoAttr: (attr: string): string => `lsattr: The "${attr}" attribute does not exist in the predefined device configuration database.`,
  /** [U] lqueryvg on a disk whose VGDA names no volume group (number from memory of real AIX) */
  lqueryvgNotMember: (): string[] => ['0516-066 lqueryvg: Physical volume is not a volume group member.', '\tCheck the physical volume name specified.'],
  /** [U] lqueryvg on a disk that cannot be read (gone) */
  lqueryvgUnreadable: (): string[] => ['0516-062 lqueryvg: Unable to read or write logical volume manager', '\trecord. PV may be permanently corrupted. Run diagnostics'],
} as const;
