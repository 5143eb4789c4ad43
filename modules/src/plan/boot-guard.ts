import type { HostFacts } from '../facts/types.js';
import type { PlannedCommand } from './types.js';
import { aixCommand } from '../aix/commands.js';
import { fail } from './checks.js';

// The boot contract for every plan that removes or overwrites a volume group: when the normal
// boot list names a disk the plan frees or overwrites, the plan first points the boot list back at
// the running rootvg's boot disks. The next reboot then starts a complete rootvg whatever happens
// after that first step (a failure, a kill, a reboot), and the answer says so. Check mode shows the
// bootlist command like every other.

export interface BootGuard {
  command: PlannedCommand;
  /** The running rootvg's boot disks the boot list is set to. */
  list: string[];
  /** What the answer says about it. */
  note: string;
}

/** The step that keeps the next reboot on the running rootvg, or null when the boot list names none of `touched`. */
export function guardBootlist(f: HostFacts, touched: readonly string[], verb: 'frees' | 'overwrites' | 'frees or overwrites'): BootGuard | null {
  const named = [...new Set(f.bootlists.normal.map((e) => e.device).filter((d): d is string => d !== null && touched.includes(d)))];
  // A disk that is gone shows as "-" in bootlist -o: a "-" entry is one of the touched disks that are gone.
  const gone = touched.filter((d) => f.disks.find((x) => x.name === d)?.unavailable);
  if (gone.length && f.bootlists.normal.some((e) => e.device === null)) named.push(...gone.filter((d) => !named.includes(d)));
  if (named.length === 0) return null;
  const list = f.rootvg.bootDisks.filter((d) => !f.disks.find((x) => x.name === d)?.unavailable);
  if (list.length === 0) {
    fail(`the normal boot list names ${named.join(' ')}, which this task ${verb}, and no disk of the running rootvg holds a boot image to point it at instead: nothing was run. Run bosboot -ad /dev/<rootvg disk> and set the boot list first.`);
  }
  const argv = aixCommand('bootlist', '-m', 'normal', ...list);
  return {
    command: {
      argv,
      why: `point the normal boot list at the running rootvg (${list.join(' ')}) before ${named.join(' ')} is changed: it named ${named.length > 1 ? 'them' : 'it'}`,
      done: `set the normal boot list to ${list.join(' ')} (the running rootvg)`,
    },
    list,
    note: `the normal boot list named ${named.join(' ')}, which this task ${verb}: it was set to the running rootvg (${list.join(' ')}) first, so the next reboot starts that`,
  };
}
