import { test } from 'node:test';
import assert from 'node:assert/strict';
import { bootlistResult, normalizeEntries, planBootlist, predictedBootlistResult, sameList, type BootlistParams } from '../../modules/src/plan/bootlist.js';
import { validateParams } from '../../modules/src/runtime/module.js';
import { bootlistSpec } from '../../modules/src/specs/bootlist.js';
import { validate } from '../../modules/src/generated/validate-bootlist.js';
import type { BootlistEntry } from '../../modules/src/facts/parse/bootlist.js';
import { refusal, sceneFacts } from './plan-facts.js';

// planBootlist: a change only where the wanted list differs from `bootlist -m <mode> -o` (given
// attributes compared, others not), and a first disk that can boot.

const BOOTLIST = '/usr/bin/bootlist';

function params(raw: Record<string, unknown>): BootlistParams {
  const r = validateParams(bootlistSpec, validate, raw);
  assert.ok('params' in r, `invalid test params: ${JSON.stringify(r)}`);
  return r.params;
}

test('plan bootlist: entries compare by device and by the attributes given', () => {
  const have: BootlistEntry[] = [
    { device: 'hdisk0', attrs: { blv: 'hd5' }, pathIds: ['0', '1'] },
    { device: 'hdisk1', attrs: {}, pathIds: [] },
  ];
  assert.ok(sameList(normalizeEntries(['hdisk0', 'hdisk1']), have));
  assert.ok(sameList(normalizeEntries([{ device: 'hdisk0', blv: 'hd5', pathid: '0,1' }, 'hdisk1']), have));
  assert.ok(!sameList(normalizeEntries([{ device: 'hdisk0', pathid: '0' }, 'hdisk1']), have), 'pathid compares the whole list of paths');
  assert.ok(!sameList(normalizeEntries([{ device: 'hdisk0', blv: 'bos_hd5' }, 'hdisk1']), have));
  assert.ok(!sameList(normalizeEntries(['hdisk1', 'hdisk0']), have), 'order matters');
  assert.ok(!sameList(normalizeEntries(['hdisk0']), have), 'length matters');
  assert.deepEqual(normalizeEntries([{ device: 'ent0', bserver: '10.0.0.1', speed: 'auto', client: undefined }]), [{ device: 'ent0', attrs: { bserver: '10.0.0.1', speed: 'auto' } }]);
});

test('plan bootlist: only the lists that differ are set, with attributes as key=value words', async () => {
  const f = await sceneFacts('fresh');
  assert.deepEqual(planBootlist(params({}), f).commands, []);
  assert.equal(planBootlist(params({}), f).msg, 'boot lists read');
  const same = planBootlist(params({ normal: ['hdisk0'], service: [{ device: 'hdisk0', blv: 'hd5' }] }), f);
  assert.deepEqual(same.commands, []);
  assert.equal(same.msg, 'the boot lists are already as requested');
  const one = planBootlist(params({ normal: ['hdisk0'], service: ['hdisk0', 'cd0'] }), f);
  assert.deepEqual(one.commands, [{ argv: [BOOTLIST, '-m', 'service', 'hdisk0', 'cd0'], why: 'set the service boot list' }]);
  assert.deepEqual(one.predicted.bootlist, { normal: ['hdisk0'], service: ['hdisk0', 'cd0'] });
  assert.equal(one.msg, 'boot list set: service hdisk0 cd0');
  const net = planBootlist(params({ normal: ['hdisk0', { device: 'ent0', bserver: '10.1.1.1', client: '10.1.1.9', gateway: '10.1.1.254' }], force: true }), f);
  assert.deepEqual(net.commands.map((c) => c.argv), [[BOOTLIST, '-m', 'normal', '-F', 'hdisk0', 'ent0', 'bserver=10.1.1.1', 'client=10.1.1.9', 'gateway=10.1.1.254']]);
  const both = planBootlist(params({ both: [{ device: 'hdisk0', pathid: '0' }] }), f);
  assert.deepEqual(both.commands.map((c) => c.argv), [[BOOTLIST, '-m', 'both', 'hdisk0', 'pathid=0']]);
  assert.deepEqual(both.predicted.bootlist, { normal: ['hdisk0'], service: ['hdisk0'] });
});

test('plan bootlist: verify — a disk without a boot image first is refused, unknown disks always', async () => {
  const f = await sceneFacts('fresh');
  assert.equal(
    refusal(() => planBootlist(params({ normal: ['hdisk1'] }), f)),
    'normal: hdisk1 holds no boot logical volume to start from (it holds no rootvg): the next reboot would fail. Put a bootable disk first, or set verify: false to set the list anyway.',
  );
  assert.equal(planBootlist(params({ normal: ['hdisk1'], verify: false }), f).commands.length, 1);
  assert.equal(planBootlist(params({ normal: ['cd0', 'hdisk1'] }), f).commands.length, 1, 'a non-disk first device is not checked');
  assert.equal(planBootlist(params({ normal: ['hdisk0', 'hdisk1'] }), f).commands.length, 1, 'only the first device must boot');
  assert.match(refusal(() => planBootlist(params({ service: ['hdisk0', 'hdisk77'], verify: false }), f)), /^service: hdisk77 does not exist on this host/);
  const complete = await sceneFacts('complete');
  assert.equal(planBootlist(params({ normal: ['hdisk0'] }), complete).commands.length, 1, 'phase 3 set hdisk1: going back is a change');
  assert.deepEqual(planBootlist(params({ normal: ['hdisk1'] }), complete).commands, [], 'the complete clone is first already');
  const rebooted = await sceneFacts('rebooted');
  assert.equal(planBootlist(params({ normal: ['hdisk0'] }), rebooted).commands.length, 1, 'old_rootvg can boot: the rollback');
  const awake = await sceneFacts('awake');
  assert.match(refusal(() => planBootlist(params({ normal: ['hdisk1'] }), awake)), /^normal: hdisk1 holds no boot logical volume to start from \(it is in altinst_rootvg, which cannot boot now \(altinst_rootvg is mounted/);
});

test('plan bootlist: the returned lists, now and predicted (a gone device shows as present: false)', async () => {
  const f = await sceneFacts('fresh');
  assert.deepEqual(bootlistResult(f), {
    normal: [{ device: 'hdisk0', attrs: { blv: 'hd5', pathid: '0,1,2,3' }, present: true }],
    service: [{ device: 'hdisk0', attrs: { blv: 'hd5', pathid: '0,1,2,3' }, present: true }],
  });
  const gone = structuredClone(f);
  gone.bootlists.normal.push({ device: null, attrs: {}, pathIds: [] });
  assert.deepEqual((bootlistResult(gone) as { normal: unknown[] }).normal[1], { device: '-', attrs: {}, present: false });
  assert.deepEqual(predictedBootlistResult(params({ normal: [{ device: 'hdisk1', blv: 'hd5' }] }), f), {
    normal: [{ device: 'hdisk1', attrs: { blv: 'hd5' }, present: true }],
    service: [{ device: 'hdisk0', attrs: { blv: 'hd5', pathid: '0,1,2,3' }, present: true }],
  });
});
