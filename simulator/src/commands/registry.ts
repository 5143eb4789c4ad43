import type { CommandImpl } from '../runtime/context.js';
import { LVM_COMMANDS } from './registry-lvm.js';
import { ALTDISK_COMMANDS } from './registry-altdisk.js';

// Every name `aixsim init` links into <host>/bin. Which commands exist depends on the profile's
// generation (aix43 has only the seed's alt_disk_install), see availableCommands().
export const COMMANDS: Record<string, CommandImpl> = { ...LVM_COMMANDS, ...ALTDISK_COMMANDS };

/** Commands introduced with AIX 5.3: absent from a legacy (4.3) host. lsmksysb: [U] (4.3 listed images with restore -T). */
export const MODERN_ONLY = new Set(['alt_disk_copy', 'alt_disk_mksysb', 'alt_rootvg_op', 'lsmksysb']);

export function availableCommands(generation: 'legacy' | 'modern'): string[] {
  return Object.keys(COMMANDS)
    .filter((n) => generation === 'modern' || !MODERN_ONLY.has(n))
    .sort();
}
