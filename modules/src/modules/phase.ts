import { runModule } from '../runtime/module.js';
import { PLAN_SCOPE, runPlanned } from '../runtime/planned.js';
import { probePath } from '../runtime/probe.js';
import { phaseSpec } from '../specs/phase.js';
import { validate } from '../generated/validate-phase.js';
import { planPhase } from '../plan/phase.js';

runModule(phaseSpec, validate, (params, ctx) =>
  runPlanned(ctx, {
    what: 'alternate disk',
    // Phases 2 and 3 work on the existing altinst_rootvg: only the named targets are asked about (check mode
    // predicts from a free one), rootvg's sizes are not read.
    gather: { ...PLAN_SCOPE, vgDetails: 'none', probeDisks: params.targets ?? [] },
    plan: (facts, _host, pctx) => planPhase(params, facts, probePath, pctx),
  }),
);
