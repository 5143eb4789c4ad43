import type { HostFacts } from '../facts/types.js';
import type { PlannedCommand } from './types.js';
import { aixCommand } from '../aix/commands.js';
import { cloneSummary, setDisks, type StateSummary } from './summary.js';

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
