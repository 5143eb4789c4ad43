import type { HostFacts } from '../facts/types.js';
import type { Plan, PlanContext, PlannedCommand } from './types.js';
import { aixCommand } from '../aix/commands.js';
import { cloneSummary, setDisks, summarize, type StateSummary } from './summary.js';
import { changeCompleteAdvice, describeAltinst, fail, refuseWhileInProgress, sameDisks } from './checks.js';

// Predictions and commands about altinst_rootvg shared by clone, mksysb_install and phase.

export function removeAltinstCommand(f: HostFacts, legacy: boolean, why: string): PlannedCommand {
  return {
    argv: legacy ? aixCommand('alt_disk_install', '-X') : aixCommand('alt_rootvg_op', '-X', 'altinst_rootvg'),
    why,
    done: `removed ${describeAltinst(f)} (force)`,
  };
}

/**
 * `-X` removes only the ODM definition: the disks of a half-made copy keep its VGDA and, once phase 3
 * renamed the logical volumes, a boot record that bootinfo -B calls bootable, although the copy does
 * not boot (LED 518). Removing a half-made copy clears them too (chpv -C, as IBM's module does after
 * -X), except the disks a new copy is made on at once.
 */
export function clearHalfMadeCommands(f: HostFacts, reused: readonly string[] = []): PlannedCommand[] {
  if (f.altRootvg.state !== 'incomplete') return [];
  return f.altRootvg.disks
    .filter((d) => !reused.includes(d) && f.disks.some((x) => x.name === d && x.unavailable === null))
    .map((d) => ({ argv: aixCommand('chpv', '-C', d), why: `clear the half-made copy from ${d} (after -X it would still look like a bootable rootvg copy)`, done: `cleared the half-made copy from ${d}` }));
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

/**
 * The last altdisk run on this copy ran `argv` and failed after phase 3 had finished (the boot-list
 * step): the same task again sets the boot list, which is all that is left of it. null otherwise.
 */
export function finishFailedBootlist(f: HostFacts, argv: string[], wantsBootlist: boolean): Plan | null {
  const alt = f.altRootvg;
  const run = f.lastRun;
  if (alt.state !== 'complete' || !wantsBootlist || !run || run.outcome.kind !== 'finished' || !run.outcome.failed) return null;
  const boot = alt.bootDisk ?? alt.disks[0]!;
  if (f.bootlists.normal[0]?.device === boot || !sameDisks(run.record.disks, alt.disks)) return null;
  if (run.outcome.failed.argv.join('\0') !== argv.join('\0')) return null;
  const predicted = summarize(f);
  predicted.bootlist.normal = [boot];
  return {
    commands: [{ argv: aixCommand('bootlist', '-m', 'normal', boot), why: `set the normal boot list to ${boot}, the step the previous run failed at`, done: `set the normal boot list to ${boot}` }],
    msg: `the previous run had finished altinst_rootvg on ${alt.disks.join(' ')} and failed at the boot-list step: the normal boot list is set to ${boot}`,
    warnings: [],
    predicted,
    result: { targets: alt.disks },
    completes: argv,
  };
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
export function decideExisting(f: HostFacts, r: ExistingRequest, ctx: PlanContext): ExistingDecision {
  const alt = f.altRootvg;
  refuseWhileInProgress(f, `this ${r.what}`);
  if (alt.state === 'none') return { freeing: [] };
  const here0 = (r.targets === undefined || sameDisks(alt.disks, r.targets)) && r.sameOrigin;
  if (ctx.changedBy && !(here0 && alt.state === 'complete')) {
    // The winner of a race made it: it is that task's result, never this one's to remove or continue.
    fail(`while this task waited, ${ctx.changedBy} ran and left ${describeAltinst(f)}; that is its result, so this ${r.what} does not start and does not touch it. Nothing was run; run this task again if you still want it once you have decided what to keep.`, {
      altinst_state: alt.state,
      targets: alt.disks,
    });
  }
  // A size policy asks for "a clone", not for given disks: an existing one is that clone.
  const here = (r.targets === undefined || sameDisks(alt.disks, r.targets)) && r.sameOrigin;
  const unchanged = (msg: string, warnings: string[] = []): ExistingDecision => ({
    done: { commands: [], msg, warnings, predicted: summarize(f), result: { targets: alt.disks } },
  });
  if (here && alt.state === 'complete') {
    if (r.phase === 'all') return unchanged(`altinst_rootvg is already complete on ${alt.disks.join(' ')}: nothing to do${ctx.changedBy ? ` (${ctx.changedBy} made it while this task waited)` : ''}`);
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
      `altinst_rootvg on ${alt.disks.join(' ')} is already in phase-1 state (${alt.variedOn ? '/alt_inst mounted' : 'varied off by a reboot since'}): nothing to do; continue with altdisk.aix.phase`,
      r.phase === '12' ? ['phase 2 is not run again on an existing phase-1 altinst_rootvg; run it with altdisk.aix.phase (phase: "2")'] : [],
    );
  }
  if (!r.force) {
    const remove = `altdisk.aix.cleanup (${f.generation === 'legacy' ? 'alt_disk_install -X' : 'alt_rootvg_op -X altinst_rootvg'})`;
    if (alt.state === 'incomplete') {
      fail(`this host has ${describeAltinst(f)}: it is not continued, and the ${r.what} cannot start on top of it. Remove it with ${remove} or set force: true to have this task remove it and start again once its other checks have passed.`, {
        altinst_state: alt.state,
        targets: alt.disks,
      });
    }
    const next =
      here && alt.state === 'phase1'
        ? 'Finish it with altdisk.aix.phase (phase: "23"), remove it with altdisk.aix.cleanup,'
        : `Remove it with ${remove}`;
    fail(`this host already has ${describeAltinst(f)}${r.sameOrigin ? '' : ', made from another source'}, so the ${r.what} cannot start. ${next} or set force: true to have this task remove it once its other checks have passed.`, {
      altinst_state: alt.state,
      targets: alt.disks,
    });
  }
  return { freeing: [...alt.disks] };
}
