import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { assertFailed, assertOk, msgOf, withModuleHost, type ModuleHost } from '../helpers/modules.js';

// The faults aixsim injects (aixsim fault <dir> <step>): the module fails with AIX's own message
// in msg, rootvg is untouched, and a rerun, altdisk.aix.cleanup, altdisk.aix.phase or force: true
// brings the host where the task wanted it. The recovery is checked before the exact wording, so a
// wording bug does not hide whether the host recovers.

function customScript(h: ModuleHost): string {
  const file = path.join(h.scratch(), 'custom.sh');
  fs.writeFileSync(file, '#!/bin/sh\nexit 0\n', { mode: 0o755 });
  return file;
}

test('fault phase1-space: 0516-404 allocp comes back, nothing is left, a rerun succeeds', () =>
  withModuleHost([], async (h) => {
    const root = h.lspvLine('hdisk0');
    h.sim('fault', 'phase1-space');
    const failed = await h.module('clone', { targets: ['hdisk1'] });
    assertFailed(failed);
    assert.equal(failed.json.rc, 1);
    assert.equal(failed.json.altinst_state, 'none');
    assert.deepEqual(failed.json.bootlist, ['hdisk0']);
    assert.equal(h.lspvLine('hdisk0'), root, 'rootvg untouched');
    assert.match(h.lspvLine('hdisk1'), /^hdisk1\s+\S+\s+None\s*$/);
    assert.match(msgOf(failed), /Nothing was left behind: fix the cause and run the task again\.$/);

    const rerun = await h.module('clone', { targets: ['hdisk1'] });
    assertOk(rerun, 'the rerun');
    assert.equal(rerun.json.altinst_state, 'complete');

    // alt_disk_copy prints mklv's allocp lines on stdout and only its own summary on stderr [V peer §7, #278].
    assert.match(msgOf(failed), /^alt_disk_copy failed \(rc 1\) while trying to clone rootvg to hdisk1: /);
    assert.match(msgOf(failed), /0516-404 allocp: This system cannot fulfill the allocation request\./, 'the AIX message number is in msg');
  }));

test('fault phase2-script: the script failure comes back, phase 1 is left, altdisk.aix.phase finishes it', () =>
  withModuleHost([], async (h) => {
    const root = h.lspvLine('hdisk0');
    const script = customScript(h);
    h.sim('fault', 'phase2-script');
    const failed = await h.module('clone', { targets: ['hdisk1'], script });
    const msg = assertFailed(failed);
    assert.match(msg, /^alt_disk_copy failed \(rc 1\) while trying to clone rootvg to hdisk1: /);
    assert.ok(msg.includes(`alt_disk_copy: The customization script ${script} failed with return code 1.\n`), msg);
    assert.ok(
      msg.endsWith(
        '\nLeft behind: an unfinished altinst_rootvg on hdisk1 (phase 1 done, /alt_inst still mounted). Run the remaining phases (altdisk.aix.phase) once the cause is fixed, or remove it (altdisk.aix.cleanup); a rerun with force: true starts over.',
      ),
      msg,
    );
    assert.equal(failed.json.changed, true, 'phase 1 did change the host');
    assert.equal(failed.json.altinst_state, 'phase1');
    assert.equal(h.lspvLine('hdisk0'), root);

    const rerun = await h.module('clone', { targets: ['hdisk1'], script });
    assert.match(assertFailed(rerun), /^this host already has an unfinished altinst_rootvg on hdisk1 .* Finish it with altdisk\.aix\.phase \(phase: "23"\)/);
    const finished = await h.module('phase', { phase: '23', script });
    assertOk(finished);
    assert.equal(finished.json.altinst_state, 'complete');
    assert.deepEqual(finished.json.bootlist, ['hdisk1']);
    const done = await h.module('clone', { targets: ['hdisk1'], script });
    assertOk(done);
    assert.equal(done.json.changed, false);
  }));

test('fault bootlist (class 4): the clone is complete but the boot list is not set; the advice is to run it again, and the rerun sets the boot list and nothing else', () =>
  withModuleHost([], async (h) => {
    const root = h.lspvLine('hdisk0');
    h.sim('fault', 'bootlist');
    const failed = await h.module('clone', { targets: ['hdisk1'] });
    const msg = assertFailed(failed);
    assert.match(msg, /^alt_disk_copy failed \(rc 1\) while trying to clone rootvg to hdisk1: /);
    assert.ok(msg.includes('\nalt_disk_copy: bootlist failed to set the boot disk hdisk1.\n'), msg);
    assert.ok(
      msg.endsWith(
        '\nPhase 3 finished: a complete altinst_rootvg on hdisk1, but the normal boot list was not set to hdisk1. Run this task again (it sets the boot list and nothing else), or set it with altdisk.aix.bootlist (normal: [hdisk1]).',
      ),
      msg,
    );
    assert.doesNotMatch(msg, /Remove it/);
    assert.equal(failed.json.altinst_state, 'complete');
    assert.deepEqual(failed.json.bootlist, ['hdisk0']);
    assert.equal(h.lspvLine('hdisk0'), root);

    const mark = h.mark();
    const rerun = await h.module('clone', { targets: ['hdisk1'] });
    assertOk(rerun);
    assert.equal(rerun.json.changed, true);
    assert.deepEqual(h.mutatingSince(mark), [['bootlist', '-m', 'normal', 'hdisk1']]);
    assert.match(msgOf(rerun), /failed at the boot-list step: the normal boot list is set to hdisk1/);
    assert.equal(h.run('bootlist', '-m', 'normal', '-o').stdout.split('\n')[0], 'hdisk1 blv=hd5 pathid=0');
    const again = await h.module('clone', { targets: ['hdisk1'] });
    assert.equal(again.json.changed, false, 'then nothing is left to do');
  }));

test('fault bootlist on the bootlist module: the NVRAM message comes back, the rerun sets the list', () =>
  withModuleHost([], async (h) => {
    h.sim('fault', 'bootlist');
    const failed = await h.module('bootlist', { normal: ['hdisk0', 'hdisk1'] });
    assert.match(assertFailed(failed), /^bootlist failed \(rc 1\) while trying to set the normal boot list: bootlist: /);
    const aix = (failed.json.stderr_lines as string[])[0]!;
    assert.match(aix, /^bootlist: /);
    assert.ok(msgOf(failed).includes(aix), 'what bootlist printed on stderr is in msg');
    assert.deepEqual(
      (failed.json.bootlist as { normal: { device: string }[] }).normal.map((e) => e.device),
      ['hdisk0'],
      'the answer shows the list as it is after the failure',
    );
    const rerun = await h.module('bootlist', { normal: ['hdisk0', 'hdisk1'] });
    assertOk(rerun);
    assert.equal(rerun.json.changed, true);
  }));

test('fault crash-between-phases (class 1): rc 137 comes back, the copy is called half-made (never phase 1 done), a rerun with force: true starts over', () =>
  withModuleHost([], async (h) => {
    const root = h.lspvLine('hdisk0');
    h.sim('fault', 'crash-between-phases');
    const failed = await h.module('clone', { targets: ['hdisk1'] });
    assert.match(assertFailed(failed), /^alt_disk_copy failed \(rc 137\) while trying to clone rootvg to hdisk1: /);
    assert.match(msgOf(failed), /\nLeft behind: a half-made altinst_rootvg on hdisk1 \(.*alt_disk_copy ended with rc 137.*\), which cannot boot\. It must not be continued or booted/);
    assert.equal(failed.json.rc, 137);
    assert.equal(failed.json.altinst_state, 'incomplete');
    const phase3 = await h.module('phase', { phase: '3' });
    assert.match(assertFailed(phase3), /phase 3 does not continue a half-made copy/);
    assert.equal(h.lspvLine('hdisk0'), root);

    const mark = h.mark();
    const forced = await h.module('clone', { targets: ['hdisk1'], force: true });
    assertOk(forced);
    assert.deepEqual(h.mutatingSince(mark), [
      ['alt_rootvg_op', '-X', 'altinst_rootvg'],
      ['alt_disk_copy', '-d', 'hdisk1'],
    ]);
    assert.equal(forced.json.altinst_state, 'complete');
    assert.equal(h.lspvLine('hdisk0'), root);
  }));

test('fault bosboot: the bosboot failure comes back, cleanup removes what is left, the clone succeeds again', () =>
  withModuleHost([], async (h) => {
    h.sim('fault', 'bosboot');
    const failed = await h.module('clone', { targets: ['hdisk1'] });
    const msg = assertFailed(failed);
    assert.match(msg, /^alt_disk_copy failed \(rc 1\) while trying to clone rootvg to hdisk1: /);
    assert.ok(msg.includes('alt_disk_copy: bosboot failed to build the boot image on hdisk1.\n'), msg);
    assert.equal(failed.json.altinst_state, 'phase1');
    assertOk(await h.module('cleanup', {}));
    const again = await h.module('clone', { targets: ['hdisk1'] });
    assertOk(again);
    assert.equal(again.json.altinst_state, 'complete');
  }));

test('fault disk-gone: the I/O error comes back, and the answer does not claim the clone it did not make', () =>
  withModuleHost([], async (h) => {
    const root = h.lspvLine('hdisk0');
    h.sim('fault', 'disk-gone', 'hdisk1', '--during', 'alt_disk_copy');
    const failed = await h.module('clone', { targets: ['hdisk1'] });
    const msg = assertFailed(failed);
    assert.match(msg, /^alt_disk_copy failed \(rc 1\) while trying to clone rootvg to hdisk1: /);
    assert.ok(msg.includes('alt_disk_copy: An I/O error occurred writing to hdisk1; the restore did not complete.\n'), msg);
    assert.equal(h.lspvLine('hdisk0'), root, 'rootvg untouched');
    assert.notEqual(failed.json.altinst_state, 'complete', 'a failed clone must not be reported complete');
    assert.notDeepEqual(failed.json.bootlist, ['hdisk1'], 'the boot list was not pointed at the failed disk');
  }));

test('fault disk-gone: cleanup removes the half-made clone, and a clone to another disk succeeds', () =>
  withModuleHost([], async (h) => {
    h.sim('fault', 'disk-gone', 'hdisk1', '--during', 'alt_disk_copy');
    assertFailed(await h.module('clone', { targets: ['hdisk1'] }));
    const cleanup = await h.module('cleanup', {});
    assertOk(cleanup, 'cleanup after the disk went away');
    const other = await h.module('clone', { targets: ['hdisk2'] });
    assertOk(other, 'a clone to hdisk2 while hdisk1 is gone');
    assert.equal(other.json.altinst_state, 'complete');
    const facts = await h.module('facts', {});
    assertOk(facts, 'facts while a disk is gone');
  }));
