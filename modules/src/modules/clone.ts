import { runModule } from '../runtime/module.js';
import { PLAN_SCOPE, runPlanned } from '../runtime/planned.js';
import { probePath } from '../runtime/probe.js';
import { cloneSpec } from '../specs/clone.js';
import { validate } from '../generated/validate-clone.js';
import { planClone } from '../plan/clone.js';

runModule(cloneSpec, validate, (params, ctx) =>
  runPlanned(ctx, {
    what: 'alternate disk',
    // Named targets: only they are asked about; a size policy compares every free disk.
    gather: { ...PLAN_SCOPE, probeDisks: params.targets ?? 'all' },
    plan: (facts, _host, pctx) => planClone(params, facts, probePath, pctx),
  }),
);
