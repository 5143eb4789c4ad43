import { runModule } from '../runtime/module.js';
import { runPlanned } from '../runtime/planned.js';
import { cleanupSpec } from '../specs/cleanup.js';
import { validate } from '../generated/validate-cleanup.js';
import { planCleanup } from '../plan/cleanup.js';

runModule(cleanupSpec, validate, (params, ctx) =>
  runPlanned(ctx, {
    what: 'alternate rootvgs',
    plan: (facts, _host, pctx) => planCleanup(params, facts, pctx),
    stateKeys: (_at, _f, s) => ({ altinst_state: s.altinst.state, old_rootvg: s.oldRootvg }),
  }),
);
