import * as fs from 'node:fs';

// A file that must never be seen empty (a lock naming its owner): written aside, then linked into
// place, so it appears whole or not at all. Created empty and written after, a reader in between
// would find it empty and could not tell a live owner from a dead one.

/** Creates `file` holding `text`; false when it exists already. */
export function createWith(file: string, text: string): boolean {
  const aside = `${file}.${process.pid}`;
  fs.writeFileSync(aside, text);
  try {
    fs.linkSync(aside, file);
    return true;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw e;
  } finally {
    fs.rmSync(aside, { force: true });
  }
}
