import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  assertFailed,
  assertOk,
  moduleBundle,
  msgOf,
  newModuleHost,
  oneJsonLine,
  spawnModule,
  runModuleBundle,
  withModuleHost,
  type ModuleAnswer,
} from '../helpers/modules.js';
import { ROOT, tmpDir } from '../helpers/sim.js';

// The module protocol, through the bundled files: where arguments come from, Ansible's internal
// keys, exactly one ASCII JSON object on stdout whatever happens (a 64 KiB+ answer, a crash),
// exit codes, and what happens without a host.

const COPY = '/usr/sbin/alt_disk_copy';
const CLONE_NO_BOOTLIST = [[COPY, '-d', 'hdisk1', '-B']];

function noResultsKey(a: ModuleAnswer): void {
  assert.ok(!('results' in a.json), 'no top-level results key (Ansible would treat the answer as a loop)');
}

test('protocol: the same task as JSON on stdin, a WANT_JSON args file, key=value words, and an old-style args file', () =>
  withModuleHost([], async (h) => {
    const state = h.stateText();
    const args = { targets: ['hdisk1'], bootlist: false, _ansible_check_mode: true };
    const viaStdin = await h.module('clone', args);
    const viaFile = await h.module('clone', args, { via: 'args-file' });
    const viaWords = await h.module('clone', {}, { argvWords: ['targets=hdisk1', 'bootlist=no', '_ansible_check_mode=true'] });
    const oldStyle = path.join(h.scratch(), 'args');
    fs.writeFileSync(oldStyle, "targets='hdisk1' bootlist=no _ansible_check_mode=True\n");
    const viaOldFile = await h.module('clone', {}, { argvWords: [oldStyle] });
    const viaStdinWords = await h.module('clone', {}, { stdinText: 'targets=hdisk1 bootlist=false _ansible_check_mode=true' });
    const viaAsyncWrapper = await h.module('clone', {}, { argvWords: ['_'], stdinText: JSON.stringify(args) });
    for (const [how, a] of Object.entries({ viaStdin, viaFile, viaWords, viaOldFile, viaStdinWords, viaAsyncWrapper })) {
      assertOk(a, how);
      assert.equal(a.json.changed, true, `${how}: ${JSON.stringify(a.json).slice(0, 400)}`);
      assert.deepEqual(a.json.commands, CLONE_NO_BOOTLIST, how);
      assert.deepEqual((a.json.invocation as { module_args: Record<string, unknown> }).module_args.targets, ['hdisk1'], how);
      noResultsKey(a);
    }
    assert.deepEqual(h.mutatingSince(0), [], 'check mode in every form');
    assert.equal(h.stateText(), state);
  }));

test('protocol: check mode written as a key=value word is honoured in every boolean spelling (yes, 1, on)', () =>
  withModuleHost([], async (h) => {
    const state = h.stateText();
    for (const spelling of ['yes', '1', 'on', 'True']) {
      const a = await h.module('clone', {}, { argvWords: ['targets=hdisk1', `_ansible_check_mode=${spelling}`] });
      assert.deepEqual(h.mutatingSince(0), [], `_ansible_check_mode=${spelling} ran a command that changes the host: ${msgOf(a)}`);
      assert.match(msgOf(a), /^check mode: would run alt_disk_copy/, spelling);
    }
    assert.equal(h.stateText(), state);
  }));

test('protocol: Ansible internal keys are honoured or ignored, never rejected', () =>
  withModuleHost([], async (h) => {
    const a = await h.module('clone', {
      targets: ['hdisk1'],
      _ansible_check_mode: 'True',
      _ansible_diff: true,
      _ansible_verbosity: 'not a number',
      _ansible_no_log: false,
      _ansible_debug: false,
      _ansible_module_name: 'altdisk.aix.clone',
      _ansible_tmpdir: '/tmp/whatever',
      _ansible_remote_tmp: '~/.ansible/tmp',
      _ansible_keep_remote_files: false,
      _ansible_socket: null,
      _ansible_string_conversion_action: 'warn',
      _ansible_selinux_special_fs: ['nfs'],
      _ansible_shell_executable: '/bin/sh',
      _ansible_target_log_info: null,
      _ansible_some_future_key: { nested: [1, 2] },
    });
    assertOk(a);
    assert.deepEqual(a.json.commands, [[COPY, '-d', 'hdisk1']], 'the string "True" turns check mode on');
    assert.equal(typeof (a.json.diff as Record<string, unknown>).before, 'string', '_ansible_diff is honoured');
    assert.ok(a.json.invocation, 'invocation.module_args is returned when no_log is off');
    assert.deepEqual(h.mutatingSince(0), []);
    for (const key of Object.keys(a.json)) assert.ok(!key.startsWith('_ansible_'), `no ${key} in the answer`);

    const secret = await h.module('clone', { targets: ['hdisk1'], _ansible_check_mode: true, _ansible_no_log: true });
    assertOk(secret);
    assert.equal(secret.json.invocation, undefined, '_ansible_no_log: no invocation echoed back');
  }));

test('protocol: non-ASCII in a message is \\u-escaped on stdout (U+2028, U+0085, emoji, accents)', async () => {
  const a = await runModuleBundle('clone', { 'ünknown': 1, targets: ['hdisk1\u2028', 'hd\u0085isk2', '\u{1F600}'] }, { simDir: null });
  const msg = assertFailed(a);
  assert.ok(a.stdout.includes('unsupported option \\"\\u00fcnknown\\"'), a.stdout.slice(0, 300));
  assert.ok(a.stdout.includes('hdisk1\\u2028'), 'U+2028 is escaped');
  assert.ok(a.stdout.includes('hd\\u0085isk2'), 'U+0085 is escaped');
  assert.ok(a.stdout.includes('\\ud83d\\ude00'), 'an emoji is escaped as its surrogate pair');
  assert.ok(msg.includes('"ünknown"') && msg.includes('hdisk1\u2028'), 'and the parsed message has the characters back');
  assert.ok([...Buffer.from(a.stdout, 'latin1')].every((b) => b < 0x7f), 'no raw byte >= 0x7f on stdout');
});

test('protocol: a failure answer far over 64 KiB arrives whole through a slow pipe (a verbose clone whose script failed)', () =>
  withModuleHost([], async (h) => {
    // Refusals of bad input are small by design (issue 8, class 6): a failed verbose clone is what answers at length.
    const filler = path.join(h.dir, 'root', 'usr', 'share', 'altdisk-filler');
    fs.mkdirSync(filler, { recursive: true });
    for (let i = 0; i < 2500; i++) fs.writeFileSync(path.join(filler, `message-catalogue-${String(i).padStart(5, '0')}.cat`), '');
    h.sim('fault', 'phase2-script');
    const a = await h.module('clone', { targets: ['hdisk1'], verbose: true, script: h.scratchFile('custom.sh', 0o755) }, { slowReader: true });
    assertFailed(a);
    assert.ok(a.stdout.length > 100 * 1024, `the answer is ${a.stdout.length} bytes`);
    assert.equal((a.json.stdout_lines as string[]).filter((l) => l.includes('altdisk-filler/message-catalogue-')).length, 2500);
  }));

test('protocol: a verbose clone whose stdout_lines exceed 64 KiB arrives whole', () =>
  withModuleHost([], async (h) => {
    // The running image's files are what a clone copies and what -V lists.
    const filler = path.join(h.dir, 'root', 'usr', 'share', 'altdisk-filler');
    fs.mkdirSync(filler, { recursive: true });
    for (let i = 0; i < 2500; i++) fs.writeFileSync(path.join(filler, `message-catalogue-${String(i).padStart(5, '0')}.cat`), '');
    const a = await h.module('clone', { targets: ['hdisk1'], verbose: true }, { slowReader: true });
    assertOk(a);
    assert.deepEqual(a.json.commands, [[COPY, '-d', 'hdisk1', '-V']]);
    const lines = a.json.stdout_lines as string[];
    assert.ok(a.stdout.length > 100 * 1024, `the answer is ${a.stdout.length} bytes`);
    assert.equal(lines.filter((l) => l.includes('altdisk-filler/message-catalogue-')).length, 2500, 'every listed file is in stdout_lines');
    assert.equal(lines.at(-1), 'Bootlist is set to the boot disk: hdisk1 blv=hd5', 'down to the last line');
  }));

test('protocol: a host whose state.json is garbage still gives one JSON object, failed, exit 1', async () => {
  const h = newModuleHost();
  try {
    fs.writeFileSync(path.join(h.dir, 'state.json'), '{"this is": not json at all\u0000\u00ff');
    for (const name of ['clone', 'facts', 'bootlist'] as const) {
      const a = await h.module(name, name === 'clone' ? { targets: ['hdisk1'] } : {});
      assert.match(assertFailed(a), /^could not read the state of the simulated host /, name);
      noResultsKey(a);
    }
  } finally {
    h.cleanup();
  }
});

test('protocol: commands that die or print nonsense give one JSON object naming the command', async () => {
  const h = newModuleHost();
  try {
    const lspv = path.join(h.dir, 'bin', 'lspv');
    fs.rmSync(lspv);
    fs.writeFileSync(lspv, '#!/bin/sh\nprintf "\\377\\376 garbage \\342\\200\\250 line\\n"\nkill -SEGV $$\n', { mode: 0o755 });
    const a = await h.module('facts', {});
    assert.match(assertFailed(a), /^could not read the state of the simulated host .*\/usr\/sbin\/lspv/);
  } finally {
    h.cleanup();
  }
});

test('protocol: arguments that are not a mapping, or not readable, fail with one JSON object', async () => {
  const dir = tmpDir('altdisk-protocol-');
  try {
    const cases: [string, Parameters<typeof runModuleBundle>[2], RegExp][] = [
      ['a JSON list', { stdinText: '["targets", "hdisk1"]' }, /^clone: the arguments in standard input must be a JSON object of option names and values$/],
      ['a JSON string', { stdinText: '"hdisk1"' }, /^clone: the arguments in standard input: "hdisk1" is not a key=value argument/],
      ['broken JSON', { stdinText: '{"targets": ["hdisk1"' }, /^clone: the arguments in standard input are not valid JSON: /],
      ['a word without =', { argvWords: ['targets=hdisk1', 'reboot'] }, /^clone: the command-line arguments: "reboot" is not a key=value argument/],
      ['unbalanced quotes', { stdinText: "targets='hdisk1" }, /^clone: the arguments in standard input: unbalanced ' quote/],
      ['a missing args file', { argvWords: [path.join(dir, 'missing.json')] }, /^clone: cannot read the arguments file .*: ENOENT$/],
      ['a folder as args file', { argvWords: [dir] }, /^clone: cannot read the arguments file .*: EISDIR$/],
    ];
    for (const [what, opts, re] of cases) {
      const a = await runModuleBundle('clone', null, { ...opts, simDir: null });
      assert.match(assertFailed(a), re, what);
      assert.equal(a.json.changed, false, what);
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('protocol: without ALTDISK_SIM_HOST on Linux, a clear failure (after the arguments are checked)', async () => {
  const a = await runModuleBundle('clone', { targets: ['hdisk1'] }, { simDir: null });
  assert.equal(
    assertFailed(a),
    'altdisk modules run on AIX, and this host is linux. To rehearse on a simulated AIX host, create one with "npx aixsim init <dir>" and set ALTDISK_SIM_HOST=<dir> for the module.',
  );
  const invalid = await runModuleBundle('clone', { targets: ['hdisk1;reboot'] }, { simDir: null });
  assert.match(assertFailed(invalid), /^clone: invalid arguments: targets\[0\]: "hdisk1;reboot" is not a disk name such as hdisk1$/);
  const empty = tmpDir('altdisk-not-a-host-');
  try {
    const notHost = await runModuleBundle('facts', {}, { simDir: empty });
    assert.match(assertFailed(notHost), /^ALTDISK_SIM_HOST=\S+ is not a simulated AIX host \(no state\.json and bin\/ there\)\. Create one with: npx aixsim init /);
  } finally {
    fs.rmSync(empty, { recursive: true, force: true });
  }
});

test('protocol: exit code 0 with changed false / true, 1 on failure; no results key anywhere', () =>
  withModuleHost([], async (h) => {
    const read = await h.module('bootlist', {});
    assert.equal(read.rc, 0);
    assert.equal(read.json.changed, false);
    assert.equal(read.json.failed, undefined, 'a success carries no failed key');
    const planned = await h.check('cleanup', {});
    assert.equal(planned.rc, 0);
    const refused = await h.module('cleanup', { volume_group: 'rootvg' });
    assert.equal(refused.rc, 1);
    assert.equal(refused.json.failed, true);
    for (const a of [read, planned, refused]) noResultsKey(a);
  }));

test('protocol: the Ansible collection file with its arguments embedded (pipelining) runs without stdin or argv', () =>
  withModuleHost([], async (h) => {
    const bundled = path.join(ROOT, 'dist', 'ansible_collections', 'altdisk', 'aix', 'plugins', 'modules', 'clone.js');
    const text = fs.readFileSync(bundled, 'utf8');
    assert.ok(text.includes('//<<INCLUDE_ANSIBLE_MODULE_JSON_ARGS>>'), 'the collection module carries the JSONARGS marker');
    const file = path.join(h.scratch(), 'AnsiballZ_clone.js');
    fs.writeFileSync(file, text.replace('<<INCLUDE_ANSIBLE_MODULE_JSON_ARGS>>', JSON.stringify({ targets: ['hdisk2'], _ansible_check_mode: true })));
    const r = spawnSync(process.execPath, [file], { encoding: 'latin1', env: { ...process.env, ALTDISK_SIM_HOST: h.dir }, input: '' });
    assert.equal(r.status, 0, r.stdout);
    const json = JSON.parse(r.stdout) as Record<string, unknown>;
    assert.deepEqual(json.commands, [[COPY, '-d', 'hdisk2']]);
    assert.ok(fs.existsSync(moduleBundle('clone')));
  }));

test('protocol: keys named after Object.prototype members are unsupported options like any other', () =>
  withModuleHost([], async (h) => {
    const state = h.stateText();
    for (const key of ['__proto__', 'constructor', 'toString', 'hasOwnProperty']) {
      const a = await h.module('facts', {}, { stdinText: `{"${key}": {"targets": ["hdisk9"]}}` });
      assert.equal(a.json.failed, true, `${key}: the module ran as if the key were not there: ${JSON.stringify(a.json.msg)}`);
      assert.match(msgOf(a), new RegExp(`unsupported option "${key}"`), key);
    }
    assert.deepEqual(h.calls(), [], 'nothing ran');
    assert.equal(h.stateText(), state);
  }));

test('protocol: an unknown key set to null is still an unsupported option', () =>
  withModuleHost([], async (h) => {
    const a = await h.module('facts', { no_such_option: null });
    assert.equal(a.json.failed, true, `the unknown key was ignored: ${JSON.stringify(a.json.msg)}`);
    assert.match(msgOf(a), /unsupported option "no_such_option"/);
    assert.deepEqual(h.calls(), []);
  }));

test('protocol: an unknown option of facts (which takes none) is answered with a complete sentence', async () => {
  const a = await runModuleBundle('facts', { gather_subset: 'all' }, { simDir: null });
  const msg = assertFailed(a);
  assert.match(msg, /unsupported option "gather_subset"/);
  assert.doesNotMatch(msg, /accepts: $/, 'the message must not end with an empty list of options');
});

test('protocol: arguments that arrive late on standard input are waited for, never taken as "no arguments"', () =>
  withModuleHost([], async (h) => {
    // The writer is slow (a loaded machine, an ssh channel): the module must block until end of
    // file. Taking the empty pipe for {} would run a module with its defaults.
    const run = (args: Record<string, unknown>, delayMs: number) =>
      new Promise<{ rc: number; stdout: string }>((resolve) => {
        const child = spawnModule('clone', h.dir);
        let stdout = '';
        child.stdout.on('data', (d: Buffer) => (stdout += d.toString('latin1')));
        child.on('close', (code) => resolve({ rc: code ?? -1, stdout }));
        const text = JSON.stringify(args);
        setTimeout(() => child.stdin.write(text.slice(0, 5)), delayMs);
        setTimeout(() => child.stdin.end(text.slice(5)), delayMs * 2);
      });
    const late = await run({ targets: ['hdisk2'], _ansible_check_mode: true }, 400);
    assert.equal(late.rc, 0, late.stdout);
    const json = oneJsonLine(late.stdout);
    assert.deepEqual(json.targets, ['hdisk2']);
    assert.deepEqual(json.commands, [[COPY, '-d', 'hdisk2']]);
  }));
