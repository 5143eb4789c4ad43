import { defineSpec } from '../schema/types.js';
import * as c from './common.js';

export const phaseSpec = defineSpec({
  name: 'phase',
  shortDescription: 'Continue a phased alternate-disk install (phase 2 customization and updates, phase 3)',
  description: [
    'Works on the existing altinst_rootvg left by a phase-1 clone or mksysb install (altdisk.aix.clone or altdisk.aix.mksysb_install with phase 1 or 12).',
    'Phase 2 runs the customization script, installs updates (clones only), copies resolv.conf and the NIM client files; it may run any number of times and always reports a change.',
    'Phase 3 unmounts /alt_inst, renames the logical volumes, varies altinst_rootvg off and sets the boot list: on a complete altinst_rootvg it reports changed=false.',
    'It reads the state first and refuses what cannot be done (no altinst_rootvg, a woken-up one, phase 2 on a complete one) with what to do instead.',
  ],
  options: {
    phase: {
      type: 'str',
      choices: ['2', '3', '23'],
      required: true,
      aixFlag: '-P',
      description: ['Which phases to run on the existing altinst_rootvg.'],
    },
    targets: {
      ...c.targets,
      description: ['The disks of the existing altinst_rootvg. Optional: altdisk finds them; when given, they must be exactly its disks.'],
    },
    script: c.script,
    resolv_conf: c.resolvConf,
    remain_nim_client: c.remainNimClient,
    ...c.installpOptions,
    bootlist: c.bootlist,
    reboot: c.reboot,
    verbose: c.verbose,
    debug: c.debug,
    command: {
      type: 'str',
      choices: ['auto', 'alt_disk_install'],
      default: 'auto',
      description: ['auto: the command that made altinst_rootvg (alt_disk_copy or alt_disk_mksysb; alt_disk_install below AIX 5.3). alt_disk_install: the old syntax.'],
    },
  },
  rules: [
    c.bootlistRebootRule,
    ...c.installpRules,
    {
      kind: 'forbidden_if',
      when: 'phase',
      whenValue: '3',
      options: ['script', 'resolv_conf', 'remain_nim_client', 'bundle', 'fix_bundle', 'fixes', 'filesets', 'installp_flags', 'images_location'],
      why: 'phase 3 runs no customization: give script, resolv_conf, remain_nim_client and the installp options with phase 2 or 23',
    },
    {
      kind: 'forbidden_if',
      when: 'phase',
      whenValue: '2',
      options: ['reboot'],
      why: 'reboot acts at the end of phase 3: use phase 23 or 3 to reboot',
    },
  ],
  examples: `- name: Install the new technology level on the phase-1 copy
  altdisk.aix.phase:
    phase: "2"
    bundle: update_all
    images_location: /export/lpp/7300-03

- name: Finish the alternate disk and boot it next time
  altdisk.aix.phase:
    phase: "3"
`,
  returns: {
    targets: { description: 'The disks of altinst_rootvg.', returned: 'success', type: 'list', elements: 'str', sample: ['hdisk1'] },
    cmd: { description: 'The main AIX command, as an argv list.', returned: 'when a command runs or would run', type: 'list', elements: 'str', sample: ['/usr/sbin/alt_disk_copy', '-P', '3', '-d', 'hdisk1'] },
    commands: { description: 'Every command that changes the host, in order.', returned: 'always', type: 'list', elements: 'list' },
    rc: { description: 'Exit code of the last AIX command run.', returned: 'when a command ran', type: 'int' },
    stdout_lines: { description: 'What the AIX command printed.', returned: 'when a command ran', type: 'list', elements: 'str' },
    altinst_state: { description: 'State of altinst_rootvg afterwards (or predicted): phase1, awake, complete.', returned: 'always', type: 'str', sample: 'complete' },
    bootlist: { description: 'The normal boot list afterwards (predicted in check mode).', returned: 'always', type: 'list', elements: 'str' },
    diff: { description: 'Disks, volume groups and boot lists before and after.', returned: 'diff mode', type: 'dict' },
  },
  notes: ['A woken-up altinst_rootvg (alt_rootvg_op -W) must be put to sleep with alt_rootvg_op -S, not finished with phase 3.'],
  requirements: ['bos.alt_disk_install.rte on the host', 'Node.js 18 or later on the host'],
});
