import type { GatherOptions, HostFacts } from '../facts/types.js';
import type { HostAccess } from './host-access.js';
import type { ModuleContext, ModuleResult } from './module.js';
import type { Plan } from '../plan/types.js';
import { gatherFacts } from '../facts/gather.js';
import { FactsError } from '../facts/errors.js';
import { commandName } from '../aix/commands.js';
import { connectHost } from './connect.js';
import { ModuleFailure } from './failure.js';
import { aixError, execute, outputLines } from './execute.js';
import { diffOf, renderSummary, summarize, type StateSummary } from '../plan/summary.js';
import { describeAltinst } from '../plan/checks.js';

// The thin shell around a pure planner: facts before → plan → (check mode stops here) → execute →
// facts after. The answer always says what the host looks like now, and after a failure what is
// left behind and what to do about it.

export interface PlannedModule {
  /** What --diff shows (the diff headers). */
  what: string;
  gather?: GatherOptions;
  plan(facts: HostFacts, host: HostAccess): Plan | Promise<Plan>;
  /**
   * The state keys of the answer (default: altinst_state and the normal boot list), for the state
   * before (nothing to do), predicted (check mode; facts are those before) or after a run.
   */
  stateKeys?(at: 'before' | 'predicted' | 'after', facts: HostFacts, summary: StateSummary): Record<string, unknown>;
}

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

/** After a failure: what is left on the host, and how to get out of it. */
export function recoveryHint(after: HostFacts): string {
  const a = after.altRootvg;
  if (a.state === 'none') return 'Nothing was left behind: fix the cause and run the task again.';
  if (a.state === 'phase1') {
    return `Left behind: ${describeAltinst(after)}. Run the remaining phases (altdisk.aix.phase) once the cause is fixed, or remove it (altdisk.aix.cleanup); a rerun with force: true starts over.`;
  }
  return `Left behind: ${describeAltinst(after)}. Remove it with altdisk.aix.cleanup if it is not what you wanted.`;
}

export async function runPlanned(ctx: ModuleContext, m: PlannedModule): Promise<ModuleResult> {
  const host = connectHost();
  const before = await gather(host, m.gather);
  const beforeSummary = summarize(before);
  const stateKeys = m.stateKeys ?? defaultStateKeys;
  let plan: Plan;
  try {
    plan = await m.plan(before, host);
  } catch (e) {
    // A refusal still says what the host looks like: nothing was run.
    if (e instanceof ModuleFailure) throw new ModuleFailure(e.message, { commands: [], ...stateKeys('before', before, beforeSummary), ...e.extra });
    throw e;
  }
  const base: ModuleResult = { ...plan.result, commands: plan.commands.map((c) => c.argv) };
  if (plan.warnings.length) base.warnings = plan.warnings;

  if (plan.commands.length === 0) {
    return { ...base, changed: false, msg: plan.msg, ...stateKeys('before', before, beforeSummary) };
  }
  if (ctx.checkMode) {
    return {
      ...base,
      changed: true,
      msg: `check mode: would run ${plan.commands.map((c) => commandName(c.argv)).join(', ')}: ${plan.msg}`,
      ...stateKeys('predicted', before, plan.predicted),
      ...(ctx.diff ? { diff: diffOf(beforeSummary, plan.predicted, m.what) } : {}),
    };
  }

  const run = await execute(host, plan.commands);
  const last = run.ran[run.ran.length - 1]!;
  let after: HostFacts | null = null;
  let afterError: string | null = null;
  try {
    after = await gather(host, m.gather);
  } catch (e) {
    afterError = (e as Error).message;
  }
  // Without facts afterwards, say so: never report the predicted state as if it had happened.
  const afterSummary = after ? summarize(after) : null;
  const afterKeys = after && afterSummary ? stateKeys('after', after, afterSummary) : {};
  const output = {
    rc: last.rc,
    cmd: last.argv,
    stdout_lines: outputLines(run.ran),
    ...(last.stderr.trim() ? { stderr_lines: last.stderr.trimEnd().split('\n') } : {}),
  };
  const changed = run.ran.length > 1 || !run.failed || afterSummary === null || renderSummary(beforeSummary) !== renderSummary(afterSummary);
  const diff = ctx.diff && afterSummary ? { diff: diffOf(beforeSummary, afterSummary, m.what) } : {};
  if (run.failed) {
    const name = commandName(run.failed.argv);
    const left = after ? recoveryHint(after) : `The state afterwards could not be read (${afterError}).`;
    return {
      ...base,
      ...output,
      ...diff,
      ...afterKeys,
      changed,
      failed: true,
      msg: `${name} failed (rc ${run.failed.rc}) while trying to ${run.failed.why}: ${aixError(run.failed)}\n${left}`,
    };
  }
  const warnings = [...plan.warnings, ...(afterError ? [`the state after the run could not be read: ${afterError}`] : [])];
  return { ...base, ...output, ...diff, ...afterKeys, changed, msg: plan.msg, ...(warnings.length ? { warnings } : {}) };
}
