import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { AIXSIM, aixsim, newHost, outputLines, tmpDir, type Run, type SimHost } from '../helpers/sim.js';
import { runModuleBundle } from '../helpers/modules.js';
import { initHost } from '../../simulator/src/cli/init.js';
import { availableCommands, COMMANDS } from '../../simulator/src/commands/registry.js';

// Each simulated command is its own small executable (<host>/lib/commands/<name>.cjs, linked as
// <host>/bin/<name>), so that it starts nearly as fast as Node (bench/sim-command.mjs). These tests
// hold it to the multicall program it stands in for: the same answers, state, call log and process
// table, wherever it is called from.

const COMMANDS_DIR = path.join(path.dirname(AIXSIM), 'commands');

/** A host whose commands all link to the multicall aixsim.cjs (the layout before, AIXSIM_LINK=multicall). */
function multicallHost(...options: string[]): SimHost {
  process.env.AIXSIM_LINK = 'multicall';
  try {
    return newHost(...options);
  } finally {
    delete process.env.AIXSIM_LINK;
  }
}

/** What may differ between two runs of the same command: times, dates, process ids and start times. */
function normalized(text: string): string {
  return text
    .replace(/"(at|time|since|startedAt|start|pid|ppid|ms)": ?("[^"]*"|\d+|null)/g, '"$1": _')
    .replace(/[A-Z][a-z]{2} [ \d]\d \d\d:\d\d/g, 'DATE')
    .replace(/^( +root) +\d+ +\d+ +(\d+) \d\d:\d\d:\d\d/gm, '$1 PID PPID $2 STIME');
}

const runOf = (r: Run) => ({ rc: r.rc, stdout: normalized(r.stdout), stderr: normalized(r.stderr) });

test('every command has its own executable, and aixsim init links <host>/bin to the host\'s copy of it', () => {
  const built = fs.readdirSync(COMMANDS_DIR).filter((f) => f.endsWith('.cjs')).map((f) => f.slice(0, -4)).sort();
  assert.deepEqual(built, Object.keys(COMMANDS).sort());
  for (const [profile, generation] of [['aix73', 'modern'], ['aix43', 'legacy']] as const) {
    const h = newHost('--profile', profile);
    try {
      assert.deepEqual(fs.readdirSync(path.join(h.dir, 'bin')).sort(), availableCommands(generation));
      for (const name of availableCommands(generation)) {
        assert.equal(fs.readlinkSync(path.join(h.dir, 'bin', name)), `../lib/commands/${name}.cjs`);
        const copy = path.join(h.dir, 'lib', 'commands', `${name}.cjs`);
        assert.ok(fs.readFileSync(copy).equals(fs.readFileSync(path.join(COMMANDS_DIR, `${name}.cjs`))), `${name}: the host holds the build's executable`);
        assert.equal(fs.statSync(copy).mode & 0o111, 0o111, `${name} is executable`);
      }
      assert.deepEqual(fs.readdirSync(path.join(h.dir, 'lib', 'commands')).sort(), availableCommands(generation).map((n) => `${n}.cjs`));
    } finally {
      h.cleanup();
    }
  }
});

test('a query command\'s executable carries its own code only: no alt-disk operations, no child_process or crypto', () => {
  const multicall = fs.statSync(AIXSIM).size;
  for (const name of ['lspv', 'lsvg', 'lslv', 'getconf', 'bootinfo', 'bootlist', 'oslevel', 'lslpp', 'lsdev', 'lsattr', 'getlvodm', 'lqueryvg', 'mount']) {
    const text = fs.readFileSync(path.join(COMMANDS_DIR, `${name}.cjs`), 'utf8');
    assert.ok(!/require\("node:(child_process|crypto)"\)/.test(text), `${name} loads child_process or crypto`);
    assert.ok(!text.includes('function altDiskCopy('), `${name} carries alt_disk_copy`);
    assert.ok(text.length < multicall / 4, `${name}: ${text.length} bytes against ${multicall} for the multicall program`);
  }
});

// Reads, changes (a clone, its wake-up and sleep, boot lists, VG changes), refusals and usage errors:
// each answered, logged and left in state.json the same by both layouts.
const SCENARIO: string[][] = [
  ['lspv'],
  ['lsvg', '-l', 'rootvg'],
  ['lslv', 'hd5'],
  ['getlvodm', '-j', 'hdisk0'],
  ['getconf', 'DISK_SIZE', '/dev/hdisk1'],
  ['bootinfo', '-s', 'hdisk1'],
  ['bootlist', '-m', 'normal', '-o'],
  ['oslevel', '-s'],
  ['lslpp', '-lc', 'bos.rte'],
  ['lsdev', '-Cc', 'disk'],
  ['lsattr', '-El', 'hdisk0'],
  ['mount'],
  ['lqueryvg', '-p', 'hdisk0', '-At'],
  ['lsmksysb'],
  ['ps', '-ef'],
  ['chpv', '-c', 'hdisk1'],
  ['varyoffvg', 'datavg'],
  ['varyonvg', 'datavg'],
  ['exportvg'],
  ['reducevg'],
  ['bosboot', '-ad', '/dev/hdisk0'],
  ['alt_disk_mksysb'],
  ['alt_disk_install'],
  ['alt_disk_copy', '-d', 'hdisk1'],
  ['alt_rootvg_op', '-W', '-d', 'hdisk1'],
  ['alt_rootvg_op', '-S'],
  ['bootlist', '-m', 'normal', 'hdisk1', 'hdisk0'],
  ['lspv'],
  ['lsvg'],
];

test('each command answers, logs and changes the host the same through its own executable as through the multicall program', () => {
  assert.deepEqual([...new Set(SCENARIO.map((argv) => argv[0]!))].sort(), Object.keys(COMMANDS).sort(), 'the scenario runs every command');
  const own = newHost('--speed', 'instant');
  const multi = multicallHost('--speed', 'instant');
  try {
    assert.equal(fs.readlinkSync(path.join(multi.dir, 'bin', 'lspv')), '../lib/aixsim.cjs');
    for (const argv of SCENARIO) {
      const [name, ...args] = argv as [string, ...string[]];
      const a = own.run(name, ...args);
      const b = multi.run(name, ...args);
      assert.deepEqual(runOf(a), runOf(b), argv.join(' '));
      assert.equal(normalized(own.stateText()), normalized(multi.stateText()), `state.json after ${argv.join(' ')}`);
    }
    const calls = (h: SimHost) => h.calls().map((c) => [c.argv, c.rc]);
    assert.deepEqual(calls(own), calls(multi));
    assert.deepEqual(own.calls().map((c) => c.argv), SCENARIO);
    assert.deepEqual(fs.readdirSync(path.join(own.dir, 'run')), [], 'every command left the process table');
  } finally {
    own.cleanup();
    multi.cleanup();
  }
});

test('a command reached through a link from another folder, or from a bare environment, runs on its own host', () => {
  const h = newHost();
  const elsewhere = tmpDir('altdisk-test-links-');
  try {
    const expected = h.run('lspv');
    assert.equal(expected.rc, 0);
    fs.symlinkSync(path.join(h.dir, 'bin', 'lspv'), path.join(elsewhere, 'lspv'));
    fs.symlinkSync('lspv', path.join(elsewhere, 'disks'));
    for (const link of ['./lspv', './disks', path.join(elsewhere, 'lspv')]) {
      const r = spawnSync(link, [], { cwd: elsewhere, encoding: 'utf8' });
      assert.deepEqual([r.status, r.stdout, r.stderr], [0, expected.stdout, ''], link);
    }
    // What a shell script or Ansible's command module does: a bare environment, the host's bin/ on PATH.
    const bare = spawnSync('env', ['-i', `PATH=${h.dir}/bin:${path.dirname(process.execPath)}:/usr/bin:/bin`, 'lspv'], { cwd: '/', encoding: 'utf8' });
    assert.deepEqual([bare.status, bare.stdout, bare.stderr], [0, expected.stdout, '']);
    const ps = spawnSync('env', ['-i', `PATH=${h.dir}/bin:${path.dirname(process.execPath)}:/usr/bin:/bin`, 'ps', '-ef'], { cwd: elsewhere, encoding: 'utf8' });
    assert.equal(ps.status, 0, ps.stderr);
    assert.match(outputLines(ps.stdout)[1]!, new RegExp(` ${ps.pid} .* /usr/bin/ps -ef$`), 'ps lists itself, registered on its host');
    const calls = h.calls();
    assert.deepEqual(calls.map((c) => c.argv), [['lspv'], ['lspv'], ['lspv'], ['lspv'], ['lspv'], ['ps', '-ef']], 'every call is logged on the host');
    assert.equal(calls.at(-1)!.pid, ps.pid);
    assert.deepEqual(fs.readdirSync(elsewhere).sort(), ['disks', 'lspv'], 'nothing written where the link is');
  } finally {
    h.cleanup();
    fs.rmSync(elsewhere, { recursive: true, force: true });
  }
});

test('a simulator without per-command executables beside it links every command to itself, and they all run', () => {
  const alone = tmpDir('altdisk-test-alone-');
  try {
    const program = path.join(alone, 'aixsim.cjs');
    fs.copyFileSync(AIXSIM, program);
    const { dir } = initHost([path.join(alone, 'host')], program);
    assert.equal(fs.existsSync(path.join(dir, 'lib', 'commands')), false);
    for (const name of availableCommands('modern')) assert.equal(fs.readlinkSync(path.join(dir, 'bin', name)), '../lib/aixsim.cjs');
    const r = spawnSync(path.join(dir, 'bin', 'bootlist'), ['-m', 'normal', '-o'], { encoding: 'utf8' });
    assert.deepEqual([r.status, outputLines(r.stdout)[0], r.stderr], [0, 'hdisk0 blv=hd5 pathid=0', '']);
  } finally {
    fs.rmSync(alone, { recursive: true, force: true });
  }
});

test('the host\'s aixsim starts a host of its own with the same layout (the host\'s lib/ mirrors the build)', () => {
  const h = newHost();
  const second = path.join(path.dirname(h.dir), 'second');
  try {
    const r = spawnSync(process.execPath, [path.join(h.dir, 'lib', 'aixsim.cjs'), 'init', second], { encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    assert.equal(fs.readlinkSync(path.join(second, 'bin', 'lsvg')), '../lib/commands/lsvg.cjs');
    const lsvg = spawnSync(path.join(second, 'bin', 'lsvg'), [], { encoding: 'utf8' });
    assert.deepEqual([lsvg.status, lsvg.stdout], [0, 'rootvg\ndatavg\n']);
  } finally {
    h.cleanup();
  }
});

test('a twin made from a host\'s facts (aixsim init --from-facts) gets the per-command executables, and they answer as the host does', async () => {
  const h = newHost('--speed', 'instant');
  const twin = path.join(path.dirname(h.dir), 'twin');
  try {
    const facts = await runModuleBundle('facts', {}, { simDir: h.dir });
    assert.equal(facts.rc, 0, facts.stderr);
    const saved = path.join(path.dirname(h.dir), 'facts.json');
    fs.writeFileSync(saved, facts.stdout);
    const r = aixsim(['init', twin, '--from-facts', saved]);
    assert.equal(r.rc, 0, r.stderr);
    for (const name of availableCommands('modern')) assert.equal(fs.readlinkSync(path.join(twin, 'bin', name)), `../lib/commands/${name}.cjs`);
    for (const argv of [['lspv'], ['lsvg', '-l', 'rootvg'], ['bootlist', '-m', 'normal', '-o']]) {
      const a = spawnSync(path.join(h.dir, 'bin', argv[0]!), argv.slice(1), { encoding: 'utf8' });
      const b = spawnSync(path.join(twin, 'bin', argv[0]!), argv.slice(1), { encoding: 'utf8' });
      assert.deepEqual([b.status, b.stdout, b.stderr], [a.status, a.stdout, a.stderr], argv.join(' '));
    }
    assert.deepEqual(fs.readdirSync(path.join(twin, 'run')), [], 'the twin\'s commands left its process table');
  } finally {
    h.cleanup();
    fs.rmSync(twin, { recursive: true, force: true });
  }
});
