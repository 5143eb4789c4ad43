import type { HostFacts } from '../facts/types.js';
import type { PathProbe } from '../runtime/probe.js';
import { REAL_RUN, type Plan, type PlanContext } from './types.js';
import type { MksysbContext } from './mksysb.js';
import { planClone, type CloneParams } from './clone.js';
import { planMksysbInstall, type MksysbParams } from './mksysb.js';
import { planPhase, type PhaseParams } from './phase.js';
import { planCleanup, type CleanupParams } from './cleanup.js';
import { planBootlist, type BootlistParams } from './bootlist.js';

// One pure entry to the planners by module name: validated options (defaults filled in) and facts
// in, the plan out — for callers that plan without running a module, such as the editor's command
// preview. Refusals are thrown as ModuleFailure, exactly as the modules see them. The read-only
// queries a module makes before planning (lsmksysb for a mksysb image) are the caller's to supply.

export interface PlanTaskInput {
  module: string;
  /** Validated options with their defaults (validateParams). */
  params: Record<string, unknown>;
  facts: HostFacts;
  probe: PathProbe;
  /** mksysb_install: what lsmksysb (and below 5.3 the boot image file) said. */
  mksysb?: MksysbContext;
  /** Check mode (a preview of a task whose earlier tasks have not run: class 5 predictions), or a real run (default). */
  ctx?: PlanContext;
}

/** The plan of a module task; null for a module that plans nothing (facts). */
export function planTask(i: PlanTaskInput): Plan | null {
  switch (i.module) {
    case 'clone':
      return planClone(i.params as CloneParams, i.facts, i.probe, i.ctx ?? REAL_RUN);
    case 'mksysb_install':
      return planMksysbInstall(i.params as MksysbParams, i.facts, i.probe, i.mksysb ?? { image: null, legacyBootImage: null }, i.ctx ?? REAL_RUN);
    case 'phase':
      return planPhase(i.params as PhaseParams, i.facts, i.probe, i.ctx ?? REAL_RUN);
    case 'cleanup':
      return planCleanup(i.params as CleanupParams, i.facts, i.ctx ?? REAL_RUN);
    case 'bootlist':
      return planBootlist(i.params as BootlistParams, i.facts, i.ctx ?? REAL_RUN);
    default:
      return null;
  }
}
