import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { ROOT } from '../helpers/sim.js';
import { startCodeServer, type CodeServer } from './harness/code-server.js';
import { runExtensionHostSuite } from './harness/extension-host.js';

// The extension-host suite (test/extension/host/*.spec.ts, mocha inside the real extension host of
// VS Code 1.139 served by code-server), started once; its mocha report is this test's output.

let server: CodeServer;

before(async () => {
  server = await startCodeServer();
});

after(async () => {
  await server?.stop();
});

test('extension-host suite', async () => {
  const run = await runExtensionHostSuite(server, {
    folder: path.join(ROOT, 'playbook-examples'),
    extensionDevelopmentPath: path.join(ROOT, 'dist/extension'),
    extensionTestsPath: path.join(ROOT, 'dist/extension-tests/index.cjs'),
    onLog: (line) => console.log(line),
  });
  assert.equal(run.code, 0, `the extension-host suite failed (exit ${run.code}); code-server log in ${server.runDir}:\n${run.log.join('\n')}`);
  const passing = run.log.map((l) => /^\s*(\d+) passing/.exec(l)).find(Boolean);
  assert.ok(passing && Number(passing[1]) > 0, 'mocha reported passing tests');
});
