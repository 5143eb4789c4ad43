import { defineSpec } from '../schema/types.js';
import * as c from './common.js';

export const mksysbInstallSpec = defineSpec({
  name: 'mksysb_install',
  shortDescription: 'Install a mksysb image on an alternate disk (alt_disk_mksysb, alt_disk_install -d)',
  description: [
    'Restores a mksysb backup (a file or a tape device) onto free disks as altinst_rootvg, with the boot image of bos.alt_disk_install.boot_images, and points the boot list at it.',
    'Before anything runs it checks the image level (lsmksysb) against mksysb_level, against the bos.alt_disk_install.boot_images level and against the running level (AIX cannot install an earlier version), and that both alt-disk filesets are installed.',
    'Runs alt_disk_mksysb on AIX 5.3 and later, alt_disk_install -d (AIX 4.3 syntax) below 5.3 or when command is alt_disk_install.',
    'Idempotent like altdisk.aix.clone: a complete altinst_rootvg from this image on exactly these targets reports changed=false.',
  ],
  options: {
    source: {
      type: 'path',
      format: 'device_or_path',
      required: true,
      aixFlag: '-m',
      description: ['The mksysb image: the full path of a file, or a tape device such as /dev/rmt0 (alt_disk_mksysb -m; alt_disk_install -d).'],
    },
    targets: { ...c.targets, required: true },
    image_data: c.imageData,
    script: c.script,
    resolv_conf: c.resolvConf,
    platform: {
      type: 'str',
      format: 'platform',
      aixFlag: '-p',
      description: ['The platform used to build the boot image name (default: the running system\'s, bootinfo -p), e.g. chrp.'],
    },
    mksysb_level: {
      type: 'str',
      format: 'vrm',
      aixFlag: '-L',
      description: [
        'The level of the image in V.R.M form (7.3.2). Combined with the platform it names the boot image; it must equal the image\'s level and the bos.alt_disk_install.boot_images level.',
        'From AIX 5.3 on altdisk reads the image\'s level with lsmksysb and checks it before anything runs. Below 5.3 there is no lsmksysb: give the level here, or alt_disk_install assumes 4.3.0 (the seed\'s default) and refuses an image of another level.',
      ],
    },
    remain_nim_client: c.remainNimClient,
    phase: c.phase,
    bootlist: c.bootlist,
    reboot: c.reboot,
    verbose: c.verbose,
    debug: c.debug,
    import_vg: { type: 'bool', default: false, aixFlag: '-y', description: ['Look for the volume group of the mksysb and import it if found.'] },
    no_import: { type: 'bool', default: false, aixFlag: '-z', description: ['Import no non-rootvg volume group at the first boot. Overrides import_vg.'] },
    keep_devices: { type: 'bool', default: false, aixFlag: '-k', description: ['Keep the mksysb\'s device configuration.'] },
    kernel_64: { type: 'bool', default: false, aixFlag: '-K', description: ['Use the 64-bit kernel if possible.'] },
    console: c.consoleDevice,
    device_reset: c.deviceReset,
    skip_bootable_check: c.skipBootableCheck,
    convert_jfs: c.convertJfs,
    skip_space_check: c.skipSpaceCheck,
    command: {
      type: 'str',
      choices: ['auto', 'alt_disk_mksysb', 'alt_disk_install'],
      default: 'auto',
      description: ['Which AIX command to run. auto: alt_disk_install -d below AIX 5.3, alt_disk_mksysb from 5.3 on.'],
    },
    force: c.force,
  },
  rules: [
    c.bootlistRebootRule,
    c.consoleRule,
    {
      kind: 'mutually_exclusive',
      options: ['import_vg', 'no_import'],
      why: 'import_vg (-y) and no_import (-z) contradict each other: AIX lets -z override -y, so give only the one you mean',
    },
    {
      kind: 'forbidden_if',
      when: 'phase',
      whenValue: ['2', '3', '23'],
      options: ['image_data', 'platform', 'mksysb_level', 'device_reset', 'console', 'convert_jfs', 'skip_space_check', 'skip_bootable_check', 'keep_devices', 'kernel_64', 'import_vg', 'no_import'],
      why: 'image_data, platform, mksysb_level and the device and import options act in phase 1: they cannot be given with phase 2, 3 or 23',
    },
    {
      kind: 'forbidden_if',
      when: 'phase',
      whenValue: ['1', '3'],
      options: ['script', 'resolv_conf', 'remain_nim_client'],
      why: 'script, resolv_conf and remain_nim_client act in phase 2: use phase 2, 12, 23 or all with them',
    },
  ],
  examples: `- name: Restore last night's mksysb of this LPAR to hdisk2
  altdisk.aix.mksysb_install:
    source: /export/mksysb/lpar01.mksysb
    targets: [hdisk2]
    mksysb_level: 7.3.2

- name: Restore from tape without touching the boot list
  altdisk.aix.mksysb_install:
    source: /dev/rmt0
    targets: [hdisk3]
    bootlist: false
    no_import: true
`,
  returns: {
    targets: { description: 'The disks that hold (or would hold) the alternate rootvg.', returned: 'success', type: 'list', elements: 'str', sample: ['hdisk2'] },
    image_level: { description: 'The level of the mksysb image (lsmksysb).', returned: 'success', type: 'str', sample: '7300-02-01-2346' },
    cmd: { description: 'The main AIX command, as an argv list.', returned: 'when a command runs or would run', type: 'list', elements: 'str', sample: ['/usr/sbin/alt_disk_mksysb', '-m', '/export/mksysb/lpar01.mksysb', '-d', 'hdisk2'] },
    commands: { description: 'Every command that changes the host, in order.', returned: 'always', type: 'list', elements: 'list' },
    rc: { description: 'Exit code of the last AIX command run.', returned: 'when a command ran', type: 'int', sample: 0 },
    stdout_lines: { description: 'What the AIX command printed.', returned: 'when a command ran', type: 'list', elements: 'str' },
    altinst_state: { description: 'State of altinst_rootvg afterwards (or predicted): none, phase1, awake, complete.', returned: 'always', type: 'str', sample: 'complete' },
    bootlist: { description: 'The normal boot list afterwards (predicted in check mode).', returned: 'always', type: 'list', elements: 'str', sample: ['hdisk2'] },
    diff: { description: 'Disks, volume groups and boot lists before and after.', returned: 'diff mode', type: 'dict' },
  },
  notes: [
    'The image must carry the device and kernel support of this system: nothing can be added before the first boot of the new disk.',
    'Disk names can change at the first boot of a mksysb-restored disk: refer to disks by PVID afterwards.',
  ],
  requirements: ['bos.alt_disk_install.rte and bos.alt_disk_install.boot_images on the host', 'Node.js 18 or later on the host'],
});
