import { test } from 'node:test';
import assert from 'node:assert/strict';
import { assertFailed, assertOk, msgOf, withModuleHost } from '../helpers/modules.js';

// altdisk.aix.bootlist end to end: read, set only when different (IBM's module reports a change
// every time), verify the first disk can boot.

const BOOTLIST = '/usr/bin/bootlist';
const PATHS = { blv: 'hd5', pathid: '0,1,2,3' };

test('bootlist: reading the lists changes nothing and returns them as -o shows them', () =>
  withModuleHost([], async (h) => {
    const state = h.stateText();
    const mark = h.mark();
    const a = await h.module('bootlist', {});
    assertOk(a);
    assert.equal(a.json.changed, false);
    assert.deepEqual(a.json.commands, []);
    assert.equal(msgOf(a), 'boot lists read');
    assert.deepEqual(a.json.bootlist, {
      normal: [{ device: 'hdisk0', attrs: PATHS, present: true }],
      service: [{ device: 'hdisk0', attrs: PATHS, present: true }],
    });
    assert.deepEqual(h.mutatingSince(mark), []);
    assert.equal(h.stateText(), state);
  }));

test('bootlist: check mode and diff, then set, then the same list again is changed=false', () =>
  withModuleHost([], async (h) => {
    const state = h.stateText();
    const mark = h.mark();
    const planned = await h.check('bootlist', { normal: ['hdisk0', 'hdisk1'] }, true);
    assertOk(planned);
    assert.equal(planned.json.changed, true);
    assert.deepEqual(planned.json.commands, [[BOOTLIST, '-m', 'normal', 'hdisk0', 'hdisk1']]);
    assert.deepEqual(planned.json.bootlist, {
      normal: [
        { device: 'hdisk0', attrs: {}, present: true },
        { device: 'hdisk1', attrs: {}, present: true },
      ],
      service: [{ device: 'hdisk0', attrs: PATHS, present: true }],
    });
    const diff = planned.json.diff as Record<string, string>;
    assert.ok(diff.before!.endsWith('bootlist normal: hdisk0\nbootlist service: hdisk0\n'), diff.before);
    assert.ok(diff.after!.endsWith('bootlist normal: hdisk0 hdisk1\nbootlist service: hdisk0\n'), diff.after);
    assert.equal(diff.before_header, 'boot lists (before)');
    assert.deepEqual(h.mutatingSince(mark), []);
    assert.equal(h.stateText(), state);

    const a = await h.module('bootlist', { normal: ['hdisk0', 'hdisk1'] });
    assertOk(a);
    assert.equal(a.json.changed, true);
    assert.equal(a.json.rc, 0);
    assert.equal(msgOf(a), 'boot list set: normal hdisk0 hdisk1');
    assert.deepEqual(h.mutatingSince(mark), [['bootlist', '-m', 'normal', 'hdisk0', 'hdisk1']]);
    assert.deepEqual(
      h.run('bootlist', '-m', 'normal', '-o').stdout.split('\n').filter(Boolean).map((l) => l.split(' ')[0]),
      ['hdisk0', 'hdisk0', 'hdisk0', 'hdisk0', 'hdisk1', 'hdisk1', 'hdisk1', 'hdisk1'],
    );

    const mark2 = h.mark();
    const again = await h.module('bootlist', { normal: ['hdisk0', 'hdisk1'] });
    assertOk(again);
    assert.equal(again.json.changed, false, 'the same list twice: the second run changes nothing');
    assert.deepEqual(again.json.commands, []);
    assert.equal(msgOf(again), 'the boot lists are already as requested');
    assert.deepEqual(h.mutatingSince(mark2), []);
  }));

test('bootlist: attributes given are compared, attributes not given are not; both sets the two lists', () =>
  withModuleHost([], async (h) => {
    const mark = h.mark();
    const same = await h.module('bootlist', { both: [{ device: 'hdisk0', blv: 'hd5' }] });
    assertOk(same);
    assert.equal(same.json.changed, false, 'hdisk0 blv=hd5 is already first and only in both lists');
    const pathid = await h.check('bootlist', { normal: [{ device: 'hdisk0', pathid: '0' }], force: true });
    assert.deepEqual(pathid.json.commands, [[BOOTLIST, '-m', 'normal', '-F', 'hdisk0', 'pathid=0']]);
    const service = await h.module('bootlist', { service: ['hdisk0', 'cd0'] });
    assertOk(service);
    assert.deepEqual(h.mutatingSince(mark), [['bootlist', '-m', 'service', 'hdisk0', 'cd0']]);
    assert.deepEqual(
      (service.json.bootlist as { service: { device: string }[] }).service.map((e) => e.device),
      ['hdisk0', 'cd0'],
    );
  }));

test('bootlist: verify refuses a first disk that cannot boot; verify: false sets it anyway', () =>
  withModuleHost([], async (h) => {
    const mark = h.mark();
    const a = await h.module('bootlist', { normal: ['hdisk1', 'hdisk0'] });
    assert.equal(
      assertFailed(a),
      'normal: hdisk1 holds no boot logical volume to start from (it holds no rootvg): the next reboot would fail. Put a bootable disk first, or set verify: false to set the list anyway.',
    );
    const inVg = await h.module('bootlist', { normal: ['hdisk4'] });
    assert.match(assertFailed(inVg), /^normal: hdisk4 holds no boot logical volume to start from \(it is in datavg, which cannot boot now\)/);
    const gone = await h.module('bootlist', { normal: ['hdisk0', 'hdisk9'], verify: false });
    assert.equal(assertFailed(gone), 'normal: hdisk9 does not exist on this host (lspv lists hdisk0, hdisk1, hdisk2, hdisk3, hdisk4); bootlist would refuse it');
    assert.deepEqual(h.mutatingSince(mark), []);
    const forced = await h.check('bootlist', { normal: ['hdisk1'], verify: false });
    assertOk(forced);
    assert.deepEqual(forced.json.commands, [[BOOTLIST, '-m', 'normal', 'hdisk1']]);
  }));

test('bootlist: a refusal of a "both" list names the option given (both), not one it was copied to', () =>
  withModuleHost([], async (h) => {
    const a = await h.module('bootlist', { both: ['hdisk4'] });
    assert.match(assertFailed(a), /^both: hdisk4 holds no boot logical volume to start from \(it is in datavg, which cannot boot now\)/);
    const forced = await h.check('bootlist', { normal: ['hdisk1'], verify: false });
    assertOk(forced);
    assert.deepEqual(forced.json.commands, [[BOOTLIST, '-m', 'normal', 'hdisk1']]);
  }));

test('bootlist: a mounted (phase 1) altinst_rootvg cannot boot; the complete clone can, and rolling back is one task', () =>
  withModuleHost([], async (h) => {
    assertOk(await h.module('clone', { targets: ['hdisk1'], phase: '1' }));
    const p1 = await h.module('bootlist', { normal: ['hdisk1'] });
    assert.equal(
      assertFailed(p1),
      'normal: hdisk1 holds no boot logical volume to start from (it is in altinst_rootvg, which cannot boot now (altinst_rootvg is mounted: finish phase 3 or put it to sleep first)): the next reboot would fail. Put a bootable disk first, or set verify: false to set the list anyway.',
    );
    assertOk(await h.module('phase', { phase: '3' }));
    const back = await h.module('bootlist', { normal: ['hdisk0'] });
    assertOk(back);
    assert.equal(back.json.changed, true, 'phase 3 pointed the list at hdisk1; rolling back to hdisk0 changes it');
    const forward = await h.module('bootlist', { normal: ['hdisk1', 'hdisk0'] });
    assertOk(forward);
    assert.equal(forward.json.changed, true);
  }));
