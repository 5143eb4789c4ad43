import { runModule } from '../runtime/module.js';
import { PLAN_SCOPE, runPlanned } from '../runtime/planned.js';
import { bootlistModes } from '../facts/ask.js';
import { bootlistSpec } from '../specs/bootlist.js';
import { validate } from '../generated/validate-bootlist.js';
import { bootlistResult, normalizeEntries, planBootlist, predictedBootlistResult } from '../plan/bootlist.js';

runModule(bootlistSpec, validate, (params, ctx) =>
  runPlanned(ctx, {
    what: 'boot lists',
    // Only the first disk of each list asked for is asked about (whether it can boot: the others must
    // only exist, which lspv says); rootvg's sizes are not read.
    gather: { ...PLAN_SCOPE, filesets: false, vgDetails: 'none', probeDisks: [params.normal, params.service, params.both].flatMap((l) => (l?.length ? [normalizeEntries(l)[0]!.device] : [])) },
    plan: (facts, _host, pctx) => planBootlist(params, facts, pctx),
    // A boot-list change changes the lists it set, nothing else.
    rereads: (plan) => bootlistModes(plan.commands.map((c) => c.argv[2] ?? 'both')),
    stateKeys: (at, facts) => ({ bootlist: at === 'predicted' ? predictedBootlistResult(params, facts) : bootlistResult(facts) }),
  }),
);
