import { test } from 'node:test';
import assert from 'node:assert/strict';
import { assertFailed, assertOk, msgOf, withModuleHost } from '../helpers/modules.js';

// altdisk.aix.cleanup end to end: alt_rootvg_op -X only (never exportvg), never rootvg.

const ROOTVG_OP = '/usr/sbin/alt_rootvg_op';
const BOOTLIST = '/usr/bin/bootlist';

test('cleanup: nothing to remove is changed=false, in check mode too', () =>
  withModuleHost([], async (h) => {
    const state = h.stateText();
    const mark = h.mark();
    for (const check of [false, true]) {
      const a = check ? await h.check('cleanup', {}) : await h.module('cleanup', {});
      assertOk(a);
      assert.equal(a.json.changed, false);
      assert.deepEqual(a.json.commands, []);
      assert.deepEqual(a.json.removed, []);
      assert.deepEqual(a.json.freed_disks, []);
      assert.equal(msgOf(a), 'nothing to remove: no altinst_rootvg on this host');
      assert.equal(a.json.altinst_state, 'none');
    }
    assert.deepEqual(h.mutatingSince(mark), []);
    assert.equal(h.stateText(), state);
  }));

test('cleanup: check mode, then alt_rootvg_op -X altinst_rootvg, then unchanged; never exportvg', () =>
  withModuleHost([], async (h) => {
    assertOk(await h.module('clone', { targets: ['hdisk1'] }));
    const root = h.lspvLine('hdisk0');
    const etcFilesystems = h.file('/etc/filesystems');
    const state = h.stateText();
    const mark = h.mark();
    const planned = await h.check('cleanup', {}, true);
    assertOk(planned);
    assert.equal(planned.json.changed, true);
    // The clone took the boot list: it goes back to the running rootvg first (issue 8, class 2).
    assert.deepEqual(planned.json.commands, [[BOOTLIST, '-m', 'normal', 'hdisk0'], [ROOTVG_OP, '-X', 'altinst_rootvg']]);
    assert.deepEqual(planned.json.removed, ['altinst_rootvg']);
    assert.deepEqual(planned.json.freed_disks, ['hdisk1']);
    assert.equal(planned.json.altinst_state, 'none');
    assert.deepEqual(planned.json.warnings, [
      'alt_rootvg_op -X removes only the ODM definition: hdisk1 still holds the copy on disk, which the facts report as a rootvg copy and disk_size_policy does not pick; clear_pvid: true (chpv -C) clears it',
    ]);
    const diff = planned.json.diff as Record<string, string>;
    assert.match(diff.before!, /^hdisk1 {10}\S{16} {4}altinst_rootvg\n/m);
    assert.match(diff.after!, /^hdisk1 {10}\S{16} {4}None\n/m);
    assert.ok(diff.after!.includes('altinst_rootvg: none\n'), diff.after);
    assert.equal(diff.before_header, 'alternate rootvgs (before)');
    assert.deepEqual(h.mutatingSince(mark), []);
    assert.equal(h.stateText(), state);

    const a = await h.module('cleanup', {});
    assertOk(a);
    assert.equal(a.json.changed, true);
    assert.equal(msgOf(a), 'removed altinst_rootvg; hdisk1 free; the normal boot list named hdisk1, which this task frees: it was set to the running rootvg (hdisk0) first, so the next reboot starts that');
    assert.deepEqual(h.mutatingSince(mark), [
      ['bootlist', '-m', 'normal', 'hdisk0'],
      ['alt_rootvg_op', '-X', 'altinst_rootvg'],
    ]);
    assert.match(h.lspvLine('hdisk1'), /^hdisk1\s+\S+\s+None\s*$/);
    assert.equal(h.lspvLine('hdisk0'), root);
    assert.equal(h.file('/etc/filesystems'), etcFilesystems, "the running system's /etc/filesystems is intact");
    assert.equal(h.run('getlvodm', '-j', 'hdisk1').rc, 3, 'the disk is free for the ODM too');

    const again = await h.module('cleanup', {});
    assertOk(again);
    assert.equal(again.json.changed, false);
    assert.ok(!h.calls().some((c) => c.argv[0] === 'exportvg' || c.argv[0] === 'reducevg'), 'no exportvg and no reducevg, ever');
  }));

test('cleanup: refuses rootvg and a volume group that is not an alternate rootvg', () =>
  withModuleHost([], async (h) => {
    const state = h.stateText();
    const mark = h.mark();
    assert.equal(
      assertFailed(await h.module('cleanup', { volume_group: 'rootvg' })),
      'volume_group: rootvg is the volume group this system runs from; cleanup only removes alternate rootvgs (altinst_rootvg, old_rootvg)',
    );
    assert.equal(
      assertFailed(await h.module('cleanup', { volume_group: 'datavg' })),
      'volume_group: datavg is not an alternate rootvg (it is varied on); cleanup removes only alternate rootvgs, so datavg is left alone',
    );
    assert.deepEqual(h.mutatingSince(mark), []);
    assert.equal(h.stateText(), state);
  }));

test('cleanup: an unfinished (phase 1) altinst_rootvg is removed the same way', () =>
  withModuleHost([], async (h) => {
    assertOk(await h.module('clone', { targets: ['hdisk1'], phase: '1' }));
    const mark = h.mark();
    const a = await h.module('cleanup', {});
    assertOk(a);
    assert.deepEqual(h.mutatingSince(mark), [['alt_rootvg_op', '-X', 'altinst_rootvg']]);
    assert.equal(a.json.altinst_state, 'none');
    assert.match(h.lspvLine('hdisk1'), /^hdisk1\s+\S+\s+None\s*$/);
    assert.ok(!h.run('mount').stdout.includes('/alt_inst'), '/alt_inst is unmounted');
  }));

test('cleanup after a reboot onto the clone: old_rootvg is the fallback, removed only when asked, with chpv -C', () =>
  withModuleHost([], async (h) => {
    assertOk(await h.module('clone', { targets: ['hdisk1'] }));
    h.sim('reboot');
    assert.match(h.lspvLine('hdisk0'), /^hdisk0\s+\S+\s+old_rootvg\s*$/);

    const mark = h.mark();
    const onOld = await h.module('clone', { targets: ['hdisk0'], force: true });
    assert.equal(
      assertFailed(onOld),
      'targets: hdisk0 holds old_rootvg, the former rootvg you can still boot back to. Remove it first if you no longer need it (altdisk.aix.cleanup with volume_group: old_rootvg); force never removes it.',
    );
    const keep = await h.module('cleanup', {});
    assertOk(keep);
    assert.equal(keep.json.changed, false, 'the default removes altinst_rootvg only');
    assert.deepEqual(keep.json.old_rootvg, ['hdisk0']);
    assert.deepEqual(h.mutatingSince(mark), []);

    const a = await h.module('cleanup', { include_old_rootvg: true, clear_pvid: true });
    assertOk(a);
    assert.deepEqual(a.json.commands, [
      [ROOTVG_OP, '-X', 'old_rootvg'],
      ['/usr/sbin/chpv', '-C', 'hdisk0'],
    ]);
    assert.deepEqual(h.mutatingSince(mark), [
      ['alt_rootvg_op', '-X', 'old_rootvg'],
      ['chpv', '-C', 'hdisk0'],
    ]);
    assert.equal(a.json.old_rootvg, null);
    assert.deepEqual(a.json.removed, ['old_rootvg']);
    assert.match(h.lspvLine('hdisk0'), /^hdisk0\s+\S+\s+None\s*$/);
    assert.match(h.lspvLine('hdisk1'), /^hdisk1\s+\S+\s+rootvg\s+active\s*$/);
    const again = await h.module('cleanup', { include_old_rootvg: true, clear_pvid: true });
    assertOk(again);
    assert.equal(again.json.changed, false);
  }));
