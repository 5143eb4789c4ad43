import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { cli, lines, scratchDir, withHost } from '../helpers/altdisk.js';
import { groundTruth } from '../helpers/ground-truth.js';
import { runAndKill } from '../helpers/kill.js';

// Fault scoping (runtime/faults.ts): an armed fault belongs to the next operation that can reach its
// step; it fires there, or is cleared when that operation ends (or dies) without reaching it. It never
// waits for an unrelated later command. bosboot fires for mksysb installs too.

test('bosboot fires for an mksysb install: the boot image is not built, the copy stays in its post-phase-1 state; -P 3 finishes it', () =>
  withHost([], (h) => {
    const file = path.join(scratchDir(), 'img.mksysb');
    assert.equal(cli(h, 'mksysb', file).rc, 0);
    assert.equal(cli(h, 'fault', 'bosboot').rc, 0);
    const r = h.run('alt_disk_mksysb', '-m', file, '-d', 'hdisk1');
    assert.equal(r.rc, 1);
    assert.equal(r.stderr, 'bosboot: Unable to write the boot image to /dev/hdisk1.\nalt_disk_mksysb: bosboot failed to build the boot image on hdisk1.\n');
    assert.equal(lines(r.stdout).at(-1), 'Linking to 64bit kernel.', 'no line of its own before it fails [V §7.1]');
    const copy = groundTruth(h.dir).copies[0]!;
    assert.deepEqual([copy.state, copy.bootDisk, copy.boot.ok], ['phase1-mounted', null, false]);
    assert.equal(cli(h, 'fault', '--list').stdout, '', 'used up');
    const finish = h.run('alt_disk_mksysb', '-m', file, '-d', 'hdisk1', '-P', '3');
    assert.equal(finish.rc, 0, finish.stderr);
    assert.deepEqual(
      groundTruth(h.dir).copies.map((c) => [c.state, c.bootDisk, c.boot.ok]),
      [['complete', 'hdisk1', true]],
    );
  }));

test('a fault the operation that takes it does not reach is cleared with it, never left for an unrelated later command', () =>
  withHost([], (h) => {
    // bootlist armed: queries and operations that cannot reach it leave it; a clone with -B takes it
    // (phase 3 is where the bootlist step is) and, having no bootlist step, clears it.
    assert.equal(cli(h, 'fault', 'bootlist').rc, 0);
    assert.equal(h.run('lspv').rc, 0);
    assert.equal(h.run('alt_rootvg_op', '-q', '-d', 'hdisk0').rc, 0);
    assert.equal(h.run('alt_disk_copy', '-d', 'hdisk1', '-P', '1').rc, 0, 'phase 1 alone cannot reach it');
    assert.equal(cli(h, 'fault', '--list').stdout, 'bootlist times=1\n');
    assert.equal(h.run('alt_disk_copy', '-d', 'hdisk1', '-P', '3', '-B').rc, 0);
    assert.equal(cli(h, 'fault', '--list').stdout, '');
    assert.equal(h.run('bootlist', '-m', 'normal', 'hdisk1').rc, 0, 'the later bootlist command is not hit');
    // phase2-script armed: a clone without a script takes it and clears it.
    assert.equal(h.run('alt_rootvg_op', '-X').rc, 0);
    assert.equal(h.run('bootlist', '-m', 'normal', 'hdisk0').rc, 0);
    assert.equal(cli(h, 'fault', 'phase2-script').rc, 0);
    assert.equal(h.run('alt_disk_copy', '-d', 'hdisk1', '-B').rc, 0);
    assert.equal(cli(h, 'fault', '--list').stdout, '');
    // bosboot armed: cleanup and the bootlist command cannot reach it; the next clone's phase 3 fires it.
    assert.equal(cli(h, 'fault', 'bosboot').rc, 0);
    assert.equal(h.run('alt_rootvg_op', '-X').rc, 0);
    assert.equal(h.run('bootlist', '-m', 'normal', 'hdisk0').rc, 0);
    const clone = h.run('alt_disk_copy', '-d', 'hdisk2');
    assert.equal(clone.rc, 1);
    assert.match(clone.stderr, /bosboot failed/);
    assert.deepEqual(groundTruth(h.dir).faults, []);
    const history = (h.state() as { history: { event: string }[] }).history.map((e) => e.event);
    assert.ok(history.some((e) => /fault phase2-script cleared: alt_disk_copy ended without reaching the step/.test(e)));
  }));

test('a fault taken by an operation that is killed goes with it; one that fired with times left is handed on', () =>
  withHost([], async (h) => {
    assert.equal(cli(h, 'fault', 'crash-between-phases').rc, 0);
    const out = await runAndKill(h, { AIXSIM_SPEED: '0.003' }, { afterLines: 5, delayMs: 0, signal: 'SIGKILL', group: false }, 'alt_disk_copy', '-d', 'hdisk1');
    assert.equal(out.signal, 'SIGKILL');
    assert.match(cli(h, 'fault', '--list').stdout, /^crash-between-phases times=1 \(taken by alt_disk_copy, process \d+\)\n$/);
    assert.equal(h.run('alt_rootvg_op', '-X').rc, 0);
    assert.equal(h.run('alt_disk_copy', '-d', 'hdisk1', '-B').rc, 0, 'its operation died: the fault is gone');
    assert.equal(cli(h, 'fault', '--list').stdout, '');
    // crash-between-phases --times 2: fires, the process dies, the next clone gets it too.
    assert.equal(h.run('alt_rootvg_op', '-X').rc, 0);
    assert.equal(cli(h, 'fault', 'crash-between-phases', '--times', '2').rc, 0);
    assert.equal(h.run('alt_disk_copy', '-d', 'hdisk1').rc, 137);
    assert.equal(h.run('alt_rootvg_op', '-X').rc, 0);
    assert.equal(h.run('alt_disk_copy', '-d', 'hdisk1').rc, 137);
    assert.equal(cli(h, 'fault', '--list').stdout, '');
  }));

test('disk-gone --during names the command that takes it', () =>
  withHost([], (h) => {
    assert.equal(cli(h, 'fault', 'disk-gone', 'hdisk1', '--during', 'alt_disk_mksysb').rc, 0);
    assert.equal(h.run('alt_disk_copy', '-d', 'hdisk1', '-B').rc, 0, 'a clone is not an mksysb install');
    assert.equal(cli(h, 'fault', '--list').stdout, 'disk-gone hdisk1 times=1 during=alt_disk_mksysb\n');
  }));
