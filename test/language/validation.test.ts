import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { check, covered, fixed, none, one, only, play } from './helpers.js';

// Validation against the modules' own specs and validators: every kind of error, on the key or value
// it is about, worded as the module words it at run time. Jinja values are never type errors.

const errors = (text: string) => check(text).filter((f) => f.code.startsWith('schema/'));

describe('validation errors, one per kind', () => {
  test('unknown option: on the key, with "did you mean" and a rename fix', () => {
    const text = play('- altdisk.aix.clone:\n    targets: [hdisk1]\n    bootlst: false\n');
    const f = one(text, 'schema/unknown-option');
    assert.equal(covered(text, f.range), 'bootlst');
    assert.match(f.message, /unsupported option "bootlst" \(did you mean bootlist\?\)/);
    assert.equal(f.suppressible, false);
    assert.equal(fixed(text, f), play('- altdisk.aix.clone:\n    targets: [hdisk1]\n    bootlist: false\n'));
  });

  test('wrong type: a literal mapping where a list of disks goes; a list where a boolean goes', () => {
    const text = play('- altdisk.aix.clone:\n    targets: {disk: hdisk1}\n    verbose: [yes]\n');
    const hits = only(text, 'schema/wrong-type');
    assert.deepEqual(hits.map((f) => covered(text, f.range)), ['{disk: hdisk1}', '[yes]']);
    assert.match(hits[0]!.message, /targets: expected a list of disk names such as hdisk1, got a mapping/);
    assert.match(hits[1]!.message, /verbose: expected true or false, got a list/);
  });

  test('missing required: on the module name', () => {
    const text = play('- altdisk.aix.mksysb_install:\n    targets: [hdisk1]\n');
    const f = one(text, 'schema/missing-required');
    assert.equal(covered(text, f.range), 'altdisk.aix.mksysb_install');
    assert.match(f.message, /source: this option is required/);
  });

  test('required one of (targets or disk_size_policy)', () => {
    const text = play('- altdisk.aix.clone:\n    bootlist: false\n');
    assert.match(one(text, 'schema/missing-required').message, /give targets .* or disk_size_policy/);
  });

  test('bad choice: on the value', () => {
    const text = play('- altdisk.aix.clone:\n    targets: [hdisk1]\n    phase: "13"\n');
    const f = one(text, 'schema/bad-choice');
    assert.equal(covered(text, f.range), '"13"');
    assert.match(f.message, /phase: "13" is not one of 1, 2, 3, 12, 23, all/);
  });

  test('mutually exclusive: on the later option', () => {
    const text = play('- altdisk.aix.clone:\n    targets: [hdisk1]\n    disk_size_policy: nearest\n');
    const f = one(text, 'schema/mutually-exclusive');
    assert.equal(covered(text, f.range), 'disk_size_policy');
  });

  test('needs images_location: on the installp option', () => {
    const text = play('- altdisk.aix.clone:\n    targets: [hdisk1]\n    fixes: [IJ12345]\n');
    const f = one(text, 'schema/requires');
    assert.equal(covered(text, f.range), 'fixes');
    assert.match(f.message, /fixes \(-F\) needs images_location \(-l\)/);
  });

  test('full path names: a relative script path, and a bad disk name inside a list (range on the element)', () => {
    const text = play('- altdisk.aix.clone:\n    targets: [hdisk1, disk2]\n    script: scripts/post.sh\n');
    const hits = only(text, 'schema/bad-value');
    assert.deepEqual(hits.map((f) => covered(text, f.range)), ['disk2', 'scripts/post.sh']);
    assert.match(hits[0]!.message, /targets\[1\]: "disk2" is not a disk name such as hdisk1/);
    assert.match(hits[1]!.message, /script: "scripts\/post\.sh" is not a full path name/);
  });

  test('forbidden with the phase, and conflicting values (bootlist/reboot is the hazard rule instead)', () => {
    const text = play('- altdisk.aix.clone:\n    targets: [hdisk1]\n    phase: "3"\n    exclude_list: /etc/exclude\n');
    assert.equal(covered(text, one(text, 'schema/forbidden').range), 'exclude_list');
    const c = play('- altdisk.aix.mksysb_install:\n    source: /mnt/x\n    targets: [hdisk1]\n    import_vg: true\n    no_import: true\n');
    assert.equal(covered(c, one(c, 'schema/mutually-exclusive').range), 'no_import');
  });

  test('nested: an unknown key in a boot list entry mapping', () => {
    const text = play('- altdisk.aix.bootlist:\n    normal:\n      - device: hdisk1\n        blvv: hd5\n      - hdisk0\n');
    const f = one(text, 'schema/unknown-option');
    assert.match(f.message, /normal\[0\]: unknown key "blvv"/);
    assert.equal(covered(text, f.range), 'device: hdisk1\n            blvv: hd5');
  });

  test('an option given twice, by name and alias, is reported only if the spec has aliases (none today): plain duplicates are YAML errors', () => {
    const text = play('- altdisk.aix.clone:\n    targets: [hdisk1]\n    targets: [hdisk2]\n');
    assert.ok(check(text).some((f) => f.code === 'yaml' && /unique/i.test(f.message)));
  });
});

describe('Jinja values', () => {
  test('a templated value is never a type, choice or format error, and rules around it are not judged', () => {
    assert.deepEqual(
      errors(play(`
- altdisk.aix.clone:
    targets: "{{ altdisk_clone_disks }}"
    phase: "{{ phase }}"
    bootlist: "{{ keep | bool }}"
    reboot: true
    bundle: "{{ bundle }}"
`)).map((f) => f.message),
      [],
    );
  });

  test('literal values beside a template are still checked (an element of a list)', () => {
    const text = play('- altdisk.aix.clone:\n    targets: ["{{ first }}", dsk2]\n');
    const f = one(text, 'schema/bad-value');
    assert.equal(covered(text, f.range), 'dsk2');
  });

  test('a templated args: or module_defaults may supply options: no "missing" errors', () => {
    none(play('- altdisk.aix.mksysb_install:\n    targets: [hdisk1]\n  args: "{{ more }}"\n'), 'schema/missing-required');
    none(play('- altdisk.aix.mksysb_install:\n    targets: [hdisk1]\n', '  module_defaults:\n    altdisk.aix.mksysb_install:\n      source: /mnt/x\n'), 'schema/missing-required');
  });
});

describe('how options are written', () => {
  test('key=value words: values typed like Ansible does (yes, 1, comma lists), errors on the word', () => {
    const text = play('- altdisk.aix.clone: targets=hdisk1,hdisk2 bootlist=no verbose=1 phase=7\n');
    const f = one(text, 'schema/bad-choice');
    assert.equal(covered(text, f.range), '7');
    assert.equal(errors(text).length, 1);
  });

  test('args: merged with the module options', () => {
    const text = play('- altdisk.aix.clone:\n    targets: [hdisk1]\n  args:\n    bundle: update_all\n');
    assert.equal(covered(text, one(text, 'schema/requires').range), 'bundle');
  });

  test('action: and local_action:, as a string and as a mapping', () => {
    const text = play(`
- action: altdisk.aix.clone targets=hdisk1 phase=9
- local_action:
    module: altdisk.aix.cleanup
    volume_grup: old_rootvg
`);
    assert.equal(covered(text, one(text, 'schema/bad-choice').range), '9');
    assert.equal(covered(text, one(text, 'schema/unknown-option').range), 'volume_grup');
  });

  test('YAML merge keys: options from an anchor are validated, reported on the merge line', () => {
    const text = play(`
- altdisk.aix.clone: &clone_defaults
    targets: [hdisk1]
    bootlist: false
- altdisk.aix.clone:
    <<: *clone_defaults
    phase: "1"
- altdisk.aix.clone:
    <<: *clone_defaults
    bootlst: true
`);
    assert.deepEqual(check(text).filter((f) => f.code.startsWith('schema/')).map((f) => covered(text, f.range)), ['bootlst']);
    const bad = play('- altdisk.aix.phase: &p\n    phase: "9"\n- altdisk.aix.phase:\n    <<: *p\n');
    assert.deepEqual(only(bad, 'schema/bad-choice').map((f) => covered(bad, f.range)), ['"9"', '*p']);
  });

  test('YAML 1.1 as Ansible reads it: yes/no are booleans, unquoted 1 is a phase', () => {
    assert.deepEqual(errors(play('- altdisk.aix.clone:\n    targets: hdisk1\n    bootlist: no\n    phase: 1\n- altdisk.aix.phase:\n    phase: 23\n')), []);
  });
});

describe('module names', () => {
  test('FQCN, and a short name under the play\'s collections: validated alike', () => {
    one(play('- altdisk.aix.clone:\n    targetz: [hdisk1]\n'), 'schema/unknown-option');
    const text = play('- clone:\n    targetz: [hdisk1]\n', '  collections:\n    - altdisk.aix\n');
    one(text, 'schema/unknown-option');
    none(text, 'module/short-name');
  });

  test('a short name without collections: warning with a safe fix to the FQCN; in a task file, information', () => {
    const text = play('- phase:\n    phase: "3"\n');
    const f = one(text, 'module/short-name');
    assert.equal(f.severity, 'warning');
    assert.equal(f.fixes[0]!.safe, true);
    assert.equal(fixed(text, f), play('- altdisk.aix.phase:\n    phase: "3"\n'));
    assert.equal(one('- phase:\n    phase: "3"\n', 'module/short-name', {}, {}, '/ws/tasks/finish.yml').severity, 'information');
  });

  test('block-level collections resolve short names inside the block', () => {
    none(play('- block:\n    - cleanup:\n  collections: [altdisk.aix]\n'), 'module/short-name');
  });

  test('an unknown altdisk.aix module: did you mean', () => {
    const text = play('- altdisk.aix.clnoe:\n    targets: [hdisk1]\n');
    const f = one(text, 'module/unknown');
    assert.match(f.message, /did you mean altdisk\.aix\.clone\?/);
    assert.equal(fixed(text, f), play('- altdisk.aix.clone:\n    targets: [hdisk1]\n'));
  });

  test('ansible.legacy. and ansible.builtin. forms of command are the same command', () => {
    const text = play('- ansible.legacy.shell: exportvg old_rootvg\n- shell: exportvg altinst_rootvg\n- ansible.builtin.raw: exportvg old_rootvg\n');
    assert.equal(only(text, 'ALTDISK001').length, 3);
  });

  test('two actions in a task (a misspelled keyword): Ansible\'s "conflicting action statements"', () => {
    const text = play('- altdisk.aix.facts:\n  registr: facts\n');
    const f = one(text, 'task/conflicting-actions');
    assert.equal(covered(text, f.range), 'registr');
    assert.match(f.message, /did you mean the keyword register\?/);
  });
});
