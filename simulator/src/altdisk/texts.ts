// Every text the alternate-disk commands print, in one place so that a capture from a real AIX box
// (reference §24) replaces a line here and nowhere else. Tags as in reference/aix-commands.md:
//   [V] seen verbatim in a real transcript: do not change without a new capture;
//   [U] unverified (reconstruction or a placeholder of our own): replace with the real text when captured.
// No 0505-xxx number is given to a [U] text: the reference knows only 0505-126 (see aix/messages.ts).

/** Lines of the alt_disk_copy / alt_disk_mksysb transcript (reference §7.1 [V], §7.2 [U]). */
export const LINE = {
  /** [U] §7.2 clone only, not printed with -i. */
  callingMkszfile: 'Calling mkszfile to create new /image.data file.',
  /** [V] §7.1 (OCR "Restoring/image.data" fixed), not printed with -i. */
  restoringImageData: 'Restoring /image.data from mksysb image.',
  /** [V] §7.1 */
  checkingDiskSizes: 'Checking disk sizes.',
  /** [V] §7.1 */
  creatingVg: 'Creating cloned rootvg volume group and associated logical volumes.',
  /** [V] §7.1 */
  creatingLv: (lv: string): string => `Creating logical volume ${lv}.`,
  /** [U] §7.2: the clone's lines end with a period ("trailing . vs none" is open). */
  creatingFsClone: (mount: string): string => `Creating ${altMount(mount)}${mount === '/' ? '/' : ''} file system.`,
  /** [V] §7.1: the mksysb install's lines have no period (trailing blanks of the OCR dropped). */
  creatingFsMksysb: (mount: string): string => `Creating ${altMount(mount)}${mount === '/' ? '/' : ''} file system`,
  /** [U] §7.2, believed split over two lines. */
  generatingList: ['Generating a list of files', 'for backup and restore into the alternate file system...'],
  /** [U] §7.2, believed split over two lines. */
  backingUp: ['Backing-up the rootvg files and restoring them to the', 'alternate file system...'],
  /** [V] §7.1 */
  restoringMksysb: 'Restoring mksysb image to alternate disk(s).',
  /** [V] §7.1 */
  linking64: 'Linking to 64bit kernel.',
  /** [U] §7.2 */
  modifyingOdm: 'Modifying ODM on cloned disk.',
  /** [U] §7.2 */
  buildingBootImage: 'Building boot image on cloned disk.',
  /** [U] §7.2, only with -O */
  resettingDevices: 'Resetting all device attributes.',
  /** [U] §7.2, only with -O and without -c */
  consoleNote: 'NOTE: The first boot from altinst_rootvg will prompt to define the new system console.',
  /** [V] §7.1 */
  changingLvNames: 'Changing logical volume names in volume group descriptor area.',
  /** [V] §7.1 */
  fixingLvcb: 'Fixing LV control blocks...',
  /** [V] §7.1, printed twice per file system, deepest mount point first */
  forcedUnmount: (mount: string): string => `forced unmount of ${altMount(mount)}`,
  /** [V] §7.1 */
  fixingSuperblocks: 'Fixing file system superblocks...',
  /** [V] §0, §7: the last line of a successful run without -B */
  bootlistSet: (disk: string, blv: string): string => `Bootlist is set to the boot disk: ${disk} blv=${blv}`,
  /** [U] -V: one line per file, as backup/restore name them. */
  verboseFile: (relPath: string): string => relPath,
  /** [U] what -r prints before the system goes down. */
  rebooting: 'Rebooting . . .',
  /** [U] -D: set -x style trace of the steps, on stderr. */
  trace: (step: string): string => `+ ${step}`,
} as const;

/** "/" → "/alt_inst", "/usr" → "/alt_inst/usr". */
export function altMount(mount: string): string {
  return mount === '/' ? '/alt_inst' : `/alt_inst${mount}`;
}

/** Failures of the alternate-disk commands, prefixed with the command name. All [U] (§8, §24 item 1). */
export const ERR = {
  altinstExists: (p: string): string => `${p}: The altinst_rootvg volume group already exists. Remove it with alt_rootvg_op -X before creating a new one.`,
  phase1Failed: (p: string): string => `${p}: Creating the alternate volume group failed; the partial altinst_rootvg was removed.`,
  diskNotAvailable: (p: string, disk: string): string => `${p}: target disk ${disk} is not available.`,
  duplicateTarget: (p: string, disk: string): string => `${p}: target disk ${disk} is given more than once.`,
  notEnoughSpace: (p: string, needMb: number, haveMb: number): string =>
    `${p}: The target disk(s) do not have enough space: ${needMb} MB are needed, ${haveMb} MB are available.`,
  notBootable: (p: string, disk: string): string => `${p}: target disk ${disk} cannot be used as a boot disk (use -g to overlook the bootable checks).`,
  filesetMissing: (p: string, fileset: string): string => `${p}: The ${fileset} fileset must be installed to run ${p}.`,
  busy: (p: string, other: string, pid: number): string =>
    `${p}: Another alternate disk operation (${other}, process ${pid}) is in progress. Try again when it has finished.`,
  badPhase: (p: string, value: string): string => `${p}: ${value} is not a valid phase. Valid phases are 1, 2, 3, 12, 23 and all.`,
  noPhase1: (p: string, disks: string): string =>
    `${p}: There is no altinst_rootvg in a post phase 1 state on ${disks}. Run phase 1 first.`,
  alreadyComplete: (p: string, vg: string): string => `${p}: ${vg} has already completed phase 3; there is nothing left to do.`,
  notFullPath: (p: string, flag: string, value: string): string => `${p}: The -${flag} file ${value} must be given as a full path name.`,
  notExecutable: (p: string, file: string): string => `${p}: ${file} is not an executable file.`,
  fileNotFound: (p: string, file: string): string => `${p}: ${file} does not exist.`,
  scriptFailed: (p: string, script: string, rc: number): string => `${p}: The customization script ${script} failed with return code ${rc}.`,
  installpFailed: (p: string, rc: number): string => `${p}: installp failed with return code ${rc}; the alternate disk was not updated completely.`,
  ioError: (p: string, disk: string): string => `${p}: An I/O error occurred writing to ${disk}; the restore did not complete.`,
  bootlistFailed: (p: string, disk: string): string => `${p}: bootlist failed to set the boot disk ${disk}.`,
  bosbootFailed: (p: string, disk: string): string => `${p}: bosboot failed to build the boot image on ${disk}.`,
  notMksysb: (p: string, device: string): string => `${p}: ${device} is not a valid mksysb image.`,
  mksysbLevelVsBootImages: (p: string, image: string, bootImages: string): string =>
    `${p}: The level of the mksysb image (${image}) does not match the level of bos.alt_disk_install.boot_images (${bootImages}).`,
  mksysbLevelVsL: (p: string, image: string, given: string): string => `${p}: The level of the mksysb image (${image}) does not match the level given with -L (${given}).`,
  /** Wording follows the [V] doc sentence of §2.2. */
  earlierVersion: (p: string, image: string, running: string): string =>
    `${p}: You cannot install an earlier version of AIX (${image}) than the one currently installed on the system (${running}).`,
  unknownPlatform: (p: string, platform: string): string => `${p}: ${platform} is not a valid platform type.`,
  bootImageMissing: (p: string, file: string): string => `${p}: The boot image ${file} was not found; install bos.alt_disk_install.boot_images at this level.`,
  badLevelForm: (p: string, level: string): string => `${p}: ${level} is not a level of the form V.R.M.`,
  noSuchVg: (p: string, vg: string): string => `${p}: Volume group ${vg} does not exist.`,
  diskHasNoVg: (p: string, disk: string): string => `${p}: ${disk} does not belong to a volume group.`,
  notAlternate: (p: string, vg: string): string => `${p}: ${vg} is not an alternate disk volume group.`,
  runningRootvg: (p: string): string => `${p}: The operation is not allowed on the running rootvg.`,
  nameInUse: (p: string, name: string): string => `${p}: The volume group name ${name} is already in use.`,
  badVgName: (p: string, name: string): string => `${p}: ${name} is not a valid volume group name.`,
  mustBeVariedOff: (p: string, vg: string): string => `${p}: Volume group ${vg} must be varied off (put it to sleep first with alt_rootvg_op -S).`,
  alreadyAwake: (p: string, vg: string): string => `${p}: Volume group ${vg} is already awake.`,
  notSleeping: (p: string, vg: string): string => `${p}: Volume group ${vg} is in a post phase 1 state; finish it with phase 3 or remove it with -X.`,
  wakeNewerVersion: (p: string, vgLevel: string, running: string): string =>
    `${p}: The volume group has a higher operating system version (${vgLevel}) than the running system (${running}). Set FORCE=yes to wake it up anyway.`,
  wakeForcedSystemRootvg: (p: string, vgLevel: string): string =>
    `${p}: The volume group has a higher operating system version (${vgLevel}) and has been a system rootvg: its JFS logs cannot be replayed by the running system. Wake-up failed.`,
  wakeNewerTl: (p: string, vgLevel: string, running: string): string =>
    `${p}: WARNING: The volume group is at a higher technology level or service pack (${vgLevel}) than the running system (${running}); some operations on altinst_rootvg might not work correctly.`,
  nothingAwake: (p: string): string => `${p}: There is no volume group in a wake-up state to put to sleep.`,
  noMountedAltinst: (p: string): string => `${p}: There is no altinst_rootvg in a post phase 1 or wake-up state to customize.`,
  noOperation: (p: string): string => `${p}: One of the operations -q, -v, -W, -S, -X or -C must be given.`,
  imagesNotFound: (p: string, location: string): string => `${p}: The images location ${location} does not exist.`,
} as const;

/** Usage diagnostics (besides the getopt ones of aix/messages.ts), all [U]. */
export const USAGE_ERR = {
  bWithR: (p: string): string => `${p}: The -B and -r flags cannot be used together.`,
  needsL: (p: string, flag: string): string => `${p}: The -${flag} flag requires the -l flag (images location).`,
  cNeedsO: (p: string): string => `${p}: The -c flag is only valid with the -O flag.`,
  dRequired: (p: string): string => `${p}: The -d flag (target disks) is required.`,
  mRequired: (p: string): string => `${p}: The -m flag (mksysb device) is required.`,
  dAndC: (p: string): string => `${p}: The -d and -C flags are mutually exclusive.`,
  cloneOnly: (p: string, flag: string): string => `${p}: The -${flag} flag is only valid when cloning rootvg (-C).`,
  mksysbOnly: (p: string, flag: string): string => `${p}: The -${flag} flag is only valid for mksysb installs (-d).`,
  noTargets: (p: string): string => `${p}: No target disks were given.`,
  extraOperands: (p: string, extra: string): string => `${p}: Unexpected argument ${extra}.`,
} as const;
