import { test } from 'node:test';
import assert from 'node:assert/strict';
import { planCleanup, type CleanupParams } from '../../modules/src/plan/cleanup.js';
import { validateParams } from '../../modules/src/runtime/module.js';
import { cleanupSpec } from '../../modules/src/specs/cleanup.js';
import { validate } from '../../modules/src/generated/validate-cleanup.js';
import { refusal, sceneFacts } from './plan-facts.js';

// planCleanup: alt_rootvg_op -X (alt_disk_install -X below 5.3) for alternate rootvgs only, never
// exportvg, never the running rootvg.

const ROOTVG_OP = '/usr/sbin/alt_rootvg_op';
const BOOTLIST = '/usr/bin/bootlist';

function params(raw: Record<string, unknown>): CleanupParams {
  const r = validateParams(cleanupSpec, validate, raw);
  assert.ok('params' in r, `invalid test params: ${JSON.stringify(r)}`);
  return r.params;
}

test('plan cleanup: nothing there is an empty plan that says what it looked for', async () => {
  const f = await sceneFacts('fresh');
  const plan = planCleanup(params({ include_old_rootvg: true }), f);
  assert.deepEqual(plan.commands, []);
  assert.equal(plan.msg, 'nothing to remove: no altinst_rootvg on this host; no old_rootvg on this host');
  assert.deepEqual(plan.result, { removed: [], freed_disks: [] });
});

test('plan cleanup: altinst_rootvg (complete, two disks, phase 1, awake, varied on by hand) goes with alt_rootvg_op -X', async () => {
  for (const scene of ['complete', 'complete-two-disks', 'phase1', 'awake', 'varied-on-by-hand'] as const) {
    const f = await sceneFacts(scene);
    const plan = planCleanup(params({}), f);
    // A boot list that names a disk being freed goes back to the running rootvg first (issue 8, class 2).
    const guard = f.bootlists.normal.some((e) => (plan.result.freed_disks as string[]).includes(e.device ?? '')) ? [[BOOTLIST, '-m', 'normal', 'hdisk0']] : [];
    assert.deepEqual(plan.commands.map((c) => c.argv), [...guard, [ROOTVG_OP, '-X', 'altinst_rootvg']], scene);
    assert.deepEqual(plan.result.freed_disks, scene === 'complete-two-disks' ? ['hdisk1', 'hdisk2'] : ['hdisk1'], scene);
    assert.deepEqual(plan.predicted.altinst, { state: 'none', disks: [] }, scene);
    assert.ok(plan.predicted.disks.filter((d) => (plan.result.freed_disks as string[]).includes(d.name)).every((d) => d.vg === null && !d.active), scene);
    assert.ok(!plan.commands.some((c) => c.argv[0]!.endsWith('exportvg')), 'never exportvg');
  }
  const complete = await sceneFacts('complete');
  const plan = planCleanup(params({}), complete);
  assert.match(plan.msg, /the normal boot list named hdisk1, which this task frees: it was set to the running rootvg \(hdisk0\) first/);
  assert.deepEqual(plan.predicted.bootlist.normal, ['hdisk0']);
  assert.deepEqual(plan.result.bootlist_set_to, ['hdisk0']);
  assert.deepEqual(planCleanup(params({ clear_pvid: true }), complete).commands.map((c) => c.argv), [
    [BOOTLIST, '-m', 'normal', 'hdisk0'],
    [ROOTVG_OP, '-X', 'altinst_rootvg'],
    ['/usr/sbin/chpv', '-C', 'hdisk1'],
  ]);
});

test('plan cleanup: old_rootvg only when asked, then with the freed disk predicted free', async () => {
  const f = await sceneFacts('rebooted');
  assert.deepEqual(planCleanup(params({}), f).commands, [], 'the fallback is kept by default');
  for (const p of [{ include_old_rootvg: true }, { volume_group: 'old_rootvg' }]) {
    const plan = planCleanup(params(p), f);
    assert.deepEqual(plan.commands.map((c) => c.argv), [[ROOTVG_OP, '-X', 'old_rootvg']], JSON.stringify(p));
    assert.equal(plan.predicted.oldRootvg, null);
    assert.equal(plan.msg, 'removed old_rootvg; hdisk0 free');
  }
});

test('plan cleanup: the running rootvg and ordinary volume groups are refused; a renamed clone is not', async () => {
  const f = await sceneFacts('fresh');
  assert.equal(
    refusal(() => planCleanup(params({ volume_group: 'rootvg' }), f)),
    'volume_group: rootvg is the volume group this system runs from; cleanup only removes alternate rootvgs (altinst_rootvg, old_rootvg)',
  );
  assert.match(refusal(() => planCleanup(params({ volume_group: 'datavg' }), f)), /^volume_group: datavg is not an alternate rootvg \(it is varied on\)/);
  const rebooted = await sceneFacts('rebooted');
  const asRootvg = structuredClone(rebooted);
  assert.match(refusal(() => planCleanup(params({ volume_group: 'rootvg' }), asRootvg)), /^volume_group: rootvg is the volume group this system runs from/);

  // alt_rootvg_op -v renames a clone: a varied-off VG whose disk holds a boot image.
  const renamed = structuredClone(await sceneFacts('complete'));
  const vg = renamed.volumeGroups.find((v) => v.name === 'altinst_rootvg')!;
  vg.name = 'clone_0604';
  vg.role = 'other';
  renamed.disks.find((d) => d.name === 'hdisk1')!.vg = 'clone_0604';
  assert.deepEqual(planCleanup(params({ volume_group: 'clone_0604' }), renamed).commands.map((c) => c.argv), [[BOOTLIST, '-m', 'normal', 'hdisk0'], [ROOTVG_OP, '-X', 'clone_0604']]);
  const plainOff = structuredClone(renamed);
  plainOff.disks.find((d) => d.name === 'hdisk1')!.bootable = false;
  assert.match(refusal(() => planCleanup(params({ volume_group: 'clone_0604' }), plainOff)), /^volume_group: clone_0604 is not an alternate rootvg \(none of its disks holds a boot image\)/);
});

test('plan cleanup on AIX 4.3: alt_disk_install -X, and only altinst_rootvg', async () => {
  const f = await sceneFacts('aix43-phase1');
  assert.deepEqual(planCleanup(params({}), f).commands.map((c) => c.argv), [['/usr/sbin/alt_disk_install', '-X']]);
  assert.match(planCleanup(params({ volume_group: 'old_rootvg' }), f).msg, /AIX 4\.3 keeps no old_rootvg/);
  const modern = await sceneFacts('rebooted');
  assert.match(refusal(() => planCleanup(params({ volume_group: 'old_rootvg', command: 'alt_disk_install' }), modern)), /^volume_group: alt_disk_install -X removes only altinst_rootvg, not old_rootvg$/);
  assert.match(refusal(() => planCleanup(params({ command: 'alt_rootvg_op' }), f)), /^command: alt_rootvg_op does not exist below AIX 5\.3/);
});

test('plan cleanup on AIX 4.3: old_rootvg means the disks holding a hidden rootvg copy, cleared once, the boot list moved off it first', async () => {
  const f = await sceneFacts('aix43-phase1');
  const hdisk2 = f.disks.find((d) => d.name === 'hdisk2')!;
  hdisk2.rootvgCopy = true;
  hdisk2.bootable = true;
  const plan = planCleanup(params({ volume_group: 'old_rootvg', clear_pvid: true }), f);
  assert.deepEqual(plan.commands.map((c) => c.argv), [['/usr/sbin/chpv', '-C', 'hdisk2']]);
  assert.deepEqual(plan.result, { removed: ['old_rootvg'], freed_disks: ['hdisk2'] });
  // The boot list starts it: every level agrees, the boot list goes back to the running rootvg first (issue 8, class 2).
  f.bootlists.normal = [{ device: 'hdisk2', attrs: { blv: 'hd5' }, pathIds: [] }, ...f.bootlists.normal];
  for (const p of [{ volume_group: 'old_rootvg' }, { include_old_rootvg: true }]) {
    const guarded = planCleanup(params(p), f);
    assert.deepEqual(guarded.commands[0]!.argv, [BOOTLIST, '-m', 'normal', 'hdisk0'], JSON.stringify(p));
    assert.deepEqual(guarded.predicted.bootlist.normal, ['hdisk0']);
  }
});
