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
  /** [U] */
  noSuchDisk: (command: string, disk: string): string => `${command}: ${disk} is not a known device.`,
} as const;
