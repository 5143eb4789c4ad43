import type { GatherOptions, HostFacts } from '../facts/types.js';
import type { HostAccess } from './host-access.js';
import type { ModuleContext, ModuleResult } from './module.js';
import type { Plan, PlanContext } from '../plan/types.js';
import { ALT_DISK_LOG, gatherFacts, gatherOslevel, runningAltDiskCommands } from '../facts/gather.js';
import { CHANGING, HostQuestions, type QuestionFilter } from '../facts/ask.js';
import { FactsError } from '../facts/errors.js';
import { parseAltDiskLog } from '../facts/parse/alt-disk-log.js';
import { RUN_RECORD, parseRunRecord } from '../facts/run-record.js';
import { nextBootProblem } from '../facts/health.js';
import { commandName } from '../aix/commands.js';
import { connectHost } from './connect.js';
import { ModuleFailure } from './failure.js';
import { aixError, execute, outputLines, type Execution } from './execute.js';
import { acquireLock, LockTimeout, type HeldLock } from './lock.js';
import { RunRecorder } from './run-record.js';
import { interruption, onInterrupt, type InterruptSignal } from './interrupt.js';
import { emitResult } from './output.js';
import { diffOf, renderSummary, summarize, type StateSummary } from '../plan/summary.js';
import { recoveryHint } from './recovery.js';
import { nextStage, type BuildStage } from '../facts/parse/alt-disk-transcript.js';

// The thin shell around a pure planner: facts before → plan → (check mode stops here) → lock →
// facts again if the host changed meanwhile → plan again → execute → facts after. The answer
// always says what the host looks like now, and after a failure or an interruption what this call
// left behind and what to do about it. `changed` is true exactly when this call changed the host.

export interface PlannedModule {
  /** What --diff shows (the diff headers). */
  what: string;
  gather?: GatherOptions;
  plan(facts: HostFacts, host: HostAccess, ctx: PlanContext): Plan | Promise<Plan>;
  /** Questions the plan will ask besides the facts, started with them (answered from memory when the plan asks). */
  prefetch?(ask: HostQuestions): void;
  /**
   * The state keys of the answer (default: altinst_state and the normal boot list), for the state
   * before (nothing to do), predicted (check mode; facts are those before) or after a run.
   */
  stateKeys?(at: 'before' | 'predicted' | 'after', facts: HostFacts, summary: StateSummary): Record<string, unknown>;
  /**
   * What a successful run of this plan may have changed, asked again for the answer (default:
   * everything an alternate-disk command changes). After a failure or an interruption everything is
   * asked again: the answer must say truthfully what was left.
   */
  rereads?(plan: Plan): QuestionFilter;
}

/**
 * What every planner leaves out of the facts: the detailed level (oslevel -s), the boot device and
 * the ODM's list of VGs (each module adds what its own plan reads).
 */
export const PLAN_SCOPE: GatherOptions = { oslevelDetail: false, bootDevice: false, vgList: false, mounts: false };

export async function gather(host: HostAccess, options?: GatherOptions): Promise<HostFacts> {
  try {
    return await gatherFacts(host, options);
  } catch (e) {
    if (e instanceof FactsError) {
      throw new ModuleFailure(`could not read the state of ${host.description}: ${e.message}`, { rc: e.rc, cmd: e.argv });
    }
    throw e;
  }
}

function defaultStateKeys(_at: string, _f: HostFacts, s: StateSummary): Record<string, unknown> {
  return { altinst_state: s.altinst.state, bootlist: s.bootlist.normal };
}

/** How long an interrupted task waits for its AIX command to stop, and for the facts afterwards. */
const STOP_GRACE_MS = 10_000;
const ANSWER_DEADLINE_MS = 45_000;

async function planOrRefuse(m: PlannedModule, facts: HostFacts, host: HostAccess, ctx: PlanContext, keys: NonNullable<PlannedModule['stateKeys']>): Promise<Plan> {
  try {
    return await m.plan(facts, host, ctx);
  } catch (e) {
    // A refusal names the running level as oslevel -s says it: asked only now, the plan made again with it.
    if (e instanceof ModuleFailure && facts.oslevel.tl === null) {
      const oslevel = await gatherOslevel(host, facts.oslevel.base, facts.generation).catch(() => null);
      if (oslevel) return planOrRefuse(m, { ...facts, oslevel }, host, ctx, keys);
    }
    // A refusal still says what the host looks like: nothing was run.
    if (e instanceof ModuleFailure) throw new ModuleFailure(e.message, { commands: [], ...keys('before', facts, summarize(facts)), ...e.extra });
    throw e;
  }
}

/** The PVIDs of the running rootvg's disks: what a lock and a run record are tied to. */
function rootvgPvidsOf(f: HostFacts): string[] {
  return f.disks.filter((d) => d.vg === 'rootvg' && d.pvid).map((d) => d.pvid!);
}

async function logRecordCount(host: HostAccess): Promise<number> {
  const text = await host.readFile(ALT_DISK_LOG);
  return text === null ? 0 : parseAltDiskLog(text).length;
}

/** Whether somebody changed the host between the first facts and the lock: another task's record, or a new alt-disk log record. */
async function changedSince(host: HostAccess, sinceIso: string, logRecords: number): Promise<boolean> {
  const record = parseRunRecord(await host.readFile(RUN_RECORD));
  if (record && record.pid !== process.pid && (record.started >= sinceIso || (record.ended ?? '') >= sinceIso)) return true;
  return (await logRecordCount(host)) !== logRecords;
}

function describeHolder(lock: HeldLock): string | null {
  const w = lock.waitedFor;
  if (!w) return null;
  if (w.holder) return `another altdisk task (${w.holder.what}, pid ${w.holder.pid})`;
  if (w.operation) return `${w.operation.command} (pid ${w.operation.pid})`;
  return null;
}

/** What the next reboot starts, for the answer (the boot contract: said plainly when it is not a complete rootvg). */
function nextBootKeys(after: HostFacts | null): { next_boot?: Record<string, unknown>; bootWarning: string | null } {
  if (!after) return { bootWarning: null };
  const problem = nextBootProblem(after);
  const first = after.bootlists.normal[0]?.device ?? null;
  return { next_boot: { device: first, complete_rootvg: problem === null }, bootWarning: problem };
}

export async function runPlanned(ctx: ModuleContext, m: PlannedModule): Promise<ModuleResult> {
  const host = connectHost();
  // Facts are questions asked once per run; the lock, the executor and the files go to the host itself.
  const ask = new HostQuestions(host);
  const keys = m.stateKeys ?? defaultStateKeys;
  const gatherStarted = new Date().toISOString();
  const logBefore = ctx.checkMode ? 0 : await logRecordCount(host);
  m.prefetch?.(ask);
  const first = await gather(ask, m.gather);
  const firstSummary = summarize(first);
  // While an alternate-disk operation runs, a real run waits for it (below) and plans afterwards;
  // check mode answers from what it sees, which the planners call "in progress".
  const busy = first.operations.length > 0 && !ctx.checkMode;
  const firstPlan = busy ? null : await planOrRefuse(m, first, ask, { checkMode: ctx.checkMode, changedBy: null }, keys);

  if (firstPlan && firstPlan.commands.length === 0) {
    return answerUnchanged(firstPlan, first, firstSummary, keys);
  }
  if (ctx.checkMode && firstPlan) {
    return {
      ...firstPlan.result,
      commands: firstPlan.commands.map((c) => c.argv),
      ...(firstPlan.warnings.length ? { warnings: firstPlan.warnings } : {}),
      changed: true,
      msg: `check mode: would run ${firstPlan.commands.map((c) => commandName(c.argv)).join(', ')}: ${firstPlan.msg}`,
      ...keys('predicted', first, firstPlan.predicted),
      ...(ctx.diff ? { diff: diffOf(firstSummary, firstPlan.predicted, m.what) } : {}),
    };
  }

  // A real change: one task at a time, and a plan made on the host as it is once this task may act.
  let lock: HeldLock;
  try {
    lock = await acquireLock(
      host,
      {
        pid: process.pid,
        module: ctx.moduleName,
        started: new Date().toISOString(),
        what: `${ctx.moduleName.replace(/^altdisk\.aix\./, '')}${firstPlan ? `: ${firstPlan.commands.map((c) => c.argv.map((w) => w.slice(w.lastIndexOf('/') + 1)).join(' ')).join('; ')}` : ''}`.slice(0, 200),
        rootvgPvids: rootvgPvidsOf(first),
      },
      () => runningAltDiskCommands(host),
      (line) => void process.stderr.write(line + '\n'),
    );
  } catch (e) {
    if (!(e instanceof LockTimeout)) throw e;
    const who = e.holder ? `another altdisk task (${e.holder.what}, pid ${e.holder.pid})` : e.operation ? `${e.operation.command} (pid ${e.operation.pid})` : 'another operation';
    throw new ModuleFailure(`an alternate-disk operation is in progress on this host: ${who}. This task waited ${e.message.replace('waited ', '')} for it and ran nothing; run it again when that operation has finished.`, {
      commands: [],
      ...keys('before', first, firstSummary),
      in_progress: e.holder ?? e.operation,
    });
  }
  let released = false;
  const release = () => {
    if (!released) lock.release();
    released = true;
  };
  onInterrupt((sig) => {
    release();
    emitResult({ changed: false, failed: true, interrupted: sig, msg: `${ctx.moduleName}: interrupted by ${sig} before it changed anything on the host: nothing was run. Run the task again when you are ready.`, commands: [] });
  });
  try {
    const stale = firstPlan === null || lock.waitedFor !== null || (await changedSince(host, gatherStarted, logBefore));
    // Another task ran meanwhile (or may have): nothing remembered from before is trusted.
    if (stale) ask.forget(() => true);
    const before = stale ? await gather(ask, m.gather) : first;
    const beforeSummary = summarize(before);
    const changedBy = stale && renderAlt(firstSummary) !== renderAlt(beforeSummary) ? (describeHolder(lock) ?? 'another alternate-disk operation') : null;
    let plan: Plan;
    try {
      plan = stale || !firstPlan ? await planOrRefuse(m, before, ask, { checkMode: false, changedBy }, keys) : firstPlan;
    } catch (e) {
      if (e instanceof ModuleFailure && changedBy && !e.message.startsWith('while this task waited')) {
        throw new ModuleFailure(`while this task waited, ${changedBy} changed the host; planned again on the host as it is now, this task refuses: ${e.message}`, e.extra);
      }
      throw e;
    }
    if (plan.commands.length === 0) return answerUnchanged(plan, before, beforeSummary, keys, changedBy);
    return await executePlan(ctx, m, host, ask, plan, before, beforeSummary, keys);
  } finally {
    onInterrupt(null);
    release();
  }
}

/** The alternate-rootvg part of a summary: what a concurrent task's result is judged by. */
function renderAlt(s: StateSummary): string {
  return `${s.altinst.state} ${s.altinst.disks.join(' ')} ${(s.oldRootvg ?? []).join(' ')}`;
}

function answerUnchanged(plan: Plan, facts: HostFacts, summary: StateSummary, keys: NonNullable<PlannedModule['stateKeys']>, changedBy: string | null = null): ModuleResult {
  const boot = nextBootKeys(facts);
  const warnings = [...plan.warnings, ...(boot.bootWarning ? [boot.bootWarning] : [])];
  return {
    ...plan.result,
    commands: [],
    ...(warnings.length ? { warnings } : {}),
    changed: false,
    msg: changedBy && !plan.msg.includes('while this task waited') ? `${plan.msg} (${changedBy} ran while this task waited for it)` : plan.msg,
    ...keys('before', facts, summary),
    ...(boot.next_boot ? { next_boot: boot.next_boot } : {}),
  };
}

async function executePlan(
  ctx: ModuleContext,
  m: PlannedModule,
  host: HostAccess,
  ask: HostQuestions,
  plan: Plan,
  before: HostFacts,
  beforeSummary: StateSummary,
  keys: NonNullable<PlannedModule['stateKeys']>,
): Promise<ModuleResult> {
  const base: ModuleResult = { ...plan.result, commands: plan.commands.map((c) => c.argv) };
  const rootvgPvids = rootvgPvidsOf(before);
  const touched = [...new Set([...((plan.result.targets as string[] | undefined) ?? []), ...before.altRootvg.disks, ...((plan.result.freed_disks as string[] | undefined) ?? [])])];
  // Only a run of an alt_* command can make or change a copy: any other (the boot list) keeps the record
  // of the last one, so a half-made copy is still known as one after it.
  const copies = plan.commands.some((c) => commandName(c.argv).startsWith('alt_'));
  const recorder = new RunRecorder(host, ctx.moduleName.replace(/^altdisk\.aix\./, ''), rootvgPvids, touched, plan.completes ?? null, copies);
  let childPid: number | null = null;
  let stopping: InterruptSignal | null = null;
  let run: Execution | null = null;
  const ranSoFar: Execution = { ran: [], failed: null };

  // First signal: stop the AIX command, then the normal path below reads the host and answers.
  // Second signal (or no answer in time): answer at once with what is known.
  const answerNow = (sig: InterruptSignal) => {
    recorder.finish(stopping ?? sig);
    emitResult({
      ...base,
      changed: ranSoFar.ran.length > 0 || childPid !== null,
      failed: true,
      interrupted: stopping ?? sig,
      msg: `${ctx.moduleName}: interrupted by ${stopping ?? sig}${stopping && stopping !== sig ? ` and then ${sig}` : ''} while running ${plan.commands.map((c) => commandName(c.argv)).join(', ')}; the state afterwards was not read. Read it with altdisk.aix.facts before doing anything else: an alternate rootvg left by this task may be half-made (remove it, or run the task again with force: true).`,
    });
  };
  onInterrupt(
    (sig) => {
      stopping = sig;
      if (childPid !== null) {
        try {
          process.kill(childPid, 'SIGTERM');
        } catch {
          // Already gone.
        }
        setTimeout(() => {
          try {
            if (childPid !== null) process.kill(childPid, 'SIGKILL');
          } catch {
            // Gone.
          }
        }, STOP_GRACE_MS).unref();
      }
      setTimeout(() => answerNow(sig), ANSWER_DEADLINE_MS).unref();
    },
    (sig) => answerNow(sig),
  );

  let logRecords = await logRecordCount(host);
  let stage: BuildStage = 'starting';
  run = await execute(host, plan.commands, {
    starting: (c) => {
      stage = 'starting';
      recorder.commandStarting(c.argv, logRecords);
      childPid = null;
    },
    spawned: (pid) => {
      childPid = pid;
      recorder.commandSpawned(pid);
    },
    line: (l) => {
      stage = nextStage(stage, l);
      recorder.commandStage(stage);
    },
    ended: (rc, stderr) => {
      recorder.commandEnded(rc, stderr);
      childPid = null;
      logRecords += 1;
    },
    stopped: () => stopping !== null,
  });
  ranSoFar.ran = run.ran;
  const interruptedBy = stopping ?? interruption();

  // The record is finished first: the facts afterwards read it like any later task would.
  recorder.finish(interruptedBy);
  let after: HostFacts | null = null;
  let afterError: string | null = null;
  // Asked again: what the plan changed; after a failure or an interruption, everything.
  ask.forget(interruptedBy || run.failed ? () => true : (m.rereads?.(plan) ?? CHANGING));
  try {
    after = await gather(ask, m.gather);
  } catch (e) {
    afterError = (e as Error).message;
  }

  const last = run.ran[run.ran.length - 1];
  // Without facts afterwards, say so: never report the predicted state as if it had happened.
  const afterSummary = after ? summarize(after) : null;
  const afterKeys = after && afterSummary ? keys('after', after, afterSummary) : {};
  const output = last
    ? {
        rc: last.rc,
        cmd: last.argv,
        stdout_lines: outputLines(run.ran),
        ...(last.stderr.trim() ? { stderr_lines: last.stderr.trimEnd().split('\n') } : {}),
      }
    : {};
  // This task held the lock and nothing else ran alt-disk commands: every difference is its doing.
  const succeeded = run.ran.filter((r) => r.rc === 0).length;
  const changed = succeeded > 0 || afterSummary === null || renderSummary(beforeSummary) !== renderSummary(afterSummary);
  const diff = ctx.diff && afterSummary ? { diff: diffOf(beforeSummary, afterSummary, m.what) } : {};
  const boot = nextBootKeys(after);
  const bootKeys = boot.next_boot ? { next_boot: boot.next_boot } : {};

  if (interruptedBy || run.failed) {
    const left = after ? recoveryHint(before, after, run.ran, plan) : `The state afterwards could not be read (${afterError}); read it with altdisk.aix.facts before doing anything else.`;
    const bootLine = boot.bootWarning ? `\n${boot.bootWarning}` : '';
    const head = interruptedBy
      ? `interrupted by ${interruptedBy}${last ? ` while ${commandName(last.argv)} was trying to ${last.why}${last.rc !== 0 ? ` (it ended with rc ${last.rc})` : ''}` : ' before any command ran'}`
      : `${commandName(run.failed!.argv)} failed (rc ${run.failed!.rc}) while trying to ${run.failed!.why}: ${aixError(run.failed!)}`;
    return {
      ...base,
      ...output,
      ...diff,
      ...afterKeys,
      ...bootKeys,
      changed,
      failed: true,
      ...(interruptedBy ? { interrupted: interruptedBy } : {}),
      msg: `${head}\n${left}${bootLine}`,
    };
  }
  const warnings = [...plan.warnings, ...(afterError ? [`the state after the run could not be read: ${afterError}`] : []), ...(boot.bootWarning ? [boot.bootWarning] : [])];
  return { ...base, ...output, ...diff, ...afterKeys, ...bootKeys, changed, msg: plan.msg, ...(warnings.length ? { warnings } : {}) };
}
