import type { HostFacts } from '../facts/types.js';
import { REAL_RUN, type Plan, type PlanContext } from './types.js';
import { flagValue, hasFlag } from '../facts/parse/alt-disk-log.js';
import { altDiskCopyArgv, altDiskInstallArgv, altDiskMksysbArgv, type AltDiskFlags } from './argv.js';
import { changeCompleteAdvice, describeAltinst, fail, refuseWhileInProgress, sameDisks } from './checks.js';
import { predictPhase3 } from './altinst.js';
import { summarize } from './summary.js';
import { aixCommand } from '../aix/commands.js';

// Phase 2 and/or 3 on the altinst_rootvg a phase-1 run left behind (clone, mksysb_install and phase
// all continue this way). The command that made it decides which command continues it: the newest
// alt_disk_inst.log record that mounted it (alt_disk_copy, alt_disk_mksysb -m <image>, alt_disk_install).

export interface Continuation {
  phase: '2' | '3' | '23';
  targets?: string[];
  legacy: boolean;
  /** The mksysb image, when the caller knows it (mksysb_install). */
  source?: string;
  /** Phase-2 options and -B/-r/-V/-D; targets and phase are filled in here. */
  flags: AltDiskFlags;
}

const INSTALLP: (keyof AltDiskFlags)[] = ['bundle', 'fixBundle', 'fixes', 'filesets', 'installpFlags', 'imagesLocation'];

type Origin = { kind: 'clone' } | { kind: 'mksysb'; source: string | null } | { kind: 'unknown' };

function originOf(f: HostFacts): Origin {
  const r = f.altRootvg.madeBy;
  if (!r) return { kind: 'unknown' };
  if (r.program === 'alt_disk_copy') return { kind: 'clone' };
  if (r.program === 'alt_disk_mksysb') return { kind: 'mksysb', source: flagValue(r.words, 'm') };
  if (r.program === 'alt_disk_install') return hasFlag(r.words, 'C') ? { kind: 'clone' } : { kind: 'mksysb', source: flagValue(r.words, 'd') };
  return { kind: 'unknown' };
}

/** The facts as they would be after a phase 1 on `targets`: what check mode predicts from when an earlier task makes the copy. */
function assumePhase1(f: HostFacts, targets: string[]): HostFacts {
  const g = structuredClone(f);
  for (const d of g.disks) if (targets.includes(d.name)) Object.assign(d, { vg: 'altinst_rootvg', state: 'active', active: true, free: false });
  g.altRootvg = { ...g.altRootvg, state: 'phase1', vg: 'altinst_rootvg', disks: [...targets], bootDisk: targets[0]!, mountedAt: ['/alt_inst'], variedOn: true, problem: null, madeBy: null, decidedBy: null };
  return g;
}

/**
 * The previous altdisk run on these disks ran phase 3 to its end and then failed at the boot-list
 * step: the same request again only has the boot list left to do.
 */
function bootlistLeftOver(f: HostFacts, argv: string[]): boolean {
  const run = f.lastRun;
  if (!run || run.outcome.kind !== 'finished' || !run.outcome.failed) return false;
  const failed = run.outcome.failed.argv;
  return sameDisks(run.record.disks, f.altRootvg.disks) && failed.join('\0') === argv.join('\0');
}

/** The last altdisk run finished `argv` (set the boot list its first run failed at): the same request again is done. */
function finishedEarlier(f: HostFacts, argv: string[]): boolean {
  const run = f.lastRun;
  return !!run && run.outcome.kind === 'finished' && !run.outcome.failed && (run.record.completes ?? []).join('\0') === argv.join('\0') && argv.length > 0;
}

export function planContinuation(c: Continuation, facts: HostFacts, ctx: PlanContext = REAL_RUN): Plan {
  let f = facts;
  let alt = f.altRootvg;
  refuseWhileInProgress(f, `phase ${c.phase}`);
  const assumed: string[] = [];
  if (alt.state === 'none' && ctx.checkMode && c.targets && c.targets.every((t) => f.disks.find((d) => d.name === t)?.free)) {
    // Class 5: in check mode, phase 1 of an earlier task made nothing yet; predict from the copy it would make.
    f = assumePhase1(f, c.targets);
    alt = f.altRootvg;
    assumed.push(
      `check mode: there is no altinst_rootvg yet; this prediction assumes that an earlier task of this run makes one on ${c.targets.join(' ')} with phase 1 (altdisk.aix.clone or altdisk.aix.mksysb_install, phase: "1" or "12"). A real run fails unless one does.`,
    );
  }
  if (alt.state === 'none') {
    // Without targets check mode cannot tell which disks an earlier task's phase 1 would copy to.
    const hint = ctx.checkMode && !c.targets ? ` In check mode a phase 1 of an earlier task has not run yet: give targets (the disks it copies to) and check mode predicts from the copy it would make.` : '';
    fail(`there is no altinst_rootvg on this host, so phase ${c.phase} has nothing to continue: start with phase 1 (altdisk.aix.clone or altdisk.aix.mksysb_install with phase: "1" or "12").${hint}`);
  }
  if (c.targets && !sameDisks(c.targets, alt.disks)) {
    fail(`targets: altinst_rootvg is on ${alt.disks.join(' ')}, not on ${c.targets.join(' ')}`);
  }
  if (ctx.changedBy && !canContinue(c, f)) {
    // The winner of a race left this copy: it is that task's result, never this one's to remove or advise on.
    fail(
      `while this task waited, ${ctx.changedBy} ran and left ${describeAltinst(f)}; that is its result, so this phase ${c.phase} does not run on it and does not touch it. Nothing was run; run this task again if you still want it once you have decided what to keep.`,
      { altinst_state: alt.state, targets: alt.disks },
    );
  }
  if (alt.state === 'incomplete') {
    fail(
      `${describeAltinst(f)}: phase ${c.phase} does not continue a half-made copy (it would install into, or boot, a copy that is not whole). Remove it with altdisk.aix.cleanup and start again with phase 1, or rerun altdisk.aix.clone (or mksysb_install) with force: true.`,
      { altinst_state: alt.state, targets: alt.disks },
    );
  }
  if (alt.state === 'awake') {
    fail(`${describeAltinst(f)} cannot go through phase ${c.phase}: a woken-up volume group is put back to sleep with alt_rootvg_op -S before it can boot`);
  }
  if (alt.state === 'varied-on-by-hand') {
    fail(`${describeAltinst(f)}: its logical volumes are not in the ODM, so no phase can run on it. Remove it (altdisk.aix.cleanup) and clone again.`);
  }
  if (alt.state === 'complete') {
    const boot = alt.bootDisk ?? alt.disks[0]!;
    const again = continuationArgv(c, f, originOf(f), { ...c.flags, targets: alt.disks, phase: c.phase });
    if (!c.flags.noBootlist && f.bootlists.normal[0]?.device !== boot && bootlistLeftOver(f, again)) {
      // Phase 3 ran to its end in the previous run, which then failed setting the boot list: only that is left.
      const predicted = summarize(f);
      predicted.bootlist.normal = [boot];
      return {
        commands: [{ argv: aixCommand('bootlist', '-m', 'normal', boot), why: `set the normal boot list to ${boot}, the step the previous run of phase ${c.phase} failed at`, done: `set the normal boot list to ${boot}` }],
        msg: `phase ${c.phase} had run to the end of phase 3 in the previous run, which failed at the boot-list step: the normal boot list is set to ${boot}`,
        warnings: c.flags.reboot ? [`reboot: the previous run did not reboot after its failure, and this one does not either: reboot when ready (shutdown -Fr)`] : [],
        predicted,
        result: { targets: alt.disks },
        completes: again,
      };
    }
    // After a race, a copy the other task completed is what phase 23 leads to as well.
    if (c.phase === '3' || (ctx.changedBy && c.phase === '23') || bootlistLeftOver(f, again) || finishedEarlier(f, again)) {
      return { commands: [], msg: `altinst_rootvg on ${alt.disks.join(' ')} is already complete: phase 3 has nothing to do`, warnings: [], predicted: summarize(f), result: { targets: alt.disks } };
    }
    fail(`altinst_rootvg on ${alt.disks.join(' ')} is complete (phase 3 done): phase 2 can no longer run on it. To change it, ${changeCompleteAdvice(f, alt.bootDisk ?? alt.disks[0]!)}.`);
  }

  const { argv, warnings } = continuationCommand(c, f, originOf(f), { ...c.flags, targets: alt.disks, phase: c.phase }, assumed.length > 0);
  const predicted = c.phase === '2' ? summarize(f) : predictPhase3(summarize(f), f, !c.flags.noBootlist, c.flags.reboot === true);
  return {
    commands: [{ argv, why: `phase ${c.phase} on altinst_rootvg (${alt.disks.join(' ')})` }],
    msg: `phase ${c.phase} run on altinst_rootvg (${alt.disks.join(' ')})`,
    warnings: [...assumed, ...warnings],
    predicted,
    result: { targets: alt.disks, cmd: argv },
  };
}

/**
 * After another task changed the host: this phase goes on with the copy as it is now (a phase-1
 * copy), or that copy is already what this one leads to (complete, and phase 3 or 23 was asked for).
 */
function canContinue(c: Continuation, f: HostFacts): boolean {
  const state = f.altRootvg.state;
  return state === 'phase1' || (state === 'complete' && c.phase !== '2');
}

/** The command that continues the copy: the one that made it (clone, or the mksysb install of its image). */
function continuationCommand(c: Continuation, f: HostFacts, origin: Origin, flags: AltDiskFlags, assumed: boolean): { argv: string[]; warnings: string[] } {
  const wantsInstallp = INSTALLP.some((k) => c.flags[k] !== undefined);
  const warnings: string[] = [];
  if (origin.kind === 'mksysb' || c.source) {
    if (wantsInstallp) {
      fail('bundle, fix_bundle, fixes, filesets, installp_flags and images_location apply to clones only: phase 2 of a mksysb install runs the script, resolv_conf and the NIM files');
    }
    const source = c.source ?? (origin.kind === 'mksysb' ? origin.source : null);
    if (!source) {
      fail('cannot tell which mksysb image made altinst_rootvg (its alt_disk_inst.log record names none): continue it with altdisk.aix.mksysb_install giving source and phase');
    }
    const withSource = { ...flags, source };
    return { argv: c.legacy ? altDiskInstallArgv('mksysb', withSource) : altDiskMksysbArgv(withSource), warnings };
  }
  if (origin.kind === 'unknown' && !assumed) {
    warnings.push('/var/adm/ras/alt_disk_inst.log does not say which command made altinst_rootvg: continuing it as a clone');
  }
  return { argv: c.legacy ? altDiskInstallArgv('clone', flags) : altDiskCopyArgv(flags), warnings };
}

/** The argv this continuation would run (to compare with the run that failed before). */
function continuationArgv(c: Continuation, f: HostFacts, origin: Origin, flags: AltDiskFlags): string[] {
  try {
    return continuationCommand(c, f, origin, flags, false).argv;
  } catch {
    return [];
  }
}
