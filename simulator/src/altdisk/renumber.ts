import type { Disk, HostState } from '../state/types.js';
import { diskById } from '../views/host.js';

// The first boot of an mksysb-restored or device-reset (-O) image configures the disks afresh
// [V §20]: PVIDs are the stable identity, the former rootvg's disks keep their names, the booted
// disks take the next free names, then the other disks in their previous order.

function num(name: string): number {
  const m = /(\d+)$/.exec(name);
  return m ? Number(m[1]) : Number.MAX_SAFE_INTEGER;
}

function byName(a: Disk, b: Disk): number {
  return num(a.name) - num(b.name) || (a.name < b.name ? -1 : 1);
}

/** Renames disks in place; returns "old→new" pairs that changed. */
export function renumberDisks(state: HostState, formerRootVgid: string, bootVgid: string): string[] {
  const present = state.disks.filter((d) => d.present && /^hdisk\d+$/.test(d.name)).sort(byName);
  const keep = present.filter((d) => d.vgid === formerRootVgid && formerRootVgid !== bootVgid);
  const booted = present.filter((d) => d.vgid === bootVgid);
  const others = present.filter((d) => !keep.includes(d) && !booted.includes(d));
  const pool = present.map((d) => d.name).filter((n) => !keep.some((k) => k.name === n)).sort((a, b) => num(a) - num(b));
  const changed: string[] = [];
  const assigned = new Map<string, string>();
  [...booted, ...others].forEach((d, i) => assigned.set(d.id, pool[i]!));
  for (const [id, name] of assigned) {
    const d = diskById(state, id)!;
    if (d.name !== name) changed.push(`${d.name}->${name}`);
    d.name = name;
  }
  // lspv lists disks in configuration order, which the fresh configuration made name order.
  state.disks.sort(byName);
  for (const list of [state.bootlists.normal, state.bootlists.service]) {
    for (const e of list) {
      const d = e.diskId ? diskById(state, e.diskId) : undefined;
      if (d) e.device = d.name;
    }
  }
  return changed;
}
