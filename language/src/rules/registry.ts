import type { Severity } from '../types.js';

// The hazard rules: a stable code each (never reused, never renumbered), a severity, one line of
// why, and an anchor in docs/hazards.md. The checks live in the files named in `check`; the
// reference page and the tests are keyed by these codes.

export interface RuleMeta {
  code: string;
  /** Short kebab-case name (SARIF rule name). */
  name: string;
  severity: Severity;
  /** One line: why it matters. */
  why: string;
  /** Reference §21 hazard ids it comes from. */
  hazards: string[];
  /** Whether a quick fix is offered (where the situation allows one). */
  fix: boolean;
}

export const RULES: RuleMeta[] = [
  {
    code: 'ALTDISK001',
    name: 'alt-vg-removed-by-hand',
    severity: 'error',
    why: 'exportvg or reducevg of altinst_rootvg/old_rootvg works on LVs that share names and mount points with the running rootvg; alt_rootvg_op -X is the supported removal',
    hazards: ['H-3'],
    fix: true,
  },
  {
    code: 'ALTDISK002',
    name: 'alt-vg-varied-on',
    severity: 'error',
    why: 'IBM: do not vary on altinst_rootvg; its logical volumes are not in the ODM and a varied-on copy can no longer go through the phases',
    hazards: ['H-2'],
    fix: false,
  },
  {
    code: 'ALTDISK003',
    name: 'raw-alt-disk-command',
    severity: 'warning',
    why: 'a raw alt_disk command skips the checks (free targets, levels, boot list, existing clones) and is not idempotent; the module task runs the same command safely',
    hazards: ['H-1', 'H-17'],
    fix: true,
  },
  {
    code: 'ALTDISK004',
    name: 'mksysb-source-is-a-disk',
    severity: 'error',
    why: 'in alt_disk_install -d names the mksysb image (tape or file), not a target disk: the targets come last',
    hazards: ['H-15'],
    fix: true,
  },
  {
    code: 'ALTDISK005',
    name: 'no-bootlist-with-reboot',
    severity: 'error',
    why: 'AIX refuses -B with -r: rebooting without pointing the boot list at the new disk would start the old rootvg',
    hazards: ['H-4'],
    fix: true,
  },
  {
    code: 'ALTDISK006',
    name: 'force-removes-alt-rootvg',
    severity: 'warning',
    why: 'force: true removes an existing or unfinished alternate rootvg (perhaps the fallback of the last update) before cloning',
    hazards: ['H-17'],
    fix: true,
  },
  {
    code: 'ALTDISK007',
    name: 'phase-without-phase1',
    severity: 'warning',
    why: 'phase 2 or 3 continue the altinst_rootvg of a phase 1; with none before it in the play the task depends on what an earlier run left',
    hazards: ['H-11'],
    fix: false,
  },
  {
    code: 'ALTDISK008',
    name: 'phase1-without-phase3',
    severity: 'warning',
    why: 'a phase 1 without a phase 3 leaves /alt_inst mounted and no bootable rootvg: you must run phase 3 to get a usable rootvg',
    hazards: ['H-11'],
    fix: false,
  },
  {
    code: 'ALTDISK009',
    name: 'cleanup-before-reboot',
    severity: 'error',
    why: 'removing altinst_rootvg after the clone and before the reboot that was to use it leaves a boot list pointing at a disk without a rootvg',
    hazards: ['H-3', 'H-5'],
    fix: true,
  },
  {
    code: 'ALTDISK010',
    name: 'target-in-volume-group',
    severity: 'error',
    why: 'a target disk must belong to no volume group (0505-126); the facts show this one in rootvg, old_rootvg or a data volume group',
    hazards: ['H-1'],
    fix: false,
  },
  {
    code: 'ALTDISK011',
    name: 'mksysb-level-not-vrm',
    severity: 'error',
    why: 'mksysb_level (-L) is a V.R.M level such as 7.3.2: it names the boot image and is checked against the image',
    hazards: ['H-9'],
    fix: true,
  },
  {
    code: 'ALTDISK012',
    name: 'alt-prefix-name',
    severity: 'warning',
    why: 'alt_disk operations create and remove volume groups, logical volumes and file systems with the "alt" prefix and may damage yours',
    hazards: ['H-14'],
    fix: false,
  },
  {
    code: 'ALTDISK013',
    name: 'reboot-without-bootlist-check',
    severity: 'warning',
    why: 'the reboot starts whatever the normal boot list names first: check it (altdisk.aix.bootlist or the facts) after the last change and before rebooting',
    hazards: ['H-6'],
    fix: true,
  },
  {
    code: 'ALTDISK014',
    name: 'reboot-after-clone-without-bootlist',
    severity: 'error',
    why: 'a clone made with bootlist: false (-B) does not boot: the reboot right after it starts the old rootvg again',
    hazards: ['H-5'],
    fix: true,
  },
  {
    code: 'ALTDISK015',
    name: 'device-reset-without-console',
    severity: 'warning',
    why: 'after a device reset (-O) without a console (-c) the first boot of the new rootvg stops to ask for the console',
    hazards: ['H-19'],
    fix: true,
  },
  {
    code: 'ALTDISK016',
    name: 'reboot-inside-task',
    severity: 'warning',
    why: 'reboot: true reboots the host at the end of the task: Ansible loses the connection before the module answers, so the task fails and the play stops',
    hazards: ['H-5'],
    fix: true,
  },
  {
    code: 'ALTDISK017',
    name: 'bootinfo-deprecated',
    severity: 'information',
    why: 'bootinfo is deprecated for scripts: getconf DISK_SIZE, BOOT_DEVICE and KERNEL_BITMODE answer the same questions',
    hazards: ['H-16'],
    fix: true,
  },
  {
    code: 'ALTDISK018',
    name: 'wake-without-sleep',
    severity: 'warning',
    why: 'a woken-up volume group (alt_rootvg_op -W) must be put back to sleep with alt_rootvg_op -S before it can boot',
    hazards: ['H-7', 'H-8'],
    fix: false,
  },
  {
    code: 'ALTDISK019',
    name: 'target-not-on-host',
    severity: 'warning',
    why: 'the facts of the host list no such disk: the task would fail, or the disk was renamed (mksysb installs and device resets renumber disks)',
    hazards: ['H-21'],
    fix: false,
  },
  {
    code: 'ALTDISK020',
    name: 'single-device-bootlist',
    severity: 'information',
    why: 'a normal boot list of one disk has nothing to fall back to when that disk does not boot',
    hazards: ['H-6'],
    fix: false,
  },
  {
    code: 'ALTDISK021',
    name: 'updates-on-mksysb-copy',
    severity: 'error',
    why: 'phase 2 of a mksysb install runs the script, resolv_conf and NIM files only: installp updates apply to clones',
    hazards: ['H-11'],
    fix: false,
  },
];

export const RULE_BY_CODE = new Map(RULES.map((r) => [r.code, r]));

export const DEFAULT_DOC_BASE = 'docs/hazards.md';

export function ruleDocUrl(code: string, base = DEFAULT_DOC_BASE): string {
  return `${base}#${code.toLowerCase()}`;
}
