import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { tmpDir } from '../helpers/sim.js';
import { ansibleEnv, EXAMPLES, explain, runCommand } from '../helpers/ansible.js';
import { ROOT } from '../helpers/sim.js';

// ansible-lint (the Debian package, installed by scripts/provision.sh) with the
// production profile of playbook-examples/.ansible-lint: FQCN, names, no-changed-when, YAML style...

function onPath(program: string): boolean {
  return (process.env.PATH ?? '').split(':').some((d) => fs.existsSync(path.join(d || '.', program)));
}

test('ansible-lint passes on the playbook examples (production profile)', async () => {
  assert.ok(onPath('ansible-lint'), 'ansible-lint is not installed: sudo apt-get install ansible-lint (npm test runs scripts/provision.sh, which installs it as root)');
  const scratch = tmpDir('altdisk-lint-');
  try {
    const env = ansibleEnv(scratch, { ANSIBLE_COLLECTIONS_PATH: path.join(ROOT, 'dist'), NO_COLOR: '1' });
    const r = await runCommand('ansible-lint', ['--nocolor', '--offline'], { env, cwd: EXAMPLES });
    assert.equal(r.rc, 0, explain(r));
    // ansible-lint 6.13 cannot load non-Python modules (reference ansible-node-modules.md §13): its
    // "Unable to resolve FQCN" warnings for them come and go with the order it reads files in, so
    // module resolution is proven by ansible-playbook itself in the next test.
    assert.match(r.stderr + r.stdout, /Passed with production profile: 0 failure\(s\), 0 warning\(s\)/, explain(r));
  } finally {
    fs.rmSync(scratch, { recursive: true, force: true });
  }
});

test('every playbook example resolves the altdisk.aix modules from its adjacent collections/ folder (ansible-playbook --syntax-check)', async () => {
  const scratch = tmpDir('altdisk-syntax-');
  try {
    // No collections path of ours: only the examples' own collections/ link can resolve altdisk.aix.
    const env = ansibleEnv(scratch, { ANSIBLE_COLLECTIONS_PATH: path.join(scratch, 'none') });
    const playbooks = fs.readdirSync(EXAMPLES).filter((f) => f.endsWith('.yml') && f !== 'inventory.yml');
    assert.ok(playbooks.length >= 7, `only ${playbooks.join(', ')}`);
    for (const p of playbooks) {
      const r = await runCommand('ansible-playbook', ['--syntax-check', '-i', 'inventory.yml', p], { env, cwd: EXAMPLES });
      assert.equal(r.rc, 0, `${p}: ${explain(r)}`);
      assert.doesNotMatch(r.stderr + r.stdout, /couldn't resolve module/, p);
    }
  } finally {
    fs.rmSync(scratch, { recursive: true, force: true });
  }
});
