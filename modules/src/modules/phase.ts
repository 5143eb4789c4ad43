import { runModule } from '../runtime/module.js';
import { runPlanned } from '../runtime/planned.js';
import { probePath } from '../runtime/probe.js';
import { phaseSpec } from '../specs/phase.js';
import { validate } from '../generated/validate-phase.js';
import { planPhase } from '../plan/phase.js';

runModule(phaseSpec, validate, (params, ctx) => runPlanned(ctx, { what: 'alternate disk', plan: (facts, _host, pctx) => planPhase(params, facts, probePath, pctx) }));
