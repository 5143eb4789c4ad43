import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ROOT } from '../language/helpers.js';

// `altdisk lint` through its bundle (dist/cli/altdisk.cjs), as CI runs it: text, JSON, SARIF, --fix,
// exit statuses, and the note when Ansible cannot find the collection.

const BIN = path.join(ROOT, 'dist', 'cli', 'altdisk.cjs');
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'altdisk-lint-cli-'));
after(() => fs.rmSync(work, { recursive: true, force: true }));

interface Run {
  rc: number;
  stdout: string;
  stderr: string;
}

function lint(args: string[], cwd: string, env: Record<string, string> = {}): Run {
  const home = path.join(work, 'home');
  fs.mkdirSync(home, { recursive: true });
  const r = spawnSync(process.execPath, [BIN, 'lint', ...args], {
    cwd,
    encoding: 'utf8',
    // No collection configured unless a test says so: HOME and the config are the test's own.
    env: { ...process.env, HOME: home, ANSIBLE_CONFIG: path.join(work, 'none.cfg'), ANSIBLE_COLLECTIONS_PATH: '', ...env },
  });
  return { rc: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

const SITE = `- name: Update on an alternate disk
  hosts: aix
  tasks:
    - name: Clean up the old clone by hand
      ansible.builtin.command: exportvg altinst_rootvg

    - name: Disk size
      ansible.builtin.command: bootinfo -s hdisk1
      register: size

    - name: Install last night's backup
      altdisk.aix.mksysb_install:
        source: /mnt/backup.mksysb
        targets: [hdisk1]
        mksysb_level: 7300-02
        bootlist: false

    - name: Clone
      altdisk.aix.clone:
        targets: [hdisk2]
        force: true
`;

function project(name: string, files: Record<string, string>): string {
  const dir = path.join(work, name);
  for (const [f, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, f)), { recursive: true });
    fs.writeFileSync(path.join(dir, f), text);
  }
  return dir;
}

test('text: file:line:col CODE severity: message, a summary on stderr, exit 1 on errors', () => {
  const dir = project('text', { 'site.yml': SITE, 'group_vars/aix.yml': 'a: 1\n', 'collections/ansible_collections/x.yml': ': broken [\n' });
  const r = lint([], dir);
  assert.equal(r.rc, 1, r.stderr);
  const lines = r.stdout.trim().split('\n');
  assert.deepEqual(
    lines.map((l) => l.split(' ').slice(0, 3).join(' ')),
    ['site.yml:5:32 ALTDISK001 error:', 'site.yml:8:32 ALTDISK017 information:', 'site.yml:15:23 ALTDISK011 error:', 'site.yml:21:9 ALTDISK006 warning:'],
  );
  assert.match(r.stderr, /altdisk lint: 2 errors, 1 warning, 1 note in 2 files; 3 fixable with --fix/);
  assert.match(r.stderr, /note: the collection altdisk\.aix is not where Ansible looks for it/);
});

test('json: the findings with 1-based line and column, fixes, a summary', () => {
  const dir = project('json', { 'site.yml': SITE });
  const r = lint(['--format', 'json', 'site.yml'], dir);
  assert.equal(r.rc, 1);
  const out = JSON.parse(r.stdout);
  assert.equal(out.files[0].path, 'site.yml');
  const f = out.files[0].findings[0];
  assert.equal(f.code, 'ALTDISK001');
  assert.equal(f.line, 5);
  assert.equal(f.column, 32);
  assert.deepEqual(f.range, { start: { line: 4, character: 31 }, end: { line: 4, character: 54 } });
  assert.equal(f.docUrl, 'docs/hazards.md#altdisk001');
  assert.equal(f.fixes[0].safe, true);
  assert.deepEqual(out.summary, { files: 1, errors: 2, warnings: 1, information: 1, hints: 0, fixable: 3, fixed: 0 });
  assert.equal(out.notes.length, 1);
});

test('sarif: 2.1.0, the rules that fired with their documentation, regions and fixes', () => {
  const dir = project('sarif', { 'plays/site.yml': SITE });
  const r = lint(['--format', 'sarif'], dir);
  assert.equal(r.rc, 1);
  const sarif = JSON.parse(r.stdout);
  assert.equal(sarif.version, '2.1.0');
  const run = sarif.runs[0];
  const rule = run.tool.driver.rules.find((x: { id: string }) => x.id === 'ALTDISK001');
  assert.equal(rule.name, 'alt-vg-removed-by-hand');
  assert.equal(rule.defaultConfiguration.level, 'error');
  assert.equal(rule.helpUri, `${pathToFileURL(path.join(ROOT, 'docs', 'hazards.md')).href}#altdisk001`);
  const res = run.results[0];
  assert.equal(res.ruleId, 'ALTDISK001');
  assert.equal(run.tool.driver.rules[res.ruleIndex].id, 'ALTDISK001');
  assert.deepEqual(res.locations[0].physicalLocation, { artifactLocation: { uri: 'plays/site.yml', uriBaseId: '%SRCROOT%' }, region: { startLine: 5, startColumn: 32, endLine: 5, endColumn: 55 } });
  assert.equal(res.fixes[0].artifactChanges[0].replacements[0].insertedContent.text, 'altdisk.aix.cleanup:');
  assert.equal(run.results.find((x: { ruleId: string }) => x.ruleId === 'ALTDISK017').level, 'note');
  assert.match(run.invocations[0].toolExecutionNotifications[0].message.text, /altdisk\.aix is not where Ansible looks/);
});

test('--fix applies the safe fixes in place and reports what is left', () => {
  const dir = project('fix', { 'site.yml': SITE });
  const r = lint(['--fix'], dir);
  const text = fs.readFileSync(path.join(dir, 'site.yml'), 'utf8');
  assert.match(text, /- name: Clean up the old clone by hand\n {6}altdisk\.aix\.cleanup:\n/);
  assert.match(text, /ansible\.builtin\.command: getconf DISK_SIZE \/dev\/hdisk1\n/);
  assert.match(text, /mksysb_level: 7\.3\.2\n/);
  assert.match(text, /force: true/, 'an unsafe fix is not applied');
  assert.equal(r.rc, 0, 'only a warning is left');
  assert.deepEqual(r.stdout.trim().split('\n').map((l) => l.split(' ')[1]), ['ALTDISK006']);
  assert.match(r.stderr, /site\.yml: fixed ALTDISK001: Use altdisk\.aix\.cleanup/);
  assert.match(r.stderr, /3 fixes applied/);
  const again = lint(['--fix'], dir);
  assert.equal(fs.readFileSync(path.join(dir, 'site.yml'), 'utf8'), text, 'a second --fix changes nothing');
  assert.doesNotMatch(again.stderr, /fixed/);
});

test('the playbook examples: clean, and the collection is found next to them', () => {
  const r = lint(['playbook-examples/'], ROOT);
  assert.equal(r.rc, 0, r.stdout + r.stderr);
  assert.equal(r.stdout, '');
  assert.match(r.stderr, /altdisk lint: \d+ files checked, no findings/);
  assert.doesNotMatch(r.stderr, /note:/);
});

test('the collection note: gone when collections_path in ansible.cfg or a collections/ folder has altdisk.aix', () => {
  const dir = project('coll', { 'site.yml': '- hosts: aix\n  tasks:\n    - altdisk.aix.facts:\n' });
  assert.match(lint([], dir).stderr, /note: the collection altdisk\.aix is not where Ansible looks for it \(Ansible's defaults: .*; nor in a collections\/ folder next to .*site\.yml\)/);
  fs.mkdirSync(path.join(work, 'installed/ansible_collections/altdisk/aix'), { recursive: true });
  fs.writeFileSync(path.join(work, 'installed/ansible_collections/altdisk/aix/MANIFEST.json'), '{}');
  fs.writeFileSync(path.join(dir, 'ansible.cfg'), `[defaults]\ncollections_path = ${path.join(work, 'installed')}\n`);
  assert.doesNotMatch(lint([], dir, { ANSIBLE_CONFIG: '' }).stderr, /note:/);
  assert.doesNotMatch(lint([], dir, { ANSIBLE_COLLECTIONS_PATH: path.join(work, 'installed') }).stderr, /note:/);
});

test('bad usage: exit 2 with a message', () => {
  const r = lint(['--format', 'xml'], work);
  assert.equal(r.rc, 2);
  assert.match(r.stderr, /--format xml: use one of text, json, sarif/);
  const m = lint(['nothere.yml'], work);
  assert.equal(m.rc, 2);
  assert.match(m.stderr, /nothere\.yml: no such file or directory/);
});
