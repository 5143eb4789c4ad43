import type { StateSummary } from './summary.js';

// What every planner returns: the exact argv lists that would change the host, in order, and the
// state they lead to. Check mode stops here; a real run hands `commands` to the executor.

export interface PlannedCommand {
  argv: string[];
  /** Why this command is in the plan (shown in check mode and in failures). */
  why: string;
}

export interface Plan {
  commands: PlannedCommand[];
  /** What the task does (or would do, or found already done). */
  msg: string;
  warnings: string[];
  /** The state after the commands (equal to the current one when there is nothing to do). */
  predicted: StateSummary;
  /** Module-specific result keys (targets, altinst_state, ...). */
  result: Record<string, unknown>;
}
