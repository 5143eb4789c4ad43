import { runModule } from '../runtime/module.js';
import { runPlanned } from '../runtime/planned.js';
import { bootlistSpec } from '../specs/bootlist.js';
import { validate } from '../generated/validate-bootlist.js';
import { bootlistResult, planBootlist, predictedBootlistResult } from '../plan/bootlist.js';

runModule(bootlistSpec, validate, (params, ctx) =>
  runPlanned(ctx, {
    what: 'boot lists',
    plan: (facts, _host, pctx) => planBootlist(params, facts, pctx),
    stateKeys: (at, facts) => ({ bootlist: at === 'predicted' ? predictedBootlistResult(params, facts) : bootlistResult(facts) }),
  }),
);
