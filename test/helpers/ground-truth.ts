import { readState } from '../../simulator/src/state/store.js';
import { showHost, type ShowJson } from '../../simulator/src/views/ground-truth.js';

// The simulator's ground truth of a host (what `aixsim show DIR --json` prints), read in-process:
// the same code, without a process start, for tests that check it after every step.

export type { ShowJson, ShowCopy, CopyState } from '../../simulator/src/views/ground-truth.js';

export function groundTruth(dir: string): ShowJson {
  return showHost(dir, readState(dir));
}
