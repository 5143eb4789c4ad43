import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ROOT } from '../helpers/sim.js';
import { startCodeServer, type CodeServer } from './harness/code-server.js';
import { runExtensionHostSuite } from './harness/extension-host.js';
import { makeWorkspace, STANDIN } from './harness/workspace.js';

// The extension-host suite (test/extension/host/*.spec.ts: mocha inside the real extension host of
// VS Code 1.139, served by code-server), with the extension under development from dist/extension and
// the stand-in for Red Hat's Ansible extension installed beside it. One server for the whole suite;
// its mocha report is this test's output, and every spec must pass (none may be pending).

let server: CodeServer;
let workspace: string;

before(async () => {
  workspace = makeWorkspace();
  server = await startCodeServer({ unpacked: [STANDIN] });
});

after(async () => {
  await server?.stop();
  if (workspace) fs.rmSync(path.dirname(workspace), { recursive: true, force: true });
});

test('extension-host suite', { timeout: 300_000 }, async () => {
  // ALTDISK_HOST_SPECS=runs,hover runs only those spec files (while working on them).
  const only = process.env.ALTDISK_HOST_SPECS?.split(',').filter(Boolean);
  const specs = fs.readdirSync(path.join(ROOT, 'dist/extension-tests')).filter((f) => f.endsWith('.spec.cjs') && (!only || only.some((o) => f.startsWith(o))));
  const run = await runExtensionHostSuite(server, {
    folder: workspace,
    extensionDevelopmentPath: path.join(ROOT, 'dist/extension'),
    extensionTestsPath: path.join(ROOT, 'dist/extension-tests/index.cjs'),
    // ansible-playbook, started by the play runs, finds the collection built into dist/.
    env: { ANSIBLE_COLLECTIONS_PATH: path.join(ROOT, 'dist'), ...(process.env.ALTDISK_HOST_SPECS ? { ALTDISK_HOST_SPECS: process.env.ALTDISK_HOST_SPECS } : {}) },
    onLog: (line) => console.log(line),
  });
  assert.equal(run.code, 0, `the extension-host suite failed (exit ${run.code}); code-server log in ${server.runDir}`);
  const passing = run.log.map((l) => /^\s*(\d+) passing/.exec(l)).find(Boolean);
  assert.ok(passing, 'mocha reported its passing tests');
  assert.ok(!run.log.some((l) => /^\s*\d+ (pending|failing)/.test(l)), 'no pending or failing test');
  assert.ok(Number(passing[1]) >= specs.length, `${passing[1]} tests passed for ${specs.length} spec files`);
});
