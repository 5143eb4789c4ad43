import type { HostFacts } from '../facts/types.js';
import type { Plan } from '../plan/types.js';
import type { Executed } from './execute.js';
import { commandName } from '../aix/commands.js';
import { describeAltinst, sameDisks } from '../plan/checks.js';
import { includesPhase3 } from '../plan/altinst.js';

// After a failure or an interruption: what THIS call did before it stopped, what is on the host
// now (and whether this call left it or it was there before), and what to do next. The advice
// follows the state: a half-made copy is removed, never continued; a finished phase 1 is continued;
// a phase 3 whose boot-list step failed is finished by running the task again.

function doneBefore(ran: Executed[], plan: Plan): string[] {
  return ran
    .filter((r) => r.rc === 0)
    .map((r) => plan.commands.find((c) => c.argv === r.argv || c.argv.join('\0') === r.argv.join('\0'))?.done ?? `ran ${commandName(r.argv)} (${r.why})`);
}

/** The phase option of an alt-disk argv that ran (-P value), 'all' when absent. */
function phaseOf(argv: string[]): string {
  const i = argv.indexOf('-P');
  return i < 0 ? 'all' : (argv[i + 1] ?? 'all');
}

export function recoveryHint(before: HostFacts, after: HostFacts, ran: Executed[], plan: Plan): string {
  const done = doneBefore(ran, plan);
  const did = done.length ? `Done before it stopped: ${done.join('; ')}. ` : '';
  const a = after.altRootvg;
  const b = before.altRootvg;
  const unchanged = a.state === b.state && sameDisks(a.disks, b.disks);
  const which = unchanged && a.state !== 'none' ? 'Still there, as before this task' : 'Left behind';
  const failed = ran[ran.length - 1];
  switch (a.state) {
    case 'none':
      return `${did}${done.length ? 'Nothing else was left behind' : 'Nothing was left behind'}: fix the cause and run the task again.`;
    case 'incomplete':
      return `${did}${which}: ${describeAltinst(after)}. It must not be continued or booted: remove it (altdisk.aix.cleanup), or run the clone or mksysb install again with force: true.`;
    case 'in-progress':
      return `${did}An alternate-disk command is still working on altinst_rootvg (${a.problem ?? 'in progress'}): wait for it to end, then read the facts again.`;
    case 'phase1':
      return `${did}${which}: ${describeAltinst(after)}. Run the remaining phases (altdisk.aix.phase) once the cause is fixed, or remove it (altdisk.aix.cleanup); a rerun with force: true starts over.`;
    case 'complete': {
      const boot = a.bootDisk ?? a.disks[0]!;
      const wantedBootlist = failed !== undefined && failed.rc !== 0 && includesPhase3(phaseOf(failed.argv)) && !failed.argv.includes('-B');
      if (wantedBootlist && after.bootlists.normal[0]?.device !== boot) {
        return `${did}Phase 3 finished: ${describeAltinst(after)}, but the normal boot list was not set to ${boot}. Run this task again (it sets the boot list and nothing else), or set it with altdisk.aix.bootlist (normal: [${boot}]).`;
      }
      return `${did}${which}: ${describeAltinst(after)}.${unchanged ? '' : ' Remove it with altdisk.aix.cleanup if it is not what you wanted.'}`;
    }
    default:
      return `${did}${which}: ${describeAltinst(after)}.`;
  }
}
