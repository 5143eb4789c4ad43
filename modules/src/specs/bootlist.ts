import { defineSpec, type OptionSpec } from '../schema/types.js';

const attr = (description: string): OptionSpec => ({ type: 'str', format: 'attr_value', description: [description] });

const entry = {
  type: 'list',
  elements: 'str_or_dict',
  format: 'bootlist_device',
  minItems: 1,
  description: ['Boot devices in order: a device name (hdisk1) or a mapping with device and attributes ({device: hdisk1, blv: hd5}).'],
  suboptions: {
    device: { type: 'str', format: 'bootlist_device', required: true, description: ['The device, such as hdisk1, cd0 or ent0.'] },
    blv: { type: 'str', format: 'attr_value', description: ['The boot logical volume, such as hd5 (bos_hd5 for a multibos standby).'] },
    pathid: attr('Path id(s) of the disk to boot through, such as 0 or 0,1. Without it every path is tried.'),
    bserver: attr('Network boot: the boot server address.'),
    gateway: attr('Network boot: the gateway address.'),
    client: attr('Network boot: the client address.'),
    speed: attr('Network boot: adapter speed.'),
    duplex: attr('Network boot: adapter duplex.'),
    vlan_tag: attr('Network boot: VLAN tag.'),
    vlan_pri: attr('Network boot: VLAN priority.'),
    filename: attr('Network boot: the boot file name.'),
  },
} as const satisfies OptionSpec;

export const bootlistSpec = defineSpec({
  name: 'bootlist',
  shortDescription: 'Read or set the AIX boot lists (normal, service) and report a change only when there is one',
  description: [
    'Reads the normal and service boot lists (bootlist -m <mode> -o) and, when lists are given, sets them with bootlist -m <mode> <devices> — only when they differ from the current ones.',
    'With verify (the default), refuses a list whose first device is a disk that holds no boot logical volume: the next reboot would fail.',
    'Rolling back to the previous rootvg is setting normal to its disk and rebooting.',
  ],
  options: {
    normal: { ...entry, description: ['The normal-mode boot list, in order.', ...entry.description] },
    service: { ...entry, description: ['The service-mode boot list, in order.', ...entry.description] },
    both: { ...entry, description: ['Set the normal and the service list to the same devices.', ...entry.description] },
    force: {
      type: 'bool',
      default: false,
      aixFlag: '-F',
      description: ['Set the list even when the speed and duplex attributes cannot be validated.'],
    },
    verify: {
      type: 'bool',
      default: true,
      description: ['Refuse a list whose first device is a disk without a boot logical volume (bootinfo -B says 0), or a disk that is gone.'],
    },
  },
  rules: [
    { kind: 'mutually_exclusive', options: ['normal', 'both'], why: 'normal and both are mutually exclusive: both already sets the normal list' },
    { kind: 'mutually_exclusive', options: ['service', 'both'], why: 'service and both are mutually exclusive: both already sets the service list' },
  ],
  examples: `- name: Read the boot lists
  altdisk.aix.bootlist:
  register: bl

- name: Boot the clone on hdisk1, fall back to hdisk0
  altdisk.aix.bootlist:
    normal: [hdisk1, hdisk0]

- name: Roll back to the previous rootvg on hdisk0 (then reboot)
  altdisk.aix.bootlist:
    normal:
      - device: hdisk0
        blv: hd5
`,
  returns: {
    bootlist: {
      description: 'The boot lists afterwards (predicted in check mode): each a list of entries with device, attrs (blv, pathid...) and present.',
      returned: 'always',
      type: 'dict',
      sample: { normal: [{ device: 'hdisk1', attrs: { blv: 'hd5', pathid: '0,1,2,3' }, present: true }], service: [] },
    },
    commands: { description: 'The bootlist commands run (or that would run).', returned: 'always', type: 'list', elements: 'list' },
    cmd: { description: 'The last bootlist command, as an argv list.', returned: 'when a command runs or would run', type: 'list', elements: 'str' },
    rc: { description: 'Exit code of the last command run.', returned: 'when a command ran', type: 'int' },
    diff: { description: 'The boot lists before and after.', returned: 'diff mode', type: 'dict' },
  },
  notes: ['A device that is no longer present shows as "-" in bootlist -o; it is returned with present=false.'],
  requirements: ['Node.js 18 or later on the host'],
});
