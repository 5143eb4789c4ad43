import type { HostFacts, VolumeGroupFacts } from '../facts/types.js';
import type { ParamsOf } from '../spec/types.js';
import type { cleanupSpec } from '../specs/cleanup.js';
import type { Plan, PlannedCommand } from './types.js';
import { aixCommand } from '../aix/commands.js';
import { fail, levelText, useLegacy } from './checks.js';
import { cloneSummary, setDisks, summarize } from './summary.js';

export type CleanupParams = ParamsOf<typeof cleanupSpec>;

// planCleanup removes alternate rootvgs the supported way (alt_rootvg_op -X / alt_disk_install -X):
// never exportvg, which on an alternate rootvg deletes the running system's /etc/filesystems
// stanzas (seed), and never the volume group the system runs from.

function looksLikeAlternateRootvg(f: HostFacts, vg: VolumeGroupFacts): boolean {
  if (vg.role === 'altinst_rootvg' || vg.role === 'old_rootvg') return true;
  // A renamed clone (alt_rootvg_op -v): a varied-off VG whose disk carries a boot image.
  return !vg.active && vg.disks.some((d) => f.disks.find((x) => x.name === d)?.bootable);
}

export function planCleanup(p: CleanupParams, f: HostFacts): Plan {
  const legacy = useLegacy(f, p.command, 'alt_rootvg_op');
  const names = [p.volume_group, ...(p.include_old_rootvg && p.volume_group !== 'old_rootvg' ? ['old_rootvg'] : [])];
  const commands: PlannedCommand[] = [];
  const removed: string[] = [];
  const freed: string[] = [];
  const notes: string[] = [];
  for (const name of names) {
    const vg = f.volumeGroups.find((v) => v.name === name);
    if (name === 'rootvg' || vg?.role === 'rootvg') {
      fail(`volume_group: ${name} is the volume group this system runs from; cleanup only removes alternate rootvgs (altinst_rootvg, old_rootvg)`);
    }
    if (!vg) {
      notes.push(name === 'old_rootvg' && f.generation === 'legacy' ? 'AIX 4.3 keeps no old_rootvg (the former rootvg disks show no volume group)' : `no ${name} on this host`);
      continue;
    }
    if (!looksLikeAlternateRootvg(f, vg)) {
      fail(`volume_group: ${name} is not an alternate rootvg (${vg.active ? 'it is varied on' : 'none of its disks holds a boot image'}); cleanup removes only alternate rootvgs, so ${name} is left alone`);
    }
    if (legacy && name !== 'altinst_rootvg') {
      fail(`volume_group: alt_disk_install -X${f.generation === 'legacy' ? ` on this host (${levelText(f)})` : ''} removes only altinst_rootvg, not ${name}`);
    }
    commands.push({ argv: legacy ? aixCommand('alt_disk_install', '-X') : aixCommand('alt_rootvg_op', '-X', name), why: `remove ${name} (${vg.disks.join(' ')})` });
    removed.push(name);
    freed.push(...vg.disks);
  }
  if (p.clear_pvid) for (const d of freed) commands.push({ argv: aixCommand('chpv', '-C', d), why: `clear the owning volume group from ${d}` });
  const predicted = cloneSummary(summarize(f));
  setDisks(predicted, freed, null, false);
  if (removed.includes('altinst_rootvg')) predicted.altinst = { state: 'none', disks: [] };
  if (removed.includes('old_rootvg')) predicted.oldRootvg = null;
  const left = f.bootlists.normal.filter((e) => e.device && freed.includes(e.device)).map((e) => e.device!);
  const warnings = left.length
    ? [`the normal boot list still names ${left.join(' ')}, which no longer holds a rootvg: set it with altdisk.aix.bootlist before the next reboot`]
    : [];
  return {
    commands,
    msg: removed.length ? `removed ${removed.join(' and ')}; ${freed.join(' ')} free` : `nothing to remove: ${notes.join('; ')}`,
    warnings,
    predicted,
    result: { removed, freed_disks: freed },
  };
}
