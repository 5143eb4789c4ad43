import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyze } from '../../language/src/index.js';
import { check, codes, covered, diskWorkspace, memoryWorkspace, none, one, only, play, ROOT } from './helpers.js';

// What real playbooks contain: task files, roles, blocks, includes followed through the workspace,
// broken YAML, and the suppression comments. The playbook examples lint clean.

describe('files and structure', () => {
  test('a task file (no play): its tasks are checked', () => {
    const text = '- name: Remove the clone by hand\n  ansible.builtin.command: exportvg altinst_rootvg\n';
    const r = analyze({ uri: '/ws/tasks/cleanup.yml', text });
    assert.equal(r.kind, 'tasks');
    assert.deepEqual(codes(r.findings), ['ALTDISK001']);
  });

  test('a role task file: short names resolve through the role\'s meta/main.yml collections', () => {
    const ws = memoryWorkspace({ '/ws/roles/altupdate/meta/main.yml': '---\ncollections:\n  - altdisk.aix\n' });
    const text = '- name: Clone\n  clone:\n    targets: [hdisk1]\n    bootlst: false\n';
    const found = check(text, ws, {}, '/ws/roles/altupdate/tasks/main.yml');
    assert.deepEqual(codes(found), ['schema/unknown-option']);
  });

  test('other YAML (inventory, variables) only gets syntax checks', () => {
    const r = analyze({ uri: '/ws/group_vars/all.yml', text: 'altdisk_clone_disks: [hdisk1]\ncommand: exportvg altinst_rootvg\n' });
    assert.equal(r.kind, 'other');
    assert.deepEqual(r.findings, []);
  });

  test('block, rescue and always: every task inside is checked', () => {
    const text = play(`
- name: Clone with a way out
  block:
    - altdisk.aix.clone:
        targets: [hdisk1]
        bootlst: false
  rescue:
    - ansible.builtin.command: exportvg altinst_rootvg
  always:
    - ansible.builtin.command: bootinfo -s hdisk1
`);
    assert.deepEqual(codes(check(text)), ['schema/unknown-option', 'ALTDISK001', 'ALTDISK017']);
  });

  test('pre_tasks, post_tasks and handlers are checked; several plays and documents', () => {
    const text = `- hosts: a\n  pre_tasks:\n    - ansible.builtin.command: exportvg old_rootvg\n  handlers:\n    - name: h\n      ansible.builtin.command: varyonvg old_rootvg\n---\n- hosts: b\n  post_tasks:\n    - altdisk.aix.clone: {targets: [hdisk1], force: true}\n`;
    assert.deepEqual(codes(check(text)), ['ALTDISK001', 'ALTDISK002', 'ALTDISK006']);
  });
});

describe('import_tasks and include_tasks', () => {
  const finish = '- name: Finish the copy\n  altdisk.aix.phase:\n    phase: "3"\n';
  const reboot = '- name: Reboot\n  ansible.builtin.reboot:\n';

  test('followed within the workspace: a phase 3 in an included file closes the phase 1 of the play', () => {
    const ws = memoryWorkspace({ '/ws/tasks/finish.yml': finish });
    const text = play('- altdisk.aix.clone:\n    targets: [hdisk1]\n    phase: "1"\n- ansible.builtin.include_tasks: tasks/finish.yml\n');
    none(text, 'ALTDISK008', ws);
    one(text, 'ALTDISK008', {});
  });

  test('a finding about a task in an included file lands on the include line, naming the file and line', () => {
    const ws = memoryWorkspace({ '/ws/tasks/reboot.yml': reboot });
    const text = play('- altdisk.aix.clone:\n    targets: [hdisk1]\n    bootlist: false\n- import_tasks: tasks/reboot.yml\n');
    const f = one(text, 'ALTDISK014', ws);
    assert.equal(covered(text, f.range), 'import_tasks: tasks/reboot.yml');
    assert.match(f.message, /\(in reboot\.yml, line 2\)/);
  });

  test('nested includes, relative to the including file; a loop of includes ends', () => {
    const ws = memoryWorkspace({
      '/ws/tasks/a.yml': '- include_tasks: b.yml\n',
      '/ws/tasks/b.yml': `- include_tasks: a.yml\n${reboot}`,
    });
    const text = play('- altdisk.aix.clone:\n    targets: [hdisk1]\n    bootlist: false\n- include_tasks: tasks/a.yml\n');
    one(text, 'ALTDISK014', ws);
  });

  test('a missing file is reported when the workspace can be read; a templated name is not followed', () => {
    const ws = memoryWorkspace({});
    const text = play('- ansible.builtin.import_tasks: tasks/nothere.yml\n- ansible.builtin.include_tasks: "tasks/{{ os }}.yml"\n');
    const f = one(text, 'include/not-found', ws);
    assert.equal(covered(text, f.range), 'tasks/nothere.yml');
    none(text, 'include/not-found', {});
  });

  test('roles of a play are followed for the order rules', () => {
    const ws = memoryWorkspace({ '/ws/roles/finish/tasks/main.yml': finish });
    const text = `- hosts: aix\n  pre_tasks:\n    - altdisk.aix.clone:\n        targets: [hdisk1]\n        phase: "1"\n  roles:\n    - finish\n`;
    none(text, 'ALTDISK008', ws);
  });
});

describe('broken YAML', () => {
  test('the syntax error is reported where it is, and the other findings are still there', () => {
    const text = play(`
- name: Remove by hand
  ansible.builtin.command: exportvg altinst_rootvg
- name: Broken
  altdisk.aix.clone:
    targets: [hdisk1
    bootlist: false
- name: After the error
  ansible.builtin.command: bootinfo -s hdisk2
`);
    const found = check(text);
    const y = found.find((f) => f.code === 'yaml')!;
    assert.ok(y, JSON.stringify(found));
    assert.equal(y.severity, 'error');
    assert.equal(y.range.start.line, 8, 'on the line after the unclosed list (0-based 8: bootlist: false)');
    assert.ok(found.some((f) => f.code === 'ALTDISK001'), 'a finding before the error');
    assert.ok(found.some((f) => f.code === 'ALTDISK017'), 'a finding after the error');
  });

  test('a tab, an unclosed quote, an empty document: findings, never an exception', () => {
    for (const text of ['- name: x\n\tansible.builtin.command: ls\n', '- name: "x\n  altdisk.aix.facts:\n', '', '---\n', '- [\n', ': :\n']) {
      assert.doesNotThrow(() => check(text), JSON.stringify(text));
    }
  });
});

describe('suppression comments', () => {
  const task = '- name: Remove by hand\n  ansible.builtin.command: exportvg altinst_rootvg\n';

  test('on the line: at the end of it', () => {
    none(play('- name: Remove by hand\n  ansible.builtin.command: exportvg altinst_rootvg  # altdisk: ignore=ALTDISK001\n'), 'ALTDISK001');
  });

  test('on the line above a line', () => {
    none(play('- name: Remove by hand\n  # altdisk: ignore=ALTDISK001\n  ansible.builtin.command: exportvg altinst_rootvg\n'), 'ALTDISK001');
  });

  test('for the whole task: above its first line, or at the end of it', () => {
    none(play(`# altdisk: ignore=ALTDISK001\n${task}`), 'ALTDISK001');
    none(play(`- name: Remove by hand  # altdisk: ignore=ALTDISK001\n  ansible.builtin.command: exportvg altinst_rootvg\n`), 'ALTDISK001');
  });

  test('for a block: every task inside; several codes; all', () => {
    const text = play(`
# altdisk: ignore=ALTDISK001, ALTDISK017
- block:
    - ansible.builtin.command: exportvg altinst_rootvg
    - ansible.builtin.command: bootinfo -s hdisk1
`);
    assert.deepEqual(codes(check(text)), []);
    assert.deepEqual(codes(check(play(`# altdisk: ignore=all\n${task}`))), []);
  });

  test('only the codes named, only that line or task', () => {
    one(play(`# altdisk: ignore=ALTDISK003\n${task}`), 'ALTDISK001');
    const two = play(`# altdisk: ignore=ALTDISK001\n${task}${task}`);
    assert.equal(only(two, 'ALTDISK001').length, 1);
  });

  test('schema errors cannot be silenced (the module would refuse the task anyway)', () => {
    one(play('- altdisk.aix.clone:  # altdisk: ignore=all\n    targets: [hdisk1]\n    bootlst: false  # altdisk: ignore=all\n'), 'schema/unknown-option');
  });

  test('a "# altdisk: ignore" inside a string is not a directive', () => {
    one(play('- name: "# altdisk: ignore=ALTDISK001"\n  ansible.builtin.command: exportvg altinst_rootvg\n'), 'ALTDISK001');
  });
});

test('the playbook examples (and their task files) lint clean', () => {
  const dir = path.join(ROOT, 'playbook-examples');
  const ws = diskWorkspace();
  const files = [...fs.readdirSync(dir).filter((f) => f.endsWith('.yml')), ...fs.readdirSync(path.join(dir, 'tasks')).map((f) => `tasks/${f}`), 'group_vars/aix.yml', 'group_vars/aixsim.yml'];
  assert.ok(files.length >= 12);
  let altdisk = 0;
  for (const f of files) {
    const p = path.join(dir, f);
    const r = analyze({ uri: p, text: fs.readFileSync(p, 'utf8') }, ws);
    assert.deepEqual(r.findings.map((x) => `${x.range.start.line + 1} ${x.code} ${x.message}`), [], f);
    if (r.usesAltdisk) altdisk++;
  }
  assert.ok(altdisk >= 8, `${altdisk} files use altdisk modules`);
});
