import * as fs from 'node:fs';
import { ERR } from './texts.js';
import { fail } from './failure.js';
import { isExecutableFile } from './paths.js';

// [V seed, §3.3] -i, -s, -R, -e and -x take full path names; -s and -x must be executable.

export function requireFile(prog: string, flag: string, file: string | null, o: { executable?: boolean; fullPath?: boolean } = {}): void {
  if (file === null) return;
  if (o.fullPath !== false && !file.startsWith('/')) fail(ERR.notFullPath(prog, flag, file));
  if (!fs.existsSync(file)) fail(ERR.fileNotFound(prog, file));
  if (o.executable && !isExecutableFile(file)) fail(ERR.notExecutable(prog, file));
}

export function requireFolder(prog: string, location: string | null): void {
  if (location !== null && !fs.existsSync(location)) fail(ERR.imagesNotFound(prog, location));
}
