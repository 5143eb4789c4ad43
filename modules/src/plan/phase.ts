import type { HostFacts } from '../facts/types.js';
import type { ParamsOf } from '../schema/types.js';
import type { phaseSpec } from '../specs/phase.js';
import type { PathProbe } from '../runtime/probe.js';
import { REAL_RUN, type Plan, type PlanContext } from './types.js';
import { checkPaths, requireFileset, withWarnings } from './checks.js';
import { planContinuation } from './continuation.js';
import { phase2Flags } from './argv.js';

export type PhaseParams = ParamsOf<typeof phaseSpec>;

export function planPhase(p: PhaseParams, f: HostFacts, probe: PathProbe, ctx: PlanContext = REAL_RUN): Plan {
  requireFileset(f, 'rte', `phase ${p.phase}`);
  const pathWarnings = checkPaths(
    [
      { option: 'script', value: p.script, kind: 'file', executable: true },
      { option: 'resolv_conf', value: p.resolv_conf, kind: 'file' },
      { option: 'fix_bundle', value: p.fix_bundle, kind: 'file' },
      { option: 'bundle', value: p.bundle === 'update_all' ? undefined : p.bundle, kind: 'file' },
      { option: 'images_location', value: p.images_location, kind: 'dir_or_device' },
    ],
    probe,
    ctx.checkMode,
  );
  const plan = planContinuation(
    {
      phase: p.phase,
      targets: p.targets,
      legacy: p.command === 'alt_disk_install' || f.generation === 'legacy',
      flags: {
        ...phase2Flags(p),
        targets: [],
        noBootlist: !p.bootlist,
        reboot: p.reboot,
        verbose: p.verbose,
        debug: p.debug,
      },
    },
    f,
    ctx,
  );
  return withWarnings(plan, pathWarnings);
}
