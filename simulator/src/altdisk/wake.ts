import type { CommandContext } from '../runtime/context.js';
import type { HostState, OdmVg, OsLevel } from '../state/types.js';
import { compareLevels, versionRelease } from '../state/levels.js';
import { runningImage } from '../views/host.js';
import type { Transcript } from './log.js';
import { ERR } from './texts.js';
import { fail } from './failure.js';
import { NOMINAL } from './durations.js';
import { syncAltInstLink, toAltLv } from './mount.js';

// alt_rootvg_op -W [V §6]: a sleeping alternate rootvg (altinst_rootvg, a renamed one, or old_rootvg)
// is renamed altinst_rootvg, varied on and mounted under /alt_inst, back in a post-phase-1 state.
// The running system must be at least the disk's level: a higher version/release is refused unless
// FORCE=yes (and fails on a VG that has been a system rootvg); a higher TL/SP only warns [V §6.2].

export type LevelRelation = 'not-newer' | 'newer-tl' | 'newer-version';

export function relation(disk: OsLevel, running: OsLevel): LevelRelation {
  const vr = compareLevels(versionRelease(disk), versionRelease(running));
  if (vr > 0) return 'newer-version';
  if (vr < 0) return 'not-newer';
  const d = disk.sp ?? disk.tl;
  const r = running.sp ?? running.tl;
  return compareLevels(d, r) > 0 ? 'newer-tl' : 'not-newer';
}

function shown(l: OsLevel): string {
  return l.sp ?? l.tl;
}

export function forceSet(env: NodeJS.ProcessEnv): boolean {
  return env.FORCE === 'yes' || env.FORCE === 'Yes';
}

/** Checks and wakes the VG; returns nothing, prints only the [U] warning of a newer TL/SP. */
export function wakeUp(ctx: CommandContext, t: Transcript, prog: string, state: HostState, vg: OdmVg): void {
  const vgda = state.vgdas[vg.vgid]!;
  const disk = state.images[vgda.imageId!]!;
  const running = runningImage(state);
  const other = state.odm.find((v) => v.name === 'altinst_rootvg' && v.vgid !== vg.vgid);
  if (other) fail(ERR.altinstExists(prog));
  const rel = relation(disk.level, running.level);
  if (rel === 'newer-version') {
    if (!forceSet(ctx.env)) fail(ERR.wakeNewerVersion(prog, shown(disk.level), shown(running.level)));
    if (vgda.everSystemRootvg) fail(ERR.wakeForcedSystemRootvg(prog, shown(disk.level)));
  }
  if (rel === 'newer-tl') t.error(ERR.wakeNewerTl(prog, shown(disk.level), shown(running.level)));
  t.trace(`varyonvg ${vg.name}; mount /alt_inst`);
  ctx.pause(NOMINAL.wake);
  ctx.update((s) => {
    const v = s.odm.find((x) => x.vgid === vg.vgid)!;
    const d = s.vgdas[vg.vgid]!;
    d.lvs = d.lvs.map(toAltLv);
    d.altSuperblocks = true;
    v.name = 'altinst_rootvg';
    v.active = true;
    v.lvsInOdm = true;
    v.variedOnByHand = false;
    // [U] origin of a woken old_rootvg: it was a clone's source, bookkeeping only.
    v.alt = { ...(v.alt ?? { origin: 'alt_disk_copy', phase2Runs: 0 }), phase: 3, awake: true };
    syncAltInstLink(ctx.dir, s);
    s.history.push({ at: new Date().toISOString(), event: `${prog}: ${vg.name} (${vg.vgid}) woken up as altinst_rootvg` });
  });
}
