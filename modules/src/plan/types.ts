import type { StateSummary } from './summary.js';

// What every planner returns: the exact argv lists that would change the host, in order, and the
// state they lead to. Check mode stops here; a real run hands `commands` to the executor.

export interface PlannedCommand {
  argv: string[];
  /** Why this command is in the plan (shown in check mode and in failures). */
  why: string;
  /** What it did, once it ran, for an answer that stops later ("removed altinst_rootvg (hdisk1)"). */
  done?: string;
}

/** What a planner knows besides the options and the facts. */
export interface PlanContext {
  /** Check mode: a refusal that only an earlier task of the same run could lift becomes a predicted change with a warning (class 5). */
  checkMode: boolean;
  /**
   * Another task changed the host while this one waited for the altdisk lock: it is named here, and
   * what it made is that task's result, never something this task advises removing.
   */
  changedBy: string | null;
}

export const REAL_RUN: PlanContext = { checkMode: false, changedBy: null };

export interface Plan {
  commands: PlannedCommand[];
  /** What the task does (or would do, or found already done). */
  msg: string;
  warnings: string[];
  /** The state after the commands (equal to the current one when there is nothing to do). */
  predicted: StateSummary;
  /** Module-specific result keys (targets, altinst_state, ...). */
  result: Record<string, unknown>;
  /** The argv of an earlier run's command that this plan finishes (its boot-list step): recorded, so a rerun knows it is done. */
  completes?: string[];
}
