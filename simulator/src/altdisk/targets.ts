import type { Disk, HostState, LogicalVolume, OsImage } from '../state/types.js';
import { diskByName, odmVgOfDisk } from '../views/host.js';
import { totalPpsOf } from '../views/allocation.js';
import { MSG } from '../aix/messages.js';
import { ERR } from './texts.js';
import { fail } from './failure.js';

// Checks on target disks, made before anything changes (reference §1 invariant 1, §3.4, §3.5, H-1, H-12).

/** [U] Boot disks must stay below 2 TB (the firmware's boot addressing limit); bootinfo -B can share this rule. */
export const MAX_BOOT_DISK_MB = 2 * 1024 * 1024;

export function isBootCapable(disk: Disk): boolean {
  return disk.sizeMb < MAX_BOOT_DISK_MB;
}

/** Resolve names to present disks, in the order given. */
export function resolveTargets(state: HostState, prog: string, names: string[]): Disk[] {
  const seen = new Set<string>();
  return names.map((n) => {
    if (seen.has(n)) fail(ERR.duplicateTarget(prog, n));
    seen.add(n);
    const d = diskByName(state, n);
    if (!d) fail(MSG.noSuchDisk(prog, n));
    if (!d.present) fail(ERR.diskNotAvailable(prog, n));
    return d;
  });
}

/** [V §8] A target must not belong to a volume group the running system knows (lspv shows None). */
export function requireFree(state: HostState, prog: string, disks: Disk[]): void {
  for (const d of disks) {
    if (d.vgid === state.booted.vgid) fail(MSG.vgAssigned(prog, d.name));
    if (odmVgOfDisk(state, d)) fail(MSG.vgAssigned(prog, d.name));
  }
}

export function requireNoAltinst(state: HostState, prog: string): void {
  if (state.odm.some((v) => v.name === 'altinst_rootvg')) fail(ERR.altinstExists(prog));
}

export function requireFileset(image: OsImage, prog: string, fileset: string): void {
  if (!image.filesets.some((f) => f.name === fileset)) fail(ERR.filesetMissing(prog, fileset));
}

/** Partitions one copy of the LVs needs (the clone is never mirrored, H-18). */
export function neededPps(lvs: LogicalVolume[]): number {
  return lvs.reduce((n, lv) => n + lv.lps, 0);
}

export function availablePps(disks: Disk[], ppSizeMb: number): number {
  return disks.reduce((n, d) => n + totalPpsOf(d.sizeMb, ppSizeMb), 0);
}

/** [U message] The boot disk (the first target) must be able to boot (skipped by -g). */
export function requireBootable(prog: string, disks: Disk[]): void {
  const boot = disks[0];
  if (boot && !isBootCapable(boot)) fail(ERR.notBootable(prog, boot.name));
}
