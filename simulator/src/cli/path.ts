import * as path from 'node:path';
import { readState } from '../state/store.js';
import { runningImage } from '../views/host.js';

/** `aixsim path <dir> /etc/filesystems`: the file of the running system on this machine. */
export function pathOf(argv: string[]): number {
  const [dir, aixPath, ...extra] = argv;
  if (!dir || !aixPath || extra.length > 0 || !aixPath.startsWith('/')) {
    throw new Error('aixsim path: usage: aixsim path <dir> <absolute AIX path>, e.g. aixsim path /tmp/h /etc/filesystems');
  }
  const state = readState(dir);
  const img = runningImage(state);
  process.stdout.write(path.join(path.resolve(dir), img.fsDir, aixPath.slice(1)) + '\n');
  return 0;
}
