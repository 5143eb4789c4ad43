import { test, after } from 'node:test';
import fc from 'fast-check';
import { createModelHost, type ModelHost, type Profile } from './harness.js';
import { commandsOf, realFor, type Call, type Model, type Step } from './commands.js';

// Sequences the model-based tests (model.test.ts, npm run soak) found breaking an invariant of
// issue 8, shrunk by fast-check and kept as ordinary tests: each replays its steps on a fresh host
// of its profile and checks the six invariants after every step, as the model run did. A failing
// model run prints the line to paste here ("keep it in test/model/regressions.test.ts").

interface Kept {
  /** What the model found, and where it was fixed. */
  found: string;
  profile: Profile;
  steps: Step[];
}

const call = (module: Call['module'], args: Record<string, unknown>, check = false): Step => ({ call: { module, args, check } });

const KEPT: Kept[] = [
  {
    found: 'the issue\'s first example: a reboot between phase 1 and phase 3 left a varied-off copy called complete, phase 3 did nothing, and the boot list then started it (LED 554)',
    profile: 'aix73',
    steps: [call('clone', { targets: ['hdisk1'], phase: '1' }), { reboot: true }, call('phase', { phase: '3' }), call('bootlist', { normal: ['hdisk1'] }), { reboot: true }],
  },
  {
    found: 'the issue\'s second example: cleanup with clear_pvid removed the clone the boot list started, answered ok, and the next reboot found no bootable device',
    profile: 'aix73',
    steps: [call('clone', { targets: ['hdisk1'] }), call('cleanup', { clear_pvid: true }), { reboot: true }],
  },
  {
    found:
      'model seed 402737898: an mksysb install cut short in its last step (LED 518 after the rename), then removed by a forced install on another disk: -X left the disk with hd5 and a boot record, and the facts called it bootable (fixed: a removed half-made copy is cleared with chpv -C)',
    profile: 'aix73',
    steps: [
      { call: { module: 'mksysb_install', args: { source: '$IMAGE', targets: ['hdisk2'], phase: 'all', bootlist: true, force: false }, check: false }, kill: { afterLines: 32, afterMs: 0, target: 'aix', signal: 'SIGINT' } },
      call('clone', { targets: ['hdisk4'], phase: '12', bootlist: false, force: false, script: '$SCRIPT' }, true),
      { together: [{ module: 'mksysb_install', args: { source: '$IMAGE', targets: ['hdisk1'], phase: 'all', bootlist: false, force: true }, check: false }, { module: 'bootlist', args: { normal: ['hdisk0'] }, check: false }] },
    ],
  },
];

const templates = new Map<Profile, ModelHost>();
function templateOf(profile: Profile): ModelHost {
  let t = templates.get(profile);
  if (!t) templates.set(profile, (t = createModelHost(profile)));
  return t;
}
after(() => {
  for (const t of templates.values()) t.cleanup();
});

for (const k of KEPT) {
  test(`model regression (${k.profile}): ${k.found}`, async () => {
    const host = createModelHost(k.profile, templateOf(k.profile));
    const real = realFor(host);
    try {
      await fc.asyncModelRun(() => ({ model: { host } as Model, real }), commandsOf(k.steps, host));
    } catch (e) {
      (e as Error).message += `\nsteps run:\n  ${real.log.join('\n  ')}`;
      throw e;
    } finally {
      host.cleanup();
    }
  });
}
