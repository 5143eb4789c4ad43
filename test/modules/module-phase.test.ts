import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { assertFailed, assertOk, msgOf, withModuleHost } from '../helpers/modules.js';

// altdisk.aix.phase end to end: continuing the altinst_rootvg a phase-1 clone or mksysb install
// left behind, on a simulated AIX 7.3 host.

const COPY = '/usr/sbin/alt_disk_copy';
const MKSYSB = '/usr/sbin/alt_disk_mksysb';

test('phase: 2 is repeatable (changed each time), 3 completes, 3 again is unchanged, 2 on complete is refused', () =>
  withModuleHost([], async (h) => {
    assertOk(await h.module('clone', { targets: ['hdisk1'], phase: '1' }));
    const root = h.lspvLine('hdisk0');
    const mark = h.mark();
    for (const run of [1, 2]) {
      const p2 = await h.module('phase', { phase: '2' });
      assertOk(p2, `phase 2 run ${run}`);
      assert.equal(p2.json.changed, true, `phase 2 run ${run} reports a change`);
      assert.deepEqual(p2.json.commands, [[COPY, '-d', 'hdisk1', '-P', '2']]);
      assert.equal(p2.json.altinst_state, 'phase1');
      assert.deepEqual(p2.json.bootlist, ['hdisk0']);
      assert.deepEqual(p2.json.targets, ['hdisk1']);
    }
    assert.deepEqual(h.mutatingSince(mark), [
      ['alt_disk_copy', '-d', 'hdisk1', '-P', '2'],
      ['alt_disk_copy', '-d', 'hdisk1', '-P', '2'],
    ]);

    const state = h.stateText();
    const mark2 = h.mark();
    const planned = await h.check('phase', { phase: '3' }, true);
    assertOk(planned);
    assert.deepEqual(planned.json.commands, [[COPY, '-d', 'hdisk1', '-P', '3']]);
    assert.equal(planned.json.altinst_state, 'complete');
    assert.deepEqual(planned.json.bootlist, ['hdisk1']);
    const diff = planned.json.diff as Record<string, string>;
    assert.match(diff.before!, /^hdisk1 {10}\S{16} {4}altinst_rootvg {2}active\n/m);
    assert.match(diff.after!, /^hdisk1 {10}\S{16} {4}altinst_rootvg\n/m);
    assert.ok(diff.before!.includes('altinst_rootvg: phase1 on hdisk1\n'), diff.before);
    assert.ok(diff.after!.includes('altinst_rootvg: complete on hdisk1\n'), diff.after);
    assert.deepEqual(h.mutatingSince(mark2), []);
    assert.equal(h.stateText(), state);

    const p3 = await h.module('phase', { phase: '3' });
    assertOk(p3);
    assert.equal(p3.json.changed, true);
    assert.equal(p3.json.altinst_state, 'complete');
    assert.deepEqual(p3.json.bootlist, ['hdisk1']);
    assert.equal(msgOf(p3), 'phase 3 run on altinst_rootvg (hdisk1)');
    assert.match(h.lspvLine('hdisk1'), /^hdisk1\s+\S+\s+altinst_rootvg\s*$/);

    const mark3 = h.mark();
    const again = await h.module('phase', { phase: '3' });
    assertOk(again);
    assert.equal(again.json.changed, false);
    assert.deepEqual(again.json.commands, []);
    assert.equal(msgOf(again), 'altinst_rootvg on hdisk1 is already complete: phase 3 has nothing to do');

    const late = await h.module('phase', { phase: '2' });
    assert.equal(
      assertFailed(late),
      'altinst_rootvg on hdisk1 is complete (phase 3 done): phase 2 can no longer run on it. To change it, wake it up (alt_rootvg_op -W -d hdisk1) and customize it, or start again (force: true on altdisk.aix.clone or altdisk.aix.mksysb_install removes it first).',
    );
    assert.deepEqual(h.mutatingSince(mark3), []);
    assert.equal(h.lspvLine('hdisk0'), root, 'rootvg untouched through every phase');
  }));

test('phase: a woken-up altinst_rootvg is refused (it is put to sleep with alt_rootvg_op -S, not finished)', () =>
  withModuleHost([], async (h) => {
    assertOk(await h.module('clone', { targets: ['hdisk1'] }));
    const wake = h.run('alt_rootvg_op', '-W', '-d', 'hdisk1');
    assert.equal(wake.rc, 0, wake.stderr);
    const mark = h.mark();
    for (const phase of ['3', '23', '2']) {
      const a = await h.module('phase', { phase });
      assert.equal(
        assertFailed(a),
        `a woken-up altinst_rootvg on hdisk1 (alt_rootvg_op -W, /alt_inst mounted) cannot go through phase ${phase}: a woken-up volume group is put back to sleep with alt_rootvg_op -S before it can boot`,
      );
    }
    assert.deepEqual(h.mutatingSince(mark), []);
  }));

test('phase: nothing to continue, or other disks named, fails with what to do', () =>
  withModuleHost([], async (h) => {
    const none = await h.module('phase', { phase: '3' });
    assert.equal(
      assertFailed(none),
      'there is no altinst_rootvg on this host, so phase 3 has nothing to continue: start with phase 1 (altdisk.aix.clone or altdisk.aix.mksysb_install with phase: "1" or "12").',
    );
    assertOk(await h.module('clone', { targets: ['hdisk1'], phase: '1' }));
    const other = await h.module('phase', { phase: '3', targets: ['hdisk2'] });
    assert.equal(assertFailed(other), 'targets: altinst_rootvg is on hdisk1, not on hdisk2');
    const noScript = await h.module('phase', { phase: '2', script: '/nonexistent/custom.sh' });
    assert.equal(assertFailed(noScript), 'script: /nonexistent/custom.sh does not exist');
  }));

test('phase: phase 2 passes the script and installp options to the command that made altinst_rootvg', () =>
  withModuleHost([], async (h) => {
    assertOk(await h.module('clone', { targets: ['hdisk1'], phase: '1' }));
    const dir = h.scratch();
    const script = path.join(dir, 'custom.sh');
    fs.writeFileSync(script, '#!/bin/sh\nexit 0\n', { mode: 0o755 });
    const lpp = path.join(dir, 'lpp');
    fs.mkdirSync(lpp);
    const a = await h.check('phase', { phase: '23', targets: ['hdisk1'], script, bundle: 'update_all', images_location: lpp, remain_nim_client: true, bootlist: false, verbose: true });
    assertOk(a);
    assert.deepEqual(a.json.commands, [[COPY, '-d', 'hdisk1', '-s', script, '-b', 'update_all', '-l', lpp, '-n', '-P', '23', '-B', '-V']]);
    assert.equal(a.json.altinst_state, 'complete');
    assert.deepEqual(a.json.bootlist, ['hdisk0'], 'bootlist: false keeps the current boot list');
    const legacy = await h.check('phase', { phase: '3', command: 'alt_disk_install' });
    assert.deepEqual(legacy.json.commands, [['/usr/sbin/alt_disk_install', '-C', '-P', '3', 'hdisk1']], 'the seed syntax: -C, the phase, targets positional and last');
  }));

test('phase: an altinst_rootvg from a mksysb is continued with alt_disk_mksysb and its image', () =>
  withModuleHost([], async (h) => {
    const src = path.join(h.scratch(), 'lpar.mksysb');
    h.sim('mksysb', src);
    assertOk(await h.module('mksysb_install', { source: src, targets: ['hdisk2'], phase: '1' }));
    const mark = h.mark();
    const installp = await h.module('phase', { phase: '2', bundle: 'update_all', images_location: h.scratch() });
    assert.equal(
      assertFailed(installp),
      'bundle, fix_bundle, fixes, filesets, installp_flags and images_location apply to clones only: phase 2 of a mksysb install runs the script, resolv_conf and the NIM files',
    );
    const p3 = await h.module('phase', { phase: '3' });
    assertOk(p3);
    assert.deepEqual(h.mutatingSince(mark), [['alt_disk_mksysb', '-m', src, '-d', 'hdisk2', '-P', '3']]);
    assert.deepEqual(p3.json.cmd, [MKSYSB, '-m', src, '-d', 'hdisk2', '-P', '3']);
    assert.equal(p3.json.altinst_state, 'complete');
  }));
