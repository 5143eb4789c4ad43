import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ROOT, tmpDir } from '../helpers/sim.js';
import { bareFleet, COLLECTION, explain, recap, type SimFleet } from '../helpers/ansible.js';
import { startSshd, type Sshd } from '../helpers/sshd.js';

// How the collection's modules travel and which Node runs them: pipelined JSONARGS over a real SSH
// connection (one exec per task, no file copied), the local connection, ansible_node_interpreter
// pointing at a node in an unusual place, and a host without Node.

const FIXTURE = path.join(ROOT, 'test/ansible/fixtures/transport.yml');
/** The fixture is not next to playbook-examples/collections: point Ansible at the built collection. */
const COLLECTIONS = { ANSIBLE_COLLECTIONS_PATH: path.join(ROOT, 'dist') };
const HOSTS = ['lpar01', 'lpar02'];
const LIMIT = ['--limit', HOSTS.join(',')];

let sshd: Sshd;
let fleet: SimFleet;
let scratch: string;

before(async () => {
  sshd = await startSshd();
  fleet = bareFleet(HOSTS);
  scratch = tmpDir('altdisk-node-');
});

after(async () => {
  await sshd?.stop();
  fleet?.cleanup();
  if (scratch) fs.rmSync(scratch, { recursive: true, force: true });
});

/** A node reachable only under an unusual path (as on AIX: /opt/freeware/bin/node). */
function unusualNode(): string {
  const node = path.join(scratch, 'x/opt/freeware/bin/node');
  fs.mkdirSync(path.dirname(node), { recursive: true });
  if (!fs.existsSync(node)) fs.symlinkSync(process.execPath, node);
  return node;
}

test('over SSH with pipelining each altdisk task is ONE ssh exec that pipes the JSONARGS module into the node of ansible_node_interpreter', async () => {
  const node = unusualNode();
  const r = await fleet.playbook(FIXTURE, [...LIMIT, '-vvv', '-e', `ansible_node_interpreter=${node}`], [sshd.inventoryFor(['lpar02'])], COLLECTIONS);
  assert.equal(r.rc, 0, explain(r));
  for (const h of HOSTS) {
    assert.deepEqual(recap(r.stdout)[h], { ok: 4, changed: 0, unreachable: 0, failed: 0, skipped: 0, rescued: 0, ignored: 0 }, explain(r));
    assert.match(r.stdout, new RegExp(`"msg": "REPORT ${h} 7300-02-01-2346 hdisk0"`), explain(r));
  }
  const lines = r.stdout.split('\n');
  // lpar02 (SSH): three module tasks, three ssh executions, each "<env> <node> && sleep 0" with the
  // module on standard input; nothing copied (no sftp/scp, no PUT, no remote temporary folder).
  const sshExecs = lines.filter((l) => l.startsWith('<127.0.0.1> SSH: EXEC '));
  assert.equal(sshExecs.length, 3, sshExecs.join('\n'));
  const pipedCommand = `'/bin/sh -c '"'"'ALTDISK_SIM_HOST=${fleet.host('lpar02')} ${node} && sleep 0'"'"''`;
  for (const l of sshExecs) {
    assert.ok(l.startsWith('<127.0.0.1> SSH: EXEC ssh '), l);
    assert.ok(l.endsWith(` 127.0.0.1 ${pipedCommand}`), `not the pipelined node command:\n${l}\nexpected the end: ${pipedCommand}`);
  }
  assert.deepEqual(lines.filter((l) => /^<127\.0\.0\.1> (PUT|SSH: EXEC (sftp|scp))/.test(l)), []);
  // Every module task says it was pipelined, and no AnsiballZ file exists anywhere.
  assert.equal(lines.filter((l) => l === 'Pipelining is enabled.').length, 6, explain(r));
  assert.doesNotMatch(r.stdout, /AnsiballZ_/);
  // lpar01 (local connection): the same, without SSH.
  const localExecs = lines.filter((l) => l.startsWith('<lpar01> EXEC '));
  assert.deepEqual(localExecs, Array(3).fill(`<lpar01> EXEC /bin/sh -c 'ALTDISK_SIM_HOST=${fleet.host('lpar01')} ${node} && sleep 0'`));
  for (const m of ['facts', 'bootlist']) {
    assert.ok(r.stdout.includes(`Using module file ${path.join(COLLECTION, 'plugins/modules', `${m}.js`)}`), `${m}.js not used`);
  }
});

test('a host without Node fails with Ansible\'s interpreter message; the collection README and the examples\' preflight say what to do', async () => {
  const missing = path.join(scratch, 'nowhere/opt/freeware/bin/node');
  const r = await fleet.playbook(FIXTURE, [...LIMIT, '-e', `ansible_node_interpreter=${missing}`], [sshd.inventoryFor(['lpar02'])], COLLECTIONS);
  assert.equal(r.rc, 2, explain(r));
  for (const h of HOSTS) {
    const line = r.stdout.split('\n').find((l) => l.startsWith(`fatal: [${h}]: FAILED! => `));
    assert.ok(line, `no failure for ${h}:\n${explain(r)}`);
    const result = JSON.parse(line.slice(line.indexOf('=> ') + 3)) as { msg: string; module_stderr: string; rc: number };
    assert.equal(result.msg, 'The module failed to execute correctly, you probably need to set the interpreter.\nSee stdout/stderr for the exact error', line);
    assert.equal(result.rc, 127, line);
    assert.ok(result.module_stderr.includes(`${missing}: not found`), line);
  }
  const readme = fs.readFileSync(path.join(COLLECTION, 'README.md'), 'utf8');
  for (const advice of ['you probably need to set', 'ansible_node_interpreter: /opt/freeware/bin/node', 'dnf install nodejs']) {
    assert.ok(readme.includes(advice), `the collection README does not say "${advice}"`);
  }

  // The examples check first, and say it in their own words.
  const pre = await fleet.playbook('clone-disk-from-facts.yml', [...LIMIT, '-e', `ansible_node_interpreter=${missing}`], [sshd.inventoryFor(['lpar02'])]);
  assert.equal(pre.rc, 2, explain(pre));
  for (const h of HOSTS) {
    assert.match(
      pre.stdout,
      new RegExp(
        `fatal: \\[${h}\\]: FAILED! => \\{"assertion": [^\\n]*"msg": "Node\\.js is not at ${missing.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')} on ${h}: the altdisk modules need Node\\.js 18 or later on the LPAR\\. Install it \\(AIX Toolbox: dnf install nodejs, which puts it in /opt/freeware/bin/node\\) or set ansible_node_interpreter to where it is\\."`,
      ),
      explain(pre),
    );
  }
});
