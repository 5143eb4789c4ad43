import { runModule } from '../runtime/module.js';
import { PLAN_SCOPE, runPlanned } from '../runtime/planned.js';
import { commandName } from '../aix/commands.js';
import { cleanupSpec } from '../specs/cleanup.js';
import { validate } from '../generated/validate-cleanup.js';
import { planCleanup } from '../plan/cleanup.js';

runModule(cleanupSpec, validate, (params, ctx) =>
  runPlanned(ctx, {
    what: 'alternate rootvgs',
    gather: {
      ...PLAN_SCOPE,
      filesets: false,
      vgDetails: 'none',
      // Only AIX 4.3's former rootvg (old_rootvg there) is found by asking every disk's VGDA.
      probeDisks: (generation) => (generation === 'legacy' && (params.volume_group === 'old_rootvg' || params.include_old_rootvg) ? 'all' : []),
    },
    plan: (facts, _host, pctx) => planCleanup(params, facts, pctx),
    // Removing a VG changes lspv and what the freed disks hold; the boot list only where the plan set it.
    rereads: (plan) => {
      const freed = (plan.result.freed_disks as string[] | undefined) ?? [];
      const setsBootlist = plan.commands.some((c) => commandName(c.argv) === 'bootlist');
      return (argv) => {
        const name = commandName(argv);
        if (name === 'lspv' || (name === 'lsvg' && argv.length === 1)) return true;
        if (name === 'bootlist') return setsBootlist;
        return ['lqueryvg', 'getlvodm', 'bootinfo'].includes(name) && argv.some((w) => freed.includes(w));
      };
    },
    stateKeys: (_at, _f, s) => ({ altinst_state: s.altinst.state, old_rootvg: s.oldRootvg }),
  }),
);
