import { test, after } from 'node:test';
import * as fs from 'node:fs';
import fc from 'fast-check';
import { createModelHost, PROFILES, truthOf, type ModelHost, type Profile } from './harness.js';
import { commandArbitraries, realFor, stepsOf, type Model, type Real } from './commands.js';
import { COUNTERS } from './invariants.js';

// Model-based tests of the modules on the simulator (issue 8): random sequences of module calls
// with random valid options, check mode, kills at random moments, two calls at once, reboots and
// faults, on the aix73, aix43 and mirrored profiles; the six invariants after every step
// (invariants.ts). `npm test` runs the fixed budget below with fixed seeds; `npm run soak`
// (bench/soak.mjs) runs a longer budget with random seeds. Every seed is printed; a failing
// sequence is shrunk by fast-check and kept in regressions.test.ts as an ordinary test.

const RUNS = Number(process.env.ALTDISK_MODEL_RUNS ?? 1);
const STEPS = Number(process.env.ALTDISK_MODEL_STEPS ?? 6);
// An empty or one-step sequence proves little: the fixed budget is small, so every sequence counts.
const MIN_STEPS = Math.min(3, STEPS);
const RANDOM_SEEDS = process.env.ALTDISK_MODEL_SEED === 'random';
const FIXED_SEEDS: Record<Profile, number> = { aix73: 0x5afe73, aix43: 0x5afe43, mirrored: 0x5afe2c };
const VERBOSE = process.env.ALTDISK_MODEL_VERBOSE === '1';
const ONLY = process.env.ALTDISK_MODEL_PROFILES?.split(',') as Profile[] | undefined;

const templates = new Map<Profile, ModelHost>();
after(() => {
  for (const t of templates.values()) t.cleanup();
  if (process.env.ALTDISK_MODEL_STATS) fs.writeFileSync(process.env.ALTDISK_MODEL_STATS, JSON.stringify(COUNTERS) + '\n');
});

for (const profile of ONLY ?? PROFILES) {
  test(`model (issue 8): random sequences of module calls, kills, races, reboots and faults keep the six invariants on ${profile}`, { timeout: 30 * 60_000 }, async (t) => {
    const seed = RANDOM_SEEDS ? Math.floor(Math.random() * 2 ** 31) : Number(process.env.ALTDISK_MODEL_SEED ?? FIXED_SEEDS[profile]);
    const template = createModelHost(profile);
    templates.set(profile, template);
    const rootDisk = truthOf(template.dir).rootvg.bootDisks[0]!;
    t.diagnostic(`seed ${seed} (replay: ALTDISK_MODEL_SEED=${seed} ALTDISK_MODEL_PROFILES=${profile}), ${RUNS} sequence(s) of up to ${STEPS} steps`);
    process.stderr.write(`model ${profile}: seed ${seed}\n`);
    let lastLog: string[] = [];
    let lastSteps = '';
    await fc.assert(
      fc.asyncProperty(fc.commands(commandArbitraries(template, rootDisk), { maxCommands: STEPS, size: 'max' }).filter((c) => [...c].length >= MIN_STEPS), async (cmds) => {
        const host = createModelHost(profile, template);
        const real: Real = realFor(host);
        COUNTERS.sequences++;
        try {
          await fc.asyncModelRun(() => ({ model: { host } as Model, real }), cmds);
          if (VERBOSE) process.stderr.write(`model ${profile}: sequence ${COUNTERS.sequences}:\n  ${real.log.join('\n  ')}\n`);
        } catch (e) {
          lastLog = real.log;
          lastSteps = JSON.stringify({ profile, steps: stepsOf(cmds, host) });
          (e as Error).message += `\nsteps run:\n  ${real.log.join('\n  ')}`;
          throw e;
        } finally {
          host.cleanup();
        }
      }),
      { seed, numRuns: RUNS, endOnFailure: process.env.ALTDISK_MODEL_SHRINK !== '1' },
    ).catch((e: Error) => {
      // fast-check 4 keeps the property's own error (the invariant broken) as the cause.
      const cause = e.cause instanceof Error ? `\n${e.cause.message}` : '';
      throw new Error(`${e.message}${cause}\nlast sequence's steps:\n  ${lastLog.join('\n  ')}\nkeep it in test/model/regressions.test.ts:\n${lastSteps}`);
    });
  });
}
