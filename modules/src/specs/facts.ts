import { defineSpec } from '../schema/types.js';

export const factsSpec = defineSpec({
  name: 'facts',
  shortDescription: 'Gather alternate-disk facts: disks, volume groups, altinst_rootvg state, boot lists, levels',
  description: [
    'Reads (and never changes) what an alternate-disk install depends on: disks with PVIDs, sizes and volume groups, free disks, rootvg size and copies, the state of altinst_rootvg and old_rootvg, the normal and service boot lists, oslevel and the alt-disk fileset levels.',
    'Returns them as ansible_facts.altdisk, and health warnings an admin must see before a reboot: the boot list does not start with a bootable disk, /etc/filesystems lost the rootvg stanzas (as after exportvg altinst_rootvg), an altinst_rootvg waiting for phase 3 or half-made by a run that was interrupted, an alternate-disk operation in progress, and disks that lspv shows without a volume group but whose VGDA still holds a rootvg copy or an exported volume group (lqueryvg).',
    'altinst.state is none, phase1 (phase 1 finished: mounted, or varied off by a reboot since; phase 3 finishes it), awake, complete, varied-on-by-hand, incomplete (a half-made copy: the run making it was interrupted, failed in phase 1, or a disk is gone; remove it) or in-progress (an alternate-disk command runs now; wait).',
  ],
  options: {},
  rules: [],
  examples: `- name: Gather alternate-disk facts
  altdisk.aix.facts:

- name: Clone to the smallest free disk that can hold rootvg
  altdisk.aix.clone:
    targets: ["{{ ansible_facts.altdisk.free_disks | selectattr('fits_rootvg') | map(attribute='name') | first }}"]
  when: ansible_facts.altdisk.free_disks | selectattr('fits_rootvg') | list | length > 0
`,
  returns: {
    ansible_facts: {
      description: 'Facts under the key altdisk.',
      returned: 'always',
      type: 'complex',
      contains: {
        altdisk: {
          description:
            'disks (each with free, bootable, available, rootvg_copy, exported_vg), free_disks (clone candidates, smallest first, each with fits_rootvg), volume_groups, rootvg, altinst (state, disks, boot_disk, mounted_at, varied_on, problem, made_by), old_rootvg, bootlist, operations (alternate-disk commands running now), oslevel, filesets, boot_device, health.',
          returned: 'always',
          type: 'dict',
        },
      },
    },
    warnings: { description: 'Health warnings (also shown by Ansible).', returned: 'when there are any', type: 'list', elements: 'str' },
  },
  notes: ['Safe to run at any time, in check mode too.'],
  readOnly: true,
  requirements: ['Node.js 18 or later on the host'],
});
