import * as fs from 'node:fs';
import * as path from 'node:path';

// The files of an OS image are a real folder. A clone copies the running image's folder the way
// alt_disk_copy's backup/restore does: names as backup lists them ("./etc/hosts"), filtered by
// the -e exclude list with grep's (basic regular expression) pattern rules [V seed].

/** Relative file names under `root`, as "./etc/hosts", sorted. */
export function listFiles(root: string): string[] {
  const out: string[] = [];
  const walk = (rel: string) => {
    const abs = path.join(root, rel);
    for (const e of fs.readdirSync(abs, { withFileTypes: true })) {
      const r = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) walk(r);
      else if (e.isFile() || e.isSymbolicLink()) out.push(`./${r}`);
    }
  };
  if (fs.existsSync(root)) walk('');
  return out.sort();
}

/** Translate a grep basic regular expression to a JavaScript one. */
export function breToRegExp(pattern: string): RegExp {
  let out = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (c === '\\' && i + 1 < pattern.length) {
      const n = pattern[++i]!;
      // In a BRE, \( \) \{ \} \| are the operators; other escapes stay literal escapes.
      out += '(){}|'.includes(n) ? n : '\\' + n;
      continue;
    }
    if (c === '[') {
      const end = pattern.indexOf(']', i + (pattern[i + 1] === ']' ? 2 : pattern[i + 1] === '^' && pattern[i + 2] === ']' ? 3 : 1));
      if (end > i) {
        out += pattern.slice(i, end + 1).replace(/\\/g, '\\\\');
        i = end;
        continue;
      }
    }
    // Characters that are operators in JavaScript but literal in a BRE.
    out += '(){}|+?'.includes(c) ? '\\' + c : c;
  }
  return new RegExp(out);
}

/** Exclude patterns from an exclude-list file: one pattern per line, blank lines ignored. */
export function readExcludeList(file: string): RegExp[] {
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .map((l) => l.replace(/\r$/, ''))
    .filter((l) => l.trim() !== '')
    .map(breToRegExp);
}

/** Which files a restore step moves: all, or those of one file system (see fileSystemOf). */
export type FileFilter = (relPath: string) => boolean;

/** The file system (mount point) a relative path belongs to: the longest mount point that holds it. */
export function fileSystemOf(relPath: string, mounts: string[]): string {
  const abs = '/' + relPath.replace(/^\.?\/+/, '');
  let best = '/';
  for (const m of mounts) {
    if (m !== '/' && (abs === m || abs.startsWith(m + '/')) && m.length > best.length) best = m;
  }
  return best;
}

/** Copy `from` to `to` (both folders), skipping files any pattern matches; returns the names copied. */
export function copyImageFiles(from: string, to: string, exclude: RegExp[], only: FileFilter = () => true): string[] {
  const copied: string[] = [];
  fs.mkdirSync(to, { recursive: true });
  for (const name of listFiles(from)) {
    if (!only(name.slice(2))) continue;
    if (exclude.some((re) => re.test(name))) continue;
    const rel = name.slice(2);
    const dst = path.join(to, rel);
    fs.mkdirSync(path.dirname(dst), { recursive: true });
    fs.copyFileSync(path.join(from, rel), dst);
    copied.push(name);
  }
  return copied;
}

/** Write a map of relative file names to contents under `to`; returns the names as "./path". */
export function writeImageFiles(to: string, files: Record<string, string>, only: FileFilter = () => true): string[] {
  fs.mkdirSync(to, { recursive: true });
  const names = Object.keys(files)
    .filter((n) => only(n.replace(/^\/+/, '')))
    .sort();
  for (const rel of names) {
    const dst = path.join(to, rel.replace(/^\/+/, ''));
    fs.mkdirSync(path.dirname(dst), { recursive: true });
    fs.writeFileSync(dst, files[rel]!);
  }
  return names.map((n) => `./${n.replace(/^\/+/, '')}`);
}

/** Read a folder into a map of relative names to text (small system files: what a mksysb carries). */
export function readImageFiles(root: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of listFiles(root)) out[name.slice(2)] = fs.readFileSync(path.join(root, name.slice(2)), 'utf8');
  return out;
}
