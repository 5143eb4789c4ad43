import type { HostFacts } from '../facts/types.js';
import type { Plan, PlannedCommand } from './types.js';
import { aixCommand } from '../aix/commands.js';
import { cloneSummary, setDisks, summarize, type StateSummary } from './summary.js';
import { changeCompleteAdvice, describeAltinst, fail, sameDisks } from './checks.js';

// Predictions and commands about altinst_rootvg shared by clone, mksysb_install and phase.

export function removeAltinstCommand(f: HostFacts, legacy: boolean, why: string): PlannedCommand {
  return { argv: legacy ? aixCommand('alt_disk_install', '-X') : aixCommand('alt_rootvg_op', '-X', 'altinst_rootvg'), why };
}

export function includesPhase3(phase: string): boolean {
  return phase === '3' || phase === '23' || phase === 'all';
}

/** After a reboot onto altinst_rootvg: it becomes rootvg; the former rootvg is old_rootvg (5.3+) or shows no VG (4.3). */
export function predictReboot(s: StateSummary, legacy: boolean): StateSummary {
  const out = cloneSummary(s);
  const former = [...out.rootvgDisks];
  const clone = [...out.altinst.disks];
  setDisks(out, former, legacy ? null : 'old_rootvg', false);
  setDisks(out, clone, 'rootvg', true);
  out.rootvgDisks = clone;
  out.oldRootvg = legacy ? null : former;
  out.altinst = { state: 'none', disks: [] };
  return out;
}

export interface NewAltinst {
  targets: string[];
  /** Disks of an altinst_rootvg removed first (force). */
  freeing: string[];
  phase: string;
  bootlist: boolean;
  reboot: boolean;
}

/** The state after creating altinst_rootvg on targets with the given phases. */
export function predictNewAltinst(now: StateSummary, f: HostFacts, n: NewAltinst): StateSummary {
  let s = cloneSummary(now);
  setDisks(s, n.freeing, null, false);
  if (n.freeing.length) s.altinst = { state: 'none', disks: [] };
  const done = includesPhase3(n.phase);
  setDisks(s, n.targets, 'altinst_rootvg', !done);
  s.altinst = { state: done ? 'complete' : 'phase1', disks: [...n.targets] };
  if (done && n.bootlist) s.bootlist.normal = [n.targets[0]!];
  if (done && n.reboot) s = predictReboot(s, f.generation === 'legacy');
  return s;
}

/** The state after phase 3 on the existing phase-1 altinst_rootvg. */
export function predictPhase3(now: StateSummary, f: HostFacts, bootlist: boolean, reboot: boolean): StateSummary {
  let s = cloneSummary(now);
  setDisks(s, s.altinst.disks, 'altinst_rootvg', false);
  s.altinst = { state: 'complete', disks: [...s.altinst.disks] };
  if (bootlist) s.bootlist.normal = [f.altRootvg.bootDisk ?? s.altinst.disks[0]!];
  if (reboot) s = predictReboot(s, f.generation === 'legacy');
  return s;
}

export interface ExistingRequest {
  /** The disks asked for (undefined when a size policy picks them: any existing one will do). */
  targets: string[] | undefined;
  phase: string;
  force: boolean;
  /** false when the existing altinst_rootvg demonstrably came from something else (another mksysb image). */
  sameOrigin: boolean;
  /** "clone" or "mksysb install", for messages. */
  what: string;
}

export type ExistingDecision = { done: Plan } | { freeing: string[] };

/**
 * What an existing altinst_rootvg means for a new phase-1 run: already the requested result
 * (nothing to do), in the way (fail, or remove it first with force), or absent.
 */
export function decideExisting(f: HostFacts, r: ExistingRequest): ExistingDecision {
  const alt = f.altRootvg;
  if (alt.state === 'none') return { freeing: [] };
  // A size policy asks for "a clone", not for given disks: an existing one is that clone.
  const here = (r.targets === undefined || sameDisks(alt.disks, r.targets)) && r.sameOrigin;
  const unchanged = (msg: string, warnings: string[] = []): ExistingDecision => ({
    done: { commands: [], msg, warnings, predicted: summarize(f), result: { targets: alt.disks } },
  });
  if (here && alt.state === 'complete') {
    if (r.phase === 'all') return unchanged(`altinst_rootvg is already complete on ${alt.disks.join(' ')}: nothing to do`);
    // Phase 1 or 12 asks for a mounted copy to work on; a complete one is past that. force starts over.
    if (!r.force) {
      return unchanged(`altinst_rootvg on ${alt.disks.join(' ')} is already complete, past phase ${r.phase}: nothing to do`, [
        `phase ${r.phase} was asked for, but altinst_rootvg on ${alt.disks.join(' ')} already went through phase 3; to change it, ${changeCompleteAdvice(f, alt.bootDisk ?? alt.disks[0]!)}`,
      ]);
    }
    return { freeing: [...alt.disks] };
  }
  if (here && alt.state === 'phase1' && (r.phase === '1' || r.phase === '12')) {
    return unchanged(
      `altinst_rootvg on ${alt.disks.join(' ')} is already in phase-1 state (/alt_inst mounted): nothing to do; continue with altdisk.aix.phase`,
      r.phase === '12' ? ['phase 2 is not run again on an existing phase-1 altinst_rootvg; run it with altdisk.aix.phase (phase: "2")'] : [],
    );
  }
  if (!r.force) {
    const next =
      here && alt.state === 'phase1'
        ? 'Finish it with altdisk.aix.phase (phase: "23"), remove it with altdisk.aix.cleanup,'
        : `Remove it with altdisk.aix.cleanup (${f.generation === 'legacy' ? 'alt_disk_install -X' : 'alt_rootvg_op -X altinst_rootvg'})`;
    fail(`this host already has ${describeAltinst(f)}${r.sameOrigin ? '' : ', made from another source'}, so the ${r.what} cannot start. ${next} or set force: true to have this task remove it once its other checks have passed.`, {
      altinst_state: alt.state,
      targets: alt.disks,
    });
  }
  return { freeing: [...alt.disks] };
}
