import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import type { TwinStep } from './from-facts.js';

// The steps of a twin run on the new simulated host with its own commands (<dir>/bin) and its
// own aixsim (<dir>/lib/aixsim.cjs reboot), instantly (AIXSIM_SPEED=0), so the twin gets where
// the real host is the way AIX got there.

export function replayTwin(dir: string, steps: TwinStep[]): void {
  const env = { ...process.env, AIXSIM_SPEED: '0', PATH: `${path.join(dir, 'bin')}:${process.env.PATH ?? ''}` };
  for (const step of steps) {
    const [file, args, shown] =
      step.kind === 'reboot'
        ? [process.execPath, [path.join(dir, 'lib', 'aixsim.cjs'), 'reboot', dir, '--from', step.from], `aixsim reboot --from ${step.from}`]
        : [path.join(dir, 'bin', step.argv[0]!), step.argv.slice(1), step.argv.join(' ')];
    const r = spawnSync(file, args, { encoding: 'utf8', env });
    if (r.error || r.status !== 0) {
      throw new Error(`aixsim init --from-facts: "${shown}" failed on the twin (rc ${r.status ?? r.error?.message}): ${(r.stderr || r.stdout).trim().split('\n').slice(-4).join(' ')}`);
    }
  }
}
