import { defineSpec } from '../schema/types.js';

export const cleanupSpec = defineSpec({
  name: 'cleanup',
  shortDescription: 'Remove an alternate rootvg (altinst_rootvg, old_rootvg) the AIX way',
  description: [
    'Removes the definition of an alternate rootvg with alt_rootvg_op -X (alt_disk_install -X below AIX 5.3), so that its disks show as free in lspv, and optionally clears the owning volume group from the freed disks with chpv -C.',
    'Never uses exportvg, which on an alternate rootvg deletes the running system\'s own stanzas from /etc/filesystems, and never touches the volume group the system runs from.',
    'Idempotent: nothing to remove reports changed=false.',
  ],
  options: {
    volume_group: {
      type: 'str',
      format: 'vg',
      default: 'altinst_rootvg',
      description: ['The alternate rootvg to remove: altinst_rootvg, old_rootvg, or the name a clone was given with alt_rootvg_op -v.'],
    },
    include_old_rootvg: {
      type: 'bool',
      default: false,
      description: [
        'Also remove old_rootvg, the former rootvg left after booting a clone. Do it once the new system is known to be good: it is the fallback.',
        'AIX 4.3 keeps no old_rootvg: there the disks that show no volume group but still hold a rootvg copy (facts: rootvg_copy, found with lqueryvg) are cleared with chpv -C, unless the normal boot list starts with one.',
      ],
    },
    clear_pvid: {
      type: 'bool',
      default: false,
      aixFlag: 'chpv -C',
      description: [
        'After the removal, run chpv -C on each freed disk to clear its owning volume group (as IBM\'s automation does), so it is reused as a clean disk.',
        'The disks of a half-made altinst_rootvg (facts: state incomplete) are cleared even without it: after -X they would still look like a bootable rootvg copy that does not boot.',
      ],
    },
    command: {
      type: 'str',
      choices: ['auto', 'alt_rootvg_op', 'alt_disk_install'],
      default: 'auto',
      description: ['auto: alt_rootvg_op -X from AIX 5.3 on, alt_disk_install -X below. Below 5.3 only altinst_rootvg can be removed this way.'],
    },
  },
  rules: [],
  examples: `- name: Remove the clone (for instance after a failed phase 2)
  altdisk.aix.cleanup:

- name: After a good upgrade, remove the fallback and reuse its disk
  altdisk.aix.cleanup:
    volume_group: old_rootvg
    clear_pvid: true
`,
  returns: {
    removed: { description: 'The volume groups removed (or that would be).', returned: 'always', type: 'list', elements: 'str', sample: ['altinst_rootvg'] },
    freed_disks: { description: 'The disks that are free afterwards.', returned: 'always', type: 'list', elements: 'str', sample: ['hdisk1'] },
    commands: { description: 'Every command that changes the host, in order.', returned: 'always', type: 'list', elements: 'list' },
    cmd: { description: 'The last AIX command, as an argv list.', returned: 'when a command runs or would run', type: 'list', elements: 'str' },
    rc: { description: 'Exit code of the last AIX command run.', returned: 'when a command ran', type: 'int' },
    stdout_lines: { description: 'What the AIX commands printed.', returned: 'when a command ran', type: 'list', elements: 'str' },
    diff: { description: 'Disks and volume groups before and after.', returned: 'diff mode', type: 'dict' },
  },
  notes: ['The boot list is not changed: if it still names a freed disk, set it with altdisk.aix.bootlist.'],
  requirements: ['bos.alt_disk_install.rte on the host', 'Node.js 18 or later on the host'],
});
