import { test } from 'node:test';
import assert from 'node:assert/strict';
import { assertOk, withModuleHost, type ModuleHost } from '../helpers/modules.js';

// Issue 12: each module asks what its plan and safety checks read, and after a change only what
// the change changed. Counted from the simulated host's call log (deterministic, unlike times);
// the goals are the issue's, the exact lists say which questions each module asks.

function callsOf(h: ModuleHost, mark: number): string[] {
  return h.callsSince(mark).map((c) => c.argv.join(' '));
}

async function counted(h: ModuleHost, name: Parameters<ModuleHost['module']>[0], args: Record<string, unknown>): Promise<string[]> {
  const mark = h.mark();
  assertOk(await h.module(name, args), name);
  return callsOf(h, mark);
}

const manyDisks = (n: number) => Array.from({ length: n - 5 }, (_, i) => ['--disk', `hdisk${i + 5}:20480:none`]).flat();

test('bootlist: a change runs at most 10 commands, a no-op at most 7, and asks about no disk it does not name first', () =>
  withModuleHost([], async (h) => {
    const change = await counted(h, 'bootlist', { normal: ['hdisk0', 'hdisk1'] });
    assert.ok(change.length <= 10, change.join('\n'));
    // After the change only the boot list it set is read again.
    assert.deepEqual(change.slice(change.indexOf('bootlist -m normal hdisk0 hdisk1') + 1), ['bootlist -m normal -o']);
    assert.ok(!change.some((c) => /hdisk1$/.test(c) && !c.startsWith('bootlist')), 'hdisk1 is not first: nothing is asked about it');
    const noop = await counted(h, 'bootlist', { normal: ['hdisk0', 'hdisk1'] });
    assert.ok(noop.length <= 7, noop.join('\n'));
    // The safety questions stay: operations in progress (ps), disks gone (lsdev), rootvg's boot disks.
    for (const q of ['ps -e -o pid,args', 'lsdev -Cc disk -F name:status', 'lsvg -l rootvg', 'lspv', 'bootlist -m normal -o']) assert.ok(noop.includes(q), q);
  }));

test('bootlist: a first disk without a volume group is asked about (can it boot?), and refused', () =>
  withModuleHost([], async (h) => {
    const mark = h.mark();
    const a = await h.module('bootlist', { normal: ['hdisk1'] });
    assert.equal(a.json.failed, true);
    const calls = callsOf(h, mark);
    assert.ok(calls.includes('lqueryvg -p hdisk1 -L') && calls.includes('getlvodm -j hdisk1'), calls.join('\n'));
  }));

test('cleanup: removing a phase-1 altinst_rootvg runs at most 12 commands; lspv is read again afterwards', () =>
  withModuleHost([], async (h) => {
    assert.equal(h.run('alt_disk_copy', '-d', 'hdisk1', '-P', '1').rc, 0);
    const calls = await counted(h, 'cleanup', {});
    assert.ok(calls.length <= 12, calls.join('\n'));
    assert.deepEqual(calls.slice(calls.indexOf('alt_rootvg_op -X altinst_rootvg') + 1), ['lspv']);
    // The lock's own look for alt_disk commands running is fresh, not the one the plan read.
    assert.equal(calls.filter((c) => c === 'ps -e -o pid,args').length, 2);
  }));

test('clone: a clone onto named targets runs at most 22 commands, and a rerun on the clone changes nothing', () =>
  withModuleHost([], async (h) => {
    const calls = await counted(h, 'clone', { targets: ['hdisk1'] });
    assert.ok(calls.length <= 22, calls.join('\n'));
    for (const d of ['hdisk2', 'hdisk3']) assert.ok(!calls.some((c) => c.includes(d)), `${d} is not a target: not asked about`);
    const mark = h.mark();
    const rerun = await h.module('clone', { targets: ['hdisk1'] });
    assertOk(rerun);
    assert.equal(rerun.json.changed, false);
    assert.deepEqual(h.mutatingSince(mark), []);
  }));

test('clone check mode with named targets asks the same questions on a 64-disk host as on a 5-disk one', async () => {
  const check = { targets: ['hdisk1'], _ansible_check_mode: true };
  let few: string[] = [];
  await withModuleHost([], async (h) => {
    few = await counted(h, 'clone', check);
  });
  await withModuleHost(manyDisks(64), async (h) => {
    const many = await counted(h, 'clone', check);
    assert.deepEqual([...many].sort(), [...few].sort());
  });
});

test('clone with disk_size_policy and facts ask about every candidate disk, once each', () =>
  withModuleHost(manyDisks(12), async (h) => {
    const calls = await counted(h, 'clone', { disk_size_policy: 'minimize', _ansible_check_mode: true });
    for (let i = 5; i < 12; i++) assert.equal(calls.filter((c) => c === `getlvodm -j hdisk${i}`).length, 1, `hdisk${i}`);
    const facts = await counted(h, 'facts', {});
    for (let i = 5; i < 12; i++) assert.equal(facts.filter((c) => c === `getconf DISK_SIZE /dev/hdisk${i}`).length, 1, `hdisk${i}`);
    assert.equal(new Set(facts).size, facts.length, 'no question asked twice');
  }));
