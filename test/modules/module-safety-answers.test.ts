import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { assertFailed, assertOk, msgOf, oneJsonLine, spawnModule, withModuleHost, type ModuleHost, type ModuleName } from '../helpers/modules.js';

// Issue 8, class 4: answers that mislead. `changed` means "this call changed the host", the advice
// describes what this call left, and check mode fails closed.

test('class 4: an _ansible_check_mode that is present but neither true nor false is refused, never run for real', () =>
  withModuleHost([], async (h) => {
    const state = h.stateText();
    for (const value of ['maybe', 2, {}, null, [], 'checkmode']) {
      for (const name of ['clone', 'cleanup', 'bootlist', 'phase'] as const) {
        const args = name === 'clone' ? { targets: ['hdisk1'] } : name === 'bootlist' ? { normal: ['hdisk0'] } : name === 'phase' ? { phase: '3' } : {};
        const a = await h.module(name, { ...args, _ansible_check_mode: value });
        const msg = assertFailed(a, `${name} with _ansible_check_mode ${JSON.stringify(value)}`);
        assert.match(msg, /_ansible_check_mode is .*neither true nor false: nothing was run/);
        assert.equal(a.json.changed, false);
      }
    }
    assert.deepEqual(h.callsSince(0), [], 'not even a query ran');
    assert.equal(h.stateText(), state);
  }));

/** Run a bundled module in the background: its answer, and a way to wait for a line of its progress (stderr). */
function started(h: ModuleHost, name: ModuleName, args: Record<string, unknown>, env: NodeJS.ProcessEnv = {}) {
  const child = spawnModule(name, h.dir, env);
  let stdout = '';
  let stderr = '';
  const waiters: { re: RegExp; resolve: () => void }[] = [];
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString('latin1')));
  child.stderr.on('data', (d: Buffer) => {
    stderr += d.toString();
    for (const w of [...waiters]) {
      if (!w.re.test(stderr)) continue;
      waiters.splice(waiters.indexOf(w), 1);
      w.resolve();
    }
  });
  child.stdin.end(JSON.stringify(args));
  const done = new Promise<{ json: Record<string, unknown>; rc: number; stdout: string }>((resolve) =>
    child.on('close', (code) => resolve({ json: oneJsonLine(stdout, `${name} (stderr ${stderr.slice(-300)})`), rc: code ?? -1, stdout })),
  );
  return {
    child,
    done,
    progress: (re: RegExp) => new Promise<void>((resolve) => (re.test(stderr) ? resolve() : waiters.push({ re, resolve }))),
  };
}

for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  test(`class 4/1: ${signal} of the module in the middle of the copy: exactly one JSON answer that says the copy is half-made and what to do`, () =>
    withModuleHost([], async (h) => {
      const run = started(h, 'clone', { targets: ['hdisk1'] }, { AIXSIM_SPEED: '0.004' });
      await run.progress(/Backing-up the rootvg files/);
      run.child.kill(signal);
      const a = await run.done;
      assert.equal(a.rc, 1);
      assert.equal(a.json.failed, true);
      assert.equal(a.json.interrupted, signal);
      assert.equal(a.json.changed, true, 'the copy had started: this call changed the host');
      assert.equal(a.json.altinst_state, 'incomplete');
      assert.match(a.json.msg as string, new RegExp(`^interrupted by ${signal} while alt_disk_copy was trying to clone rootvg to hdisk1`));
      assert.match(a.json.msg as string, /half-made altinst_rootvg on hdisk1 .* It must not be continued or booted: remove it/);
      assert.deepEqual(a.json.next_boot, { device: 'hdisk0', complete_rootvg: true });

      // What the facts say afterwards, and what the other modules make of it.
      const facts = await h.module('facts', {});
      const alt = (facts.json.ansible_facts as { altdisk: { altinst: { state: string } } }).altdisk.altinst;
      assert.equal(alt.state, 'incomplete');
      assert.match(assertFailed(await h.module('phase', { phase: '3' })), /does not continue a half-made copy/);
      assert.match(assertFailed(await h.module('clone', { targets: ['hdisk1'] })), /half-made altinst_rootvg on hdisk1 .* Remove it with altdisk\.aix\.cleanup .* or set force: true/);
      assertOk(await h.module('cleanup', {}));
      assertOk(await h.module('clone', { targets: ['hdisk1'] }));
    }));
}

test('class 4: a task waiting for another one\'s lock, then interrupted: one JSON answer, nothing was run', () =>
  withModuleHost([], async (h) => {
    // Another task (this test process, alive) holds the altdisk lock.
    const lock = path.join(h.dir, 'root', 'var/adm/ras/altdisk/lock');
    fs.mkdirSync(path.dirname(lock), { recursive: true });
    fs.writeFileSync(lock, JSON.stringify({ pid: process.pid, module: 'cleanup', started: new Date().toISOString(), what: 'cleanup: alt_rootvg_op -X altinst_rootvg' }));
    const state = h.stateText();
    const run = started(h, 'clone', { targets: ['hdisk1'] });
    await run.progress(/altdisk: waiting for altdisk cleanup: alt_rootvg_op -X altinst_rootvg \(pid \d+\) to finish/);
    const facts = await h.module('facts', {});
    const ops = (facts.json.ansible_facts as { altdisk: { operations: { by: string }[] } }).altdisk.operations;
    assert.deepEqual(ops.map((o) => o.by), ['altdisk'], 'facts show the task in progress');
    run.child.kill('SIGTERM');
    const a = await run.done;
    assert.equal(a.json.failed, true);
    assert.equal(a.json.changed, false);
    assert.equal(a.json.interrupted, 'SIGTERM');
    assert.match(a.json.msg as string, /interrupted by SIGTERM before it changed anything on the host: nothing was run/);
    assert.equal(h.stateText(), state);
    assert.deepEqual(h.mutatingSince(0), []);
  }));

test('class 4: two clones of the same disk at once: one changes the host, the other reports changed: false and advises nothing', () =>
  withModuleHost([], async (h) => {
    const [a, b] = await Promise.all([h.module('clone', { targets: ['hdisk1'] }), h.module('clone', { targets: ['hdisk1'] })]);
    assertOk(a, 'first');
    assertOk(b, 'second');
    assert.deepEqual([a.json.changed, b.json.changed].sort(), [false, true], 'exactly one of them changed the host');
    const loser = a.json.changed ? b : a;
    assert.doesNotMatch(msgOf(loser), /remove|force/i);
    assert.match(msgOf(loser), /already complete/);
    assert.equal(h.mutatingSince(0).filter((c) => c[0] === 'alt_disk_copy').length, 1, 'alt_disk_copy ran once');
  }));

test('class 4: two clones to different disks at once: the loser changes nothing and never advises removing the winner\'s clone', () =>
  withModuleHost([], async (h) => {
    const [a, b] = await Promise.all([h.module('clone', { targets: ['hdisk1'] }), h.module('clone', { targets: ['hdisk2'] })]);
    const [winner, loser] = a.json.failed ? [b, a] : [a, b];
    assertOk(winner, 'the winner');
    const msg = assertFailed(loser, 'the loser');
    assert.equal(loser.json.changed, false);
    assert.doesNotMatch(msg, /remove it|force: true|cleanup/i, msg);
    assert.match(msg, /^while this task waited, another altdisk task .* ran and left a complete altinst_rootvg on hdisk[12]; that is its result/);
  }));

test('class 4: two cleanups at once both reach the goal: both succeed, exactly one changed the host', () =>
  withModuleHost([], async (h) => {
    assertOk(await h.module('clone', { targets: ['hdisk1'], bootlist: false }));
    const [a, b] = await Promise.all([h.module('cleanup', {}), h.module('cleanup', {})]);
    assertOk(a, 'first cleanup');
    assertOk(b, 'second cleanup');
    assert.deepEqual([a.json.changed, b.json.changed].sort(), [false, true]);
    assert.equal(a.json.altinst_state, 'none');
    assert.equal(b.json.altinst_state, 'none');
  }));

test('class 4: phase "23" after a boot-list failure is rerun: the advice says so, and the rerun sets the boot list only', () =>
  withModuleHost([], async (h) => {
    assertOk(await h.module('clone', { targets: ['hdisk1'], phase: '1' }));
    h.sim('fault', 'bootlist');
    const failed = await h.module('phase', { phase: '23' });
    const msg = assertFailed(failed);
    assert.match(msg, /Phase 3 finished: a complete altinst_rootvg on hdisk1, but the normal boot list was not set to hdisk1\. Run this task again/);
    assert.doesNotMatch(msg, /Remove it/);
    const mark = h.mark();
    const rerun = await h.module('phase', { phase: '23' });
    assertOk(rerun);
    assert.equal(rerun.json.changed, true);
    assert.deepEqual(h.mutatingSince(mark), [['bootlist', '-m', 'normal', 'hdisk1']]);
    const again = await h.module('phase', { phase: '23' });
    assertOk(again);
    assert.equal(again.json.changed, false);
  }));

test('class 4: a phase that waited while another task completed the copy: that copy is the other task\'s result (phase 2 refuses and advises nothing about it, phase 23 finds it done)', () =>
  withModuleHost([], async (h) => {
    assertOk(await h.module('clone', { targets: ['hdisk1'], phase: '1' }));
    const lock = path.join(h.dir, 'root', 'var/adm/ras/altdisk/lock');
    for (const phase of ['2', '23'] as const) {
      if (phase === '23') {
        assertOk(await h.module('cleanup', {}));
        assertOk(await h.module('clone', { targets: ['hdisk1'], phase: '1' }));
      }
      // Another task (this test process, alive) holds the lock and finishes the copy while this one waits.
      fs.writeFileSync(lock, JSON.stringify({ pid: process.pid, module: 'phase', started: new Date().toISOString(), what: 'phase: alt_disk_copy -d hdisk1 -P 23' }));
      const run = started(h, 'phase', { phase });
      await run.progress(/altdisk: waiting for altdisk phase: alt_disk_copy -d hdisk1 -P 23 \(pid \d+\) to finish/);
      const other = h.run('alt_disk_copy', '-d', 'hdisk1', '-P', '3');
      assert.equal(other.rc, 0, other.stderr);
      fs.rmSync(lock);
      const a = await run.done;
      assert.equal(a.json.changed, false, `phase ${phase}: ${JSON.stringify(a.json)}`);
      if (phase === '2') {
        assert.equal(a.json.failed, true);
        assert.match(String(a.json.msg), /^while this task waited, another altdisk task \(phase: alt_disk_copy -d hdisk1 -P 23, pid \d+\) ran and left a complete altinst_rootvg on hdisk1; that is its result, so this phase 2 does not run on it and does not touch it\. Nothing was run/);
        assert.doesNotMatch(String(a.json.msg), /remove it|force: true|altdisk\.aix\.cleanup/i, 'no advice about the other task\'s copy');
      } else {
        assert.notEqual(a.json.failed, true, JSON.stringify(a.json));
        assert.match(String(a.json.msg), /already complete.*\(another altdisk task \(phase: alt_disk_copy -d hdisk1 -P 23, pid \d+\) ran while this task waited for it\)/);
      }
    }
  }));
