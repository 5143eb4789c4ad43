import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ROOT, tmpDir } from '../../helpers/sim.js';

// The workspace the VS Code suites open: the fixture playbooks at the top and the playbook examples
// under examples/, copied into a temporary folder so that fixes and runs never touch the repository.

export const FIXTURES = path.join(ROOT, 'test/extension/fixtures');
export const STANDIN = path.join(FIXTURES, 'ansible-standin');

/**
 * The workspace, with an inventory (inventory.yml) whose host aix01 is a simulated AIX host made here
 * (its folder beside the workspace): an "inventory host" that twins can be built from.
 */
export function makeWorkspace(): string {
  const top = tmpDir('altdisk-vscode-ws-');
  const dir = path.join(top, 'ws');
  fs.cpSync(path.join(FIXTURES, 'workspace'), dir, { recursive: true });
  fs.cpSync(path.join(ROOT, 'playbook-examples'), path.join(dir, 'examples'), {
    recursive: true,
    filter: (src) => !/\/playbook-examples\/(collections|\.sim)(\/|$)/.test(src),
  });
  const aix01 = path.join(top, 'aix01');
  execFileSync(process.execPath, [path.join(ROOT, 'dist/simulator/aixsim.cjs'), 'init', aix01, '--hostname', 'aix01'], { stdio: 'pipe' });
  fs.writeFileSync(path.join(dir, 'inventory.yml'), `all:\n  children:\n    aix:\n      hosts:\n        aix01:\n          altdisk_sim_dir: ${aix01}\n`);
  return dir;
}

/** The stand-in as a .vsix (code-server ignores unpacked folders beside installed extensions). */
export function packStandin(): string {
  const dir = tmpDir('altdisk-standin-');
  fs.cpSync(STANDIN, path.join(dir, 'ext'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'ext/README.md'), '# Ansible stand-in\n\nThe language contribution of redhat.ansible, for the altdisk tests.\n');
  const out = path.join(dir, 'ansible-standin.vsix');
  execFileSync(process.execPath, [path.join(ROOT, 'node_modules/@vscode/vsce/vsce'), 'package', '--no-dependencies', '--allow-missing-repository', '--skip-license', '--out', out], { cwd: path.join(dir, 'ext'), stdio: 'pipe' });
  return out;
}
