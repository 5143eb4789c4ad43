import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';

// The extension-host suite's entry, in the shape @vscode/test-electron expects: run() is called
// inside the real extension host, with the extension under test loaded. Every *.spec.cjs beside this
// file is a part of the suite; pending or .only tests fail the run, so nothing is skipped silently.
export function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'tdd', timeout: 60_000, color: false, forbidPending: true, forbidOnly: true });
  const specs = fs.readdirSync(__dirname).filter((f) => f.endsWith('.spec.cjs')).sort();
  const only = process.env.ALTDISK_HOST_SPECS?.split(',').filter(Boolean);
  for (const f of specs) if (!only || only.some((o) => f.startsWith(o))) mocha.addFile(path.join(__dirname, f));
  return new Promise((resolve, reject) => {
    mocha.run((failures) => (failures > 0 ? reject(new Error(`${failures} extension-host test(s) failed`)) : resolve()));
  });
}
