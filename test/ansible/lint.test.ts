import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { tmpDir } from '../helpers/sim.js';
import { ansibleEnv, EXAMPLES, explain, runCommand } from '../helpers/ansible.js';
import { ROOT } from '../helpers/sim.js';

// ansible-lint (the Debian package, when it could be installed: scripts/provision.sh tries) with the
// production profile of playbook-examples/.ansible-lint: FQCN, names, no-changed-when, YAML style...

function onPath(program: string): boolean {
  return (process.env.PATH ?? '').split(':').some((d) => fs.existsSync(path.join(d || '.', program)));
}

test('ansible-lint passes on the playbook examples (production profile), with every altdisk module resolved', async (t) => {
  if (!onPath('ansible-lint')) {
    t.skip('ansible-lint is not installed (apt-get install ansible-lint; scripts/provision.sh installs it when Debian can)');
    return;
  }
  const scratch = tmpDir('altdisk-lint-');
  try {
    // The collection itself, not the examples' collections/ link: ansible-lint excludes that folder
    // (.ansible-lint) and then resolves no module through it.
    const env = ansibleEnv(scratch, { ANSIBLE_COLLECTIONS_PATH: path.join(ROOT, 'dist'), NO_COLOR: '1' });
    const r = await runCommand('ansible-lint', ['--nocolor', '--offline'], { env, cwd: EXAMPLES });
    assert.equal(r.rc, 0, explain(r));
    assert.match(r.stderr + r.stdout, /Passed with production profile: 0 failure\(s\), 0 warning\(s\)/, explain(r));
    assert.doesNotMatch(r.stderr + r.stdout, /Unable to resolve FQCN|couldn't resolve module/, explain(r));
  } finally {
    fs.rmSync(scratch, { recursive: true, force: true });
  }
});
