import { readState } from '../../simulator/src/state/store.js';
import { showHost, type ShowJson } from '../../simulator/src/views/ground-truth.js';

// The simulator's ground truth of a host (what `aixsim show DIR --json` prints), read in-process:
// the same code, without a process start, for tests that check it after every step.

export type { ShowJson, ShowCopy, CopyState } from '../../simulator/src/views/ground-truth.js';

export function groundTruth(dir: string): ShowJson {
  return showHost(dir, readState(dir));
}

/** Wait until no simulated command runs on the host (a command whose module died runs on to its next line of output). */
export async function quiesce(dir: string, timeoutMs = 60_000): Promise<ShowJson> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const t = groundTruth(dir);
    const running = t.processes.filter((p) => p.command !== 'ps');
    if (running.length === 0 && !t.operation?.alive) return t;
    if (Date.now() > deadline) throw new Error(`simulated commands still run after ${timeoutMs} ms: ${running.map((p) => `${p.command} ${p.args.join(' ')}`).join('; ')}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
