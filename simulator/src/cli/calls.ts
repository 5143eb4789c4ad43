import * as fs from 'node:fs';
import * as path from 'node:path';
import { readState } from '../state/store.js';

/** `aixsim calls <dir>`: print the call log (JSON lines: time, argv, rc, ms, pid). */
export function calls(argv: string[]): number {
  const [dir] = argv;
  if (!dir || argv.length !== 1) throw new Error('aixsim calls: usage: aixsim calls <dir>');
  readState(dir);
  const file = path.join(dir, 'calls.log');
  process.stdout.write(fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '');
  return 0;
}
