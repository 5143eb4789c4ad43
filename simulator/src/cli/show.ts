import * as path from 'node:path';
import { readState } from '../state/store.js';
import { showHost } from '../views/ground-truth.js';
import { showText } from '../views/ground-truth-text.js';
import { checkKnown, flag, parseCli } from './args.js';

/** `aixsim show <dir> [--json]`: the ground truth of a simulated host (views/ground-truth.ts). */
export function show(argv: string[]): number {
  const a = parseCli(argv, ['json']);
  checkKnown(a, ['json'], 'show');
  const dir = a.positional[0];
  if (!dir || a.positional.length > 1) throw new Error('aixsim show: usage: aixsim show <dir> [--json]');
  const abs = path.resolve(dir);
  const j = showHost(abs, readState(abs));
  process.stdout.write(flag(a, 'json') ? JSON.stringify(j, null, 2) + '\n' : showText(j).join('\n') + '\n');
  return 0;
}
