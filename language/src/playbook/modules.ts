import { SPECS } from '../../../modules/src/specs/index.js';

// Which module a task's action names. Ansible resolves a short name through the `collections:`
// keyword of the task, block, play or role, and `ansible.legacy.X` / `ansible.builtin.X` / `X` to
// the same built-in for the modules we know about.

export const COLLECTION = 'altdisk.aix';

export type ModuleRef =
  /** One of ours: the spec name (clone, phase...), and how it was written. */
  | { kind: 'altdisk'; name: string; written: string; short: boolean; resolvable: boolean }
  /** altdisk.aix.<unknown>. */
  | { kind: 'altdisk-unknown'; name: string; written: string }
  /** Anything else, by its canonical name: builtins without prefix (command, shell, reboot), others as written. */
  | { kind: 'other'; name: string; written: string };

const BUILTIN_PREFIXES = ['ansible.builtin.', 'ansible.legacy.'];

export function resolveModule(written: string, collections: readonly string[]): ModuleRef {
  if (written.startsWith(`${COLLECTION}.`)) {
    const name = written.slice(COLLECTION.length + 1);
    return Object.hasOwn(SPECS, name) ? { kind: 'altdisk', name, written, short: false, resolvable: true } : { kind: 'altdisk-unknown', name, written };
  }
  for (const p of BUILTIN_PREFIXES) if (written.startsWith(p)) return { kind: 'other', name: written.slice(p.length), written };
  if (!written.includes('.') && Object.hasOwn(SPECS, written)) {
    return { kind: 'altdisk', name: written, written, short: true, resolvable: collections.includes(COLLECTION) };
  }
  if (!written.includes('.')) {
    for (const c of collections) {
      if (c === 'ibm.power_aix' || c === 'community.general') return { kind: 'other', name: `${c}.${written}`, written };
    }
  }
  return { kind: 'other', name: written, written };
}

export const COMMAND_MODULES = new Set(['command', 'shell', 'raw', 'script']);

/** The reboot module, however it is written. */
export function isRebootModule(ref: ModuleRef): boolean {
  return ref.kind === 'other' && ref.name === 'reboot';
}

/** LVM modules of volume groups: which option names the VG, and which state removes / activates it. */
export const VG_MODULES: Record<string, { vg: string; pvs: string }> = {
  'community.general.aix_lvg': { vg: 'vg', pvs: 'pvs' },
  'community.general.system.aix_lvg': { vg: 'vg', pvs: 'pvs' },
  aix_lvg: { vg: 'vg', pvs: 'pvs' },
  'ibm.power_aix.lvg': { vg: 'vg_name', pvs: 'pvs' },
};

export const LV_MODULES: Record<string, { lv: string }> = {
  'community.general.aix_lvol': { lv: 'lv' },
  'community.general.system.aix_lvol': { lv: 'lv' },
  aix_lvol: { lv: 'lv' },
  'ibm.power_aix.lvol': { lv: 'lv' },
};

export const FS_MODULES: Record<string, { fs: string }> = {
  'community.general.aix_filesystem': { fs: 'filesystem' },
  'community.general.system.aix_filesystem': { fs: 'filesystem' },
  aix_filesystem: { fs: 'filesystem' },
  'ibm.power_aix.filesystem': { fs: 'filesystem' },
};
