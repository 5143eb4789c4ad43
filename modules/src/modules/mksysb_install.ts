import { runModule } from '../runtime/module.js';
import { PLAN_SCOPE, runPlanned } from '../runtime/planned.js';
import { probePath } from '../runtime/probe.js';
import { mksysbInstallSpec } from '../specs/mksysb_install.js';
import { validate } from '../generated/validate-mksysb_install.js';
import { planMksysbInstall } from '../plan/mksysb.js';
import { prefetchImage, readImageContext } from '../plan/mksysb-context.js';

runModule(mksysbInstallSpec, validate, (params, ctx) =>
  runPlanned(ctx, {
    what: 'alternate disk',
    // Named targets: only they are asked about; a size policy compares every free disk.
    gather: { ...PLAN_SCOPE, probeDisks: params.targets ?? 'all' },
    prefetch: (ask) => prefetchImage(ask, params),
    async plan(facts, host, pctx) {
      const context = await readImageContext(host, facts, params);
      return planMksysbInstall(params, facts, probePath, context, pctx);
    },
  }),
);
