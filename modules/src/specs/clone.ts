import { defineSpec } from '../schema/types.js';
import * as c from './common.js';

export const cloneSpec = defineSpec({
  name: 'clone',
  shortDescription: 'Clone the running rootvg to an alternate disk (alt_disk_copy, alt_disk_install -C)',
  description: [
    'Copies the running rootvg to free disks as altinst_rootvg, optionally installs updates on the copy while the system runs, and points the boot list at it: rebooting then starts the copy, and the boot list can fall back to the original disk.',
    'Runs alt_disk_copy on AIX 5.3 and later, and alt_disk_install -C (AIX 4.3 syntax) below 5.3 or when command is alt_disk_install.',
    'Idempotent: a complete altinst_rootvg already on exactly these targets reports changed=false. One on other disks, or an unfinished one, fails the task with what to do, unless force removes it first (only after every other check has passed).',
    'Check mode returns the exact commands that would run and runs no command that changes the host.',
  ],
  options: {
    targets: c.targets,
    disk_size_policy: {
      type: 'str',
      choices: ['minimize', 'upper', 'lower', 'nearest'],
      description: [
        'Pick one free disk instead of naming targets: minimize takes the smallest disk that holds the used partitions of one rootvg copy; upper the smallest disk at least as large as one rootvg copy; lower the largest disk smaller than that (but big enough for the used partitions); nearest the disk closest in size.',
        'A mirrored rootvg is counted by its logical-volume copies: the clone is a single copy.',
        'Below AIX 5.3 a disk that shows no volume group but still holds a rootvg copy on disk (the former rootvg after booting a clone, found with lqueryvg) is never picked: name it in targets to overwrite it.',
      ],
    },
    image_data: c.imageData,
    script: c.script,
    resolv_conf: c.resolvConf,
    exclude_list: {
      type: 'path',
      format: 'abspath',
      aixFlag: '-e',
      description: ['An exclude list for the copy: lines are grep patterns matched against the file names to leave out. Must be a full path name.'],
    },
    ...c.installpOptions,
    remain_nim_client: c.remainNimClient,
    phase: c.phase,
    bootlist: c.bootlist,
    reboot: c.reboot,
    verbose: c.verbose,
    debug: c.debug,
    device_reset: c.deviceReset,
    console: c.consoleDevice,
    first_boot_script: {
      type: 'path',
      format: 'abspath',
      aixFlag: '-x',
      description: ['A script run once at the first boot of the new rootvg, after all file systems are mounted. Must be a full path name and executable.'],
    },
    skip_bootable_check: c.skipBootableCheck,
    convert_jfs: c.convertJfs,
    skip_space_check: c.skipSpaceCheck,
    command: {
      type: 'str',
      choices: ['auto', 'alt_disk_copy', 'alt_disk_install'],
      default: 'auto',
      description: [
        'Which AIX command to run. auto: alt_disk_install with the AIX 4.3 syntax below AIX 5.3, alt_disk_copy from 5.3 on.',
        'alt_disk_install on 5.3 and later is IBM\'s compatibility wrapper: it accepts only the old flags (no device_reset, console, first_boot_script, skip_bootable_check, convert_jfs or skip_space_check).',
      ],
    },
    force: c.force,
  },
  rules: [
    { kind: 'required_one_of', options: ['targets', 'disk_size_policy'], why: 'give targets (the disks to clone onto) or disk_size_policy (to let altdisk pick a free disk)' },
    {
      kind: 'mutually_exclusive',
      options: ['targets', 'disk_size_policy'],
      why: 'targets and disk_size_policy are mutually exclusive: name the disks, or let disk_size_policy pick one',
    },
    {
      kind: 'forbidden_if',
      when: 'phase',
      whenValue: ['2', '3', '23'],
      options: ['disk_size_policy'],
      why: 'phase 2, 3 or 23 continue an existing altinst_rootvg: name its disks in targets instead of disk_size_policy',
    },
    {
      kind: 'forbidden_if',
      when: 'phase',
      whenValue: ['2', '3', '23'],
      options: ['image_data', 'exclude_list', 'device_reset', 'console', 'first_boot_script', 'convert_jfs', 'skip_space_check', 'skip_bootable_check'],
      why: 'image_data, exclude_list, device_reset, console, first_boot_script, convert_jfs, skip_space_check and skip_bootable_check act in phase 1: they cannot be given with phase 2, 3 or 23',
    },
    {
      kind: 'forbidden_if',
      when: 'phase',
      whenValue: ['1', '3'],
      options: ['script', 'resolv_conf', 'remain_nim_client', 'bundle', 'fix_bundle', 'fixes', 'filesets', 'installp_flags', 'images_location'],
      why: 'script, resolv_conf, remain_nim_client and the installp options act in phase 2: use phase 2, 12, 23 or all with them',
    },
    c.bootlistRebootRule,
    c.consoleRule,
    ...c.installpRules,
  ],
  examples: `- name: Clone rootvg to hdisk1 (the next reboot starts the clone)
  altdisk.aix.clone:
    targets: [hdisk1]

- name: Clone to the best-fitting free disk, keep booting the current disk
  altdisk.aix.clone:
    disk_size_policy: nearest
    bootlist: false
  register: clone

- name: Phase 1 only - copy rootvg and leave /alt_inst mounted for changes
  altdisk.aix.clone:
    targets: [hdisk2]
    phase: "1"

- name: Phases 2 and 3 - install a technology level on the copy, then finish it
  altdisk.aix.clone:
    targets: [hdisk2]
    phase: "23"
    bundle: update_all
    images_location: /export/lpp/7300-03
    script: /usr/local/bin/post_clone.sh

- name: A long clone under Ansible without holding the connection
  altdisk.aix.clone:
    targets: [hdisk1]
  async: 7200
  poll: 60
`,
  returns: {
    targets: { description: 'The disks that hold (or would hold) the alternate rootvg.', returned: 'success', type: 'list', elements: 'str', sample: ['hdisk1'] },
    cmd: { description: 'The main AIX command, as an argv list.', returned: 'when a command runs or would run', type: 'list', elements: 'str', sample: ['/usr/sbin/alt_disk_copy', '-d', 'hdisk1'] },
    commands: { description: 'Every command that changes the host, in order (what check mode would run).', returned: 'always', type: 'list', elements: 'list', sample: [['/usr/sbin/alt_disk_copy', '-d', 'hdisk1']] },
    rc: { description: 'Exit code of the last AIX command run.', returned: 'when a command ran', type: 'int', sample: 0 },
    stdout_lines: { description: 'What the AIX command printed.', returned: 'when a command ran', type: 'list', elements: 'str', sample: ['Bootlist is set to the boot disk: hdisk1 blv=hd5'] },
    altinst_state: {
      description: 'State of altinst_rootvg afterwards (or predicted in check mode): none, phase1 (mounted at /alt_inst), awake, complete.',
      returned: 'always',
      type: 'str',
      sample: 'complete',
    },
    bootlist: { description: 'The normal boot list afterwards (predicted in check mode).', returned: 'always', type: 'list', elements: 'str', sample: ['hdisk1'] },
    diff: { description: 'Disks, volume groups and boot lists before and after.', returned: 'diff mode', type: 'dict' },
  },
  notes: [
    'Only mounted file systems are copied: mount every rootvg file system you want in the clone.',
    'Do not vary on altinst_rootvg and do not remove it with exportvg (that deletes the running system\'s stanzas from /etc/filesystems); use altdisk.aix.cleanup.',
    'A full clone takes 20 to 60 minutes on real hardware: under Ansible use async and poll.',
  ],
  requirements: ['bos.alt_disk_install.rte on the host', 'Node.js 18 or later on the host (AIX Toolbox: /opt/freeware/bin/node)'],
  seealso: [
    { module: 'altdisk.aix.phase', description: 'Continue a phased clone (phase 2 updates, phase 3).' },
    { module: 'altdisk.aix.cleanup', description: 'Remove altinst_rootvg or old_rootvg.' },
  ],
});
