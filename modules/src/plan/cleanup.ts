import type { HostFacts, VolumeGroupFacts } from '../facts/types.js';
import type { ParamsOf } from '../schema/types.js';
import type { cleanupSpec } from '../specs/cleanup.js';
import { REAL_RUN, type Plan, type PlanContext, type PlannedCommand } from './types.js';
import { aixCommand } from '../aix/commands.js';
import { fail, levelText, refuseWhileInProgress, useLegacy } from './checks.js';
import { cloneSummary, setDisks, summarize } from './summary.js';
import { guardBootlist } from './boot-guard.js';
import { clearHalfMadeCommands } from './altinst.js';

export type CleanupParams = ParamsOf<typeof cleanupSpec>;

// planCleanup removes alternate rootvgs the supported way (alt_rootvg_op -X / alt_disk_install -X):
// never exportvg, which on an alternate rootvg deletes the running system's /etc/filesystems
// stanzas (seed), and never the volume group the system runs from.

function looksLikeAlternateRootvg(f: HostFacts, vg: VolumeGroupFacts): boolean {
  if (vg.role === 'altinst_rootvg' || vg.role === 'old_rootvg') return true;
  // A renamed clone (alt_rootvg_op -v): a varied-off VG whose disk carries a boot image.
  return !vg.active && vg.disks.some((d) => f.disks.find((x) => x.name === d)?.bootable);
}

/** AIX 4.3 has no old_rootvg: after booting a clone the former rootvg's disks show no volume group and only their VGDA tells (facts: rootvgCopy). */
function formerRootvgDisks(f: HostFacts): string[] {
  return f.disks.filter((d) => d.rootvgCopy).map((d) => d.name);
}

export function planCleanup(p: CleanupParams, f: HostFacts, _ctx: PlanContext = REAL_RUN): Plan {
  const legacy = useLegacy(f, p.command, 'alt_rootvg_op');
  refuseWhileInProgress(f, 'the cleanup');
  const names = [p.volume_group, ...(p.include_old_rootvg && p.volume_group !== 'old_rootvg' ? ['old_rootvg'] : [])];
  const commands: PlannedCommand[] = [];
  const removed: string[] = [];
  const freed: string[] = [];
  const notes: string[] = [];
  /** Disks already cleared with chpv -C (AIX 4.3's former rootvg): clear_pvid has nothing left to do there. */
  const cleared: string[] = [];
  for (const name of names) {
    const vg = f.volumeGroups.find((v) => v.name === name);
    if (name === 'rootvg' || vg?.role === 'rootvg') {
      fail(`volume_group: ${name} is the volume group this system runs from; cleanup only removes alternate rootvgs (altinst_rootvg, old_rootvg)`);
    }
    if (!vg && name === 'old_rootvg' && f.generation === 'legacy') {
      const hidden = formerRootvgDisks(f);
      if (hidden.length === 0) notes.push('AIX 4.3 keeps no old_rootvg, and no disk holds a former rootvg copy (lqueryvg)');
      for (const d of hidden) commands.push({ argv: aixCommand('chpv', '-C', d), why: `clear the former rootvg copy from ${d} (AIX 4.3 shows it with no volume group)` });
      if (hidden.length) removed.push('old_rootvg');
      freed.push(...hidden);
      cleared.push(...hidden);
      continue;
    }
    if (!vg) {
      notes.push(`no ${name} on this host`);
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
  if (p.clear_pvid) for (const d of freed.filter((x) => !cleared.includes(x))) commands.push({ argv: aixCommand('chpv', '-C', d), why: `clear the owning volume group from ${d}` });
  else if (removed.includes('altinst_rootvg')) {
    const halfMade = clearHalfMadeCommands(f);
    commands.push(...halfMade);
    cleared.push(...halfMade.map((c) => c.argv[c.argv.length - 1]!));
  }
  // Never remove what the normal boot list starts: the boot list goes back to the running rootvg first.
  const guard = commands.length ? guardBootlist(f, freed, 'frees') : null;
  if (guard) commands.unshift(guard.command);
  const predicted = cloneSummary(summarize(f));
  setDisks(predicted, freed, null, false);
  if (removed.includes('altinst_rootvg')) predicted.altinst = { state: 'none', disks: [] };
  if (removed.includes('old_rootvg')) predicted.oldRootvg = null;
  if (guard) predicted.bootlist.normal = [...guard.list];
  const warnings: string[] = [];
  const kept = (f.volumeGroups.find((v) => v.name === 'altinst_rootvg')?.disks ?? []).filter((d) => !cleared.includes(d));
  if (removed.includes('altinst_rootvg') && !p.clear_pvid && kept.length) {
    const disks = kept;
    warnings.push(
      `${legacy ? 'alt_disk_install -X' : 'alt_rootvg_op -X'} removes only the ODM definition: ${disks.join(' ')} still hold${disks.length === 1 ? 's' : ''} the copy on disk, which the facts report as a rootvg copy and disk_size_policy does not pick; clear_pvid: true (chpv -C) clears it${f.generation === 'legacy' ? ', now or with include_old_rootvg: true later' : ''}`,
    );
  }
  return {
    commands,
    msg: removed.length ? `removed ${removed.join(' and ')}; ${freed.join(' ')} free${guard ? `; ${guard.note}` : ''}` : `nothing to remove: ${notes.join('; ')}`,
    warnings,
    predicted,
    result: { removed, freed_disks: freed, ...(guard ? { bootlist_set_to: guard.list } : {}) },
  };
}
