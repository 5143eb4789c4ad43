import type { CommandImpl } from '../runtime/context.js';
import { LVM_COMMANDS } from './registry-lvm.js';
import { ALTDISK_COMMANDS } from './registry-altdisk.js';
import { existsOn } from './generations.js';

// Every name `aixsim init` links into <host>/bin. Which commands exist depends on the profile's
// generation (aix43 has only the seed's alt_disk_install), see availableCommands().
export const COMMANDS: Record<string, CommandImpl> = { ...LVM_COMMANDS, ...ALTDISK_COMMANDS };

export function availableCommands(generation: 'legacy' | 'modern'): string[] {
  return Object.keys(COMMANDS)
    .filter((n) => existsOn(n, generation))
    .sort();
}
