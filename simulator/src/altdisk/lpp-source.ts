import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Fileset } from '../state/types.js';

// An installp image folder (what alt_disk_copy -l points at): one <fileset>.<V.R.M.F>.bff per
// fileset update and a .toc index. The real .toc format is far richer; this one is [U] and only
// read by the simulator: the .bff names are the truth, the .toc adds descriptions and the
// oslevel the folder brings a system to (so the clone's oslevel can follow an update_all).

export interface LppImage {
  name: string;
  level: string;
  file: string;
  description: string;
}

export interface LppSource {
  /** oslevel -s (or V.R.M.F-ML) the folder was built for, from the .toc. */
  oslevel: string | null;
  images: LppImage[];
}

const BFF = /^(.+)\.(\d+\.\d+\.\d+\.\d+)\.bff$/;
const TOC_HEADER = '# aixsim installp table of contents [U: simplified, not the AIX .toc format]';

export function bffName(name: string, level: string): string {
  return `${name}.${level}.bff`;
}

export function writeLppSource(folder: string, oslevel: string, filesets: Fileset[]): string[] {
  fs.mkdirSync(folder, { recursive: true });
  const toc = [TOC_HEADER, `# oslevel ${oslevel}`];
  const files: string[] = [];
  for (const f of filesets) {
    const file = bffName(f.name, f.level);
    fs.writeFileSync(path.join(folder, file), `aixsim installp image ${f.name} ${f.level}\n`);
    toc.push(`${f.name} ${f.level} ${file} ${f.description}`);
    files.push(file);
  }
  fs.writeFileSync(path.join(folder, '.toc'), toc.join('\n') + '\n');
  return files;
}

export function readLppSource(folder: string): LppSource {
  const descriptions = new Map<string, string>();
  let oslevel: string | null = null;
  const tocFile = path.join(folder, '.toc');
  if (fs.existsSync(tocFile)) {
    for (const line of fs.readFileSync(tocFile, 'utf8').split('\n')) {
      const os = /^# oslevel (\S+)$/.exec(line);
      if (os) oslevel = os[1]!;
      const m = /^(\S+) (\S+) (\S+) (.*)$/.exec(line);
      if (m && !line.startsWith('#')) descriptions.set(m[3]!, m[4]!);
    }
  }
  const images: LppImage[] = [];
  for (const file of fs.readdirSync(folder).sort()) {
    const m = BFF.exec(file);
    if (!m) continue;
    images.push({ name: m[1]!, level: m[2]!, file, description: descriptions.get(file) ?? m[1]! });
  }
  return { oslevel, images };
}
