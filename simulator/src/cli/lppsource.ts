import * as path from 'node:path';
import type { Fileset } from '../state/types.js';
import { readState } from '../state/store.js';
import { filesetLevel, parseLevel } from '../state/levels.js';
import { altDiskFilesets, baseFilesets, FILESET_DESCRIPTIONS } from '../state/filesets.js';
import { writeLppSource } from '../altdisk/lpp-source.js';
import { checkKnown, opt, parseCli } from './args.js';

// `aixsim lppsource <dir> <folder> --level L [--filesets a,b]`: an installp image folder with the
// updates that bring a system to level L (all base filesets, or the ones named), for -l.

export function lppsource(argv: string[]): number {
  const a = parseCli(argv);
  checkKnown(a, ['level', 'filesets'], 'lppsource');
  const [dir, folder, ...extra] = a.positional;
  const wanted = opt(a, 'level');
  if (!dir || !folder || extra.length > 0 || !wanted) {
    throw new Error('aixsim lppsource: usage: aixsim lppsource <dir> <folder> --level 7300-03-01-2420 [--filesets bos.rte,bos.rte.libc]');
  }
  readState(path.resolve(dir));
  const level = parseLevel(wanted);
  const fl = filesetLevel(level);
  const all: Fileset[] = [...baseFilesets(level), ...altDiskFilesets({ rte: fl, bootImages: fl })];
  const names = opt(a, 'filesets')?.split(',').map((n) => n.trim()).filter(Boolean);
  const chosen = names
    ? names.map((n) => all.find((f) => f.name === n) ?? { name: n, level: fl, state: 'COMMITTED' as const, description: FILESET_DESCRIPTIONS[n] ?? n })
    : all;
  const files = writeLppSource(path.resolve(folder), wanted, chosen);
  process.stdout.write(`aixsim: ${files.length} installp image(s) for ${wanted} written to ${path.resolve(folder)}\n`);
  return 0;
}
