import type { AltdiskFacts } from '../../common/facts-answer.js';
import type { HostState } from './types.js';

// After a run was stopped (Ctrl-C, a timeout, a lost connection), the facts say what the host was
// left with, in AIX terms, and what to run next. Pure: facts in, words out.

const list = (xs: string[]) => xs.join(' ') || '(none)';

export function hostStateFrom(facts: AltdiskFacts, host: string): HostState {
  const alt = facts.altinst;
  const normal = facts.bootlist.normal.map((e) => e.device ?? '-');
  const oldDisks = facts.old_rootvg?.disks ?? [];
  const next: string[] = [];
  const on = ` -- on ${host}`;
  let summary: string;
  const disks = list(alt.disks);
  switch (alt.state) {
    case 'none':
      summary = 'no altinst_rootvg: nothing was left half-done';
      next.push(`run the same command again${on}`);
      break;
    case 'phase1':
      summary = `altinst_rootvg on ${disks} was left after phase 1 or 2 (varied on, /alt_inst mounted): it cannot boot yet`;
      next.push(`finish it: altdisk run phase phase=23${on}`);
      next.push(`or remove it: altdisk run cleanup${on}`);
      next.push(`or start the clone again from scratch: the same command with force=true${on}`);
      break;
    case 'incomplete':
      // A copy cut short (issue 8): the facts read it from the VGDA and the module's run record.
      summary = `altinst_rootvg on ${disks} is half-made (its copy did not finish): it cannot boot and must not be continued`;
      next.push(`remove it: altdisk run cleanup${on}`);
      next.push(`or start the clone again from scratch: the same command with force=true${on}`);
      break;
    case 'in-progress':
      summary = `an alternate-disk command is still working on altinst_rootvg on ${disks}`;
      next.push(`wait for it to end, then read the state again: altdisk facts${on}`);
      break;
    case 'awake':
      summary = `altinst_rootvg on ${disks} is awake (alt_rootvg_op -W): it cannot boot until it is put back to sleep`;
      next.push(`put it back to sleep on the host: alt_rootvg_op -S -t ${alt.boot_disk ?? alt.disks[0] ?? 'hdiskN'}`);
      next.push(`or remove it: altdisk run cleanup${on}`);
      break;
    case 'complete':
      summary = `altinst_rootvg on ${disks} is complete and can boot`;
      if (alt.boot_disk && normal[0] !== alt.boot_disk) next.push(`boot it next time: altdisk run bootlist normal=${alt.boot_disk}${on}`);
      else next.push(`nothing to finish: the next reboot starts ${alt.boot_disk ?? disks}`);
      break;
    case 'varied-on-by-hand':
      // What a clone stopped before its file systems existed leaves too, as well as a varyonvg by hand.
      summary = `altinst_rootvg on ${disks} is varied on without /alt_inst (a copy stopped half-made, or varied on by hand): it must not be booted as it is`;
      next.push(`remove it: altdisk run cleanup${on}`);
      next.push(`or start the clone again from scratch: the same command with force=true${on}`);
      break;
    default:
      summary = `altinst_rootvg: ${alt.state} on ${disks}`;
  }
  if (oldDisks.length) summary += `; old_rootvg (the previous system) on ${list(oldDisks)}`;
  summary += `; normal boot list: ${list(normal)}`;
  return {
    altinst: alt.state,
    altinstDisks: alt.disks,
    oldRootvgDisks: oldDisks,
    bootlistNormal: normal,
    health: facts.health,
    summary,
    next,
  };
}
