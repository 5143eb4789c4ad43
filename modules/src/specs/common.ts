import type { OptionSpec, RuleSpec } from '../schema/types.js';

// Options that mean the same thing in several modules (the same AIX flag of the same commands).
// Written once here; each spec picks what applies to it.

export const PHASES = ['1', '2', '3', '12', '23', 'all'] as const;

export const targets = {
  type: 'list',
  elements: 'str',
  format: 'disk',
  minItems: 1,
  unique: true,
  aixFlag: '-d',
  description: [
    'The disks to create the alternate rootvg on (alt_disk_copy/alt_disk_mksysb C(-d); the positional target_disks of alt_disk_install).',
    'Each must be free: C(lspv) shows volume group None and C(getlvodm -j) says it is in no volume group.',
  ],
} as const satisfies OptionSpec;

export const imageData = {
  type: 'path',
  format: 'abspath',
  aixFlag: '-i',
  description: ['An image.data file to use instead of the default one (created from rootvg for a clone, taken from the image for a mksysb). Must be a full path name.'],
} as const satisfies OptionSpec;

export const script = {
  type: 'path',
  format: 'abspath',
  aixFlag: '-s',
  description: [
    'A customization script run in phase 2 on the running system, before the /alt_inst file systems are unmounted: the only chance to copy or change files of the new rootvg (reach them under /alt_inst).',
    'Must be a full path name and executable.',
  ],
} as const satisfies OptionSpec;

export const resolvConf = {
  type: 'path',
  format: 'abspath',
  aixFlag: '-R',
  description: ['A resolv.conf file that replaces the one of the new rootvg in phase 2. Must be a full path name.'],
} as const satisfies OptionSpec;

export const remainNimClient = {
  type: 'bool',
  default: false,
  aixFlag: '-n',
  description: ['Remain a NIM client: copy /.rhosts and /etc/niminfo to the new rootvg in phase 2.'],
} as const satisfies OptionSpec;

export const phase = {
  type: 'str',
  choices: PHASES,
  default: 'all',
  aixFlag: '-P',
  description: [
    'Phases to run. 1 creates altinst_rootvg, its alt_ logical volumes and /alt_inst file systems and copies the data; 2 runs the customization script, installs updates (clone only), copies resolv.conf and NIM files (repeatable); 3 unmounts /alt_inst, renames the logical volumes, varies altinst_rootvg off, sets the boot list and reboots if asked.',
    'Valid values are 1, 2, 3, 12, 23 and all. Running 1 or 12 leaves /alt_inst mounted until phase 3 runs.',
  ],
} as const satisfies OptionSpec;

export const bootlist = {
  type: 'bool',
  default: true,
  aixFlag: '-B',
  description: [
    'Point the normal boot list at the new disk at the end of phase 3, as AIX does by default: the next reboot starts the new rootvg.',
    'false adds -B: the boot list stays on the current disk and the new rootvg does not boot until you change it.',
  ],
} as const satisfies OptionSpec;

export const reboot = {
  type: 'bool',
  default: false,
  aixFlag: '-r',
  description: ['Reboot from the new disk when the operation completes.'],
} as const satisfies OptionSpec;

export const verbose = {
  type: 'bool',
  default: false,
  aixFlag: '-V',
  description: ['Verbose output: list the files copied or restored.'],
} as const satisfies OptionSpec;

export const debug = {
  type: 'bool',
  default: false,
  aixFlag: '-D',
  description: ['Debug output of the AIX command (set -x), on its standard error.'],
} as const satisfies OptionSpec;

export const deviceReset = {
  type: 'bool',
  default: false,
  aixFlag: '-O',
  description: [
    'Reset the device configuration of the new rootvg (user-defined device settings are not kept), for a disk that will boot another LPAR or system.',
    'Disk names may change at the first boot of such a disk: refer to disks by PVID afterwards.',
  ],
} as const satisfies OptionSpec;

export const consoleDevice = {
  type: 'str',
  format: 'console',
  aixFlag: '-c',
  description: ['The device to use as the console of the new rootvg, such as /dev/vty0. Without it, the first boot after a device reset asks for the console.'],
} as const satisfies OptionSpec;

export const skipBootableCheck = {
  type: 'bool',
  default: false,
  aixFlag: '-g',
  description: ['Skip the check that the target disks can boot.'],
} as const satisfies OptionSpec;

export const convertJfs = {
  type: 'bool',
  default: false,
  aixFlag: '-T',
  description: ['Convert JFS file systems to JFS2 while recreating rootvg on the targets.'],
} as const satisfies OptionSpec;

export const skipSpaceCheck = {
  type: 'bool',
  default: false,
  aixFlag: '-S',
  description: ['Skip the space check on the target disks (altdisk still refuses targets that cannot hold the used partitions unless this is set).'],
} as const satisfies OptionSpec;

export const force = {
  type: 'bool',
  default: false,
  description: [
    'When an alternate rootvg already exists elsewhere or is unfinished, remove it (alt_rootvg_op -X) and start again.',
    'The removal happens only after every other check of this task has passed; without force the task fails and says what to do.',
    'The disks of a half-made copy that the new one does not reuse are cleared with chpv -C: after -X they would still look like a bootable rootvg copy that does not boot.',
  ],
} as const satisfies OptionSpec;

export const bundle = {
  type: 'str',
  format: 'bundle',
  aixFlag: '-b',
  description: ['An installp bundle to install in phase 2: update_all, or the full path of a bundle file listing filesets.'],
} as const satisfies OptionSpec;

export const fixBundle = {
  type: 'path',
  format: 'abspath',
  aixFlag: '-f',
  description: ['The full path of a file listing APARs to install in phase 2.'],
} as const satisfies OptionSpec;

export const fixes = {
  type: 'list',
  elements: 'str',
  format: 'fix',
  minItems: 1,
  aixFlag: '-F',
  description: ['APARs or fixes to install in phase 2, such as IJ12345.'],
} as const satisfies OptionSpec;

export const filesets = {
  type: 'list',
  elements: 'str',
  format: 'fileset',
  minItems: 1,
  aixFlag: '-w',
  description: ['Filesets to install in phase 2.'],
} as const satisfies OptionSpec;

export const installpFlags = {
  type: 'str',
  format: 'installp_flags',
  aixFlag: '-I',
  description: ['installp flags for the phase-2 installs (AIX default -acgX).'],
} as const satisfies OptionSpec;

export const imagesLocation = {
  type: 'path',
  format: 'device_or_path',
  aixFlag: '-l',
  description: ['Where the installp images or updates are: a directory full path or a device such as /dev/rmt0. Needed by bundle, fix_bundle, fixes, filesets and installp_flags.'],
} as const satisfies OptionSpec;

const INSTALLP_OPTIONS = ['bundle', 'fix_bundle', 'fixes', 'filesets', 'installp_flags'] as const;

const FLAG_OF: Record<(typeof INSTALLP_OPTIONS)[number], string> = {
  bundle: '-b',
  fix_bundle: '-f',
  fixes: '-F',
  filesets: '-w',
  installp_flags: '-I',
};

export const installpRules: RuleSpec[] = INSTALLP_OPTIONS.map((o) => ({
  kind: 'requires',
  option: o,
  requires: ['images_location'],
  why: `${o} (${FLAG_OF[o]}) needs images_location (-l): installp must know where the images are`,
}));

export const bootlistRebootRule: RuleSpec = {
  kind: 'conflicting_values',
  option: 'bootlist',
  value: false,
  when: 'reboot',
  whenValue: true,
  why: 'bootlist: false (-B) cannot be combined with reboot: true (-r): AIX refuses -B with -r, the system would reboot without the boot list pointing at the new disk',
};

export const consoleRule: RuleSpec = {
  kind: 'requires',
  option: 'console',
  requires: ['device_reset'],
  why: 'console (-c) is only valid with device_reset: true (-O)',
};

export const installpOptions = {
  bundle,
  fix_bundle: fixBundle,
  fixes,
  filesets,
  installp_flags: installpFlags,
  images_location: imagesLocation,
} as const;
