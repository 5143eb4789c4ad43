import { runModule } from '../runtime/module.js';
import { runPlanned } from '../runtime/planned.js';
import { probePath } from '../runtime/probe.js';
import { mksysbInstallSpec } from '../specs/mksysb_install.js';
import { validate } from '../generated/validate-mksysb_install.js';
import { planMksysbInstall } from '../plan/mksysb.js';
import { readImageContext } from '../plan/mksysb-context.js';

runModule(mksysbInstallSpec, validate, (params, ctx) =>
  runPlanned(ctx, {
    what: 'alternate disk',
    gather: { diskSizes: 'all' },
    async plan(facts, host, pctx) {
      const context = await readImageContext(host, facts, params);
      return planMksysbInstall(params, facts, probePath, context, pctx);
    },
  }),
);
