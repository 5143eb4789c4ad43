import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { cloneTranscript, hostState, lspvRow, startCommand, waitFor, withHost } from '../helpers/altdisk.js';

// A clone takes 20-40 minutes on AIX and other commands run meanwhile: at a small non-zero speed the
// transcript streams line by line, state changes are visible step by step, and a second alternate-disk
// operation is refused while the first one runs (one at a time).

/** About 3 seconds for the default clone (≈1415 nominal seconds). */
const SPEED = 0.002;
const SLOW = { AIXSIM_SPEED: String(SPEED) };

test('at a non-zero speed the transcript streams over a realistic 20-40 nominal minutes, and lspv sees altinst_rootvg meanwhile', () =>
  withHost([], async (h) => {
    const bg = startCommand(h, SLOW, 'alt_disk_copy', '-d', 'hdisk1');
    await waitFor(() => hostState(h).odm.some((v) => v.name === 'altinst_rootvg'), 'altinst_rootvg to appear');
    const during = lspvRow(h, 'hdisk1');
    assert.deepEqual([during.vg, during.state], ['altinst_rootvg', 'active'], 'varied on and mounted during phase 1');
    const seenWhileRunning = bg.lines.length;
    const r = await bg.done;
    assert.equal(r.rc, 0, r.stderr);
    assert.ok(seenWhileRunning >= 3 && seenWhileRunning < cloneTranscript('hdisk1').length, `lines seen while running: ${seenWhileRunning}`);
    assert.deepEqual(
      bg.lines.map((l) => l.text),
      cloneTranscript('hdisk1'),
    );
    const first = bg.lines[0]!.at;
    const last = bg.lines.at(-1)!.at;
    assert.ok(last - first > 1500, `the lines arrived over ${last - first} ms, not at once`);
    const backup = bg.lines.findIndex((l) => l.text === 'alternate file system...');
    assert.ok(bg.lines[backup + 1]!.at - bg.lines[backup]!.at > 1000, 'the backup/restore step is the long one');
    assert.equal(lspvRow(h, 'hdisk1').state, '');
    const minutes = h.calls().find((c) => c.argv[0] === 'alt_disk_copy')!.ms / SPEED / 60_000;
    assert.ok(minutes >= 20 && minutes <= 40, `the clone took ${minutes.toFixed(1)} nominal minutes, not a realistic 20-40`);
  }));

test('two alternate-disk operations at once: the second is refused while the first runs, then works', () =>
  withHost([], async (h) => {
    const bg = startCommand(h, SLOW, 'alt_disk_copy', '-d', 'hdisk1');
    await waitFor(() => hostState(h).busy !== null, 'the first copy to claim the host');
    const busy = hostState(h).busy!;
    assert.equal(busy.command, 'alt_disk_copy');
    assert.equal(busy.pid, bg.pid);
    const second = h.run('alt_disk_copy', '-d', 'hdisk2');
    assert.equal(second.rc, 1);
    assert.equal(second.stdout, '');
    assert.equal(second.stderr, `alt_disk_copy: Another alternate disk operation (alt_disk_copy, process ${bg.pid}) is in progress. Try again when it has finished.\n`);
    const cleanup = h.run('alt_rootvg_op', '-X');
    assert.equal(cleanup.rc, 1, 'cleanup is refused too');
    assert.match(cleanup.stderr, /Another alternate disk operation/);
    const query = h.run('alt_rootvg_op', '-q', '-d', 'hdisk0');
    assert.equal(query.rc, 0, 'queries are not blocked');
    const r = await bg.done;
    assert.equal(r.rc, 0, r.stderr);
    assert.equal(hostState(h).busy, null);
    assert.equal(h.run('alt_rootvg_op', '-X').rc, 0);
  }));

test('a claim left by a process that no longer exists does not block the host', () =>
  withHost([], (h) => {
    assert.equal(h.run('alt_disk_copy', '-d', 'hdisk1', '-P', '1').rc, 0);
    // Simulate a killed run: a claim whose pid is gone.
    const file = `${h.dir}/state.json`;
    const s = hostState(h);
    s.busy = { pid: 999999999, command: 'alt_disk_copy', since: new Date().toISOString() };
    fs.writeFileSync(file, JSON.stringify(s));
    const r = h.run('alt_disk_copy', '-d', 'hdisk1', '-P', '3');
    assert.equal(r.rc, 0, r.stderr);
    assert.equal(hostState(h).busy, null);
  }));

test('a state lock without a live owner (its command killed, or left empty) holds up no later command', () =>
  withHost([], (h) => {
    const lock = `${h.dir}/state.lock`;
    // Empty, a dead pid, and this test's own live pid with another start time (a recycled pid).
    for (const content of ['', '999999999', `${process.pid} 1`]) {
      fs.writeFileSync(lock, content);
      // Taken for a live one, the lock would hold the command up for 30 s and then fail it (rc 70).
      const r = h.run('alt_disk_copy', '-d', 'hdisk1', '-P', '1');
      assert.equal(r.rc, 0, `${JSON.stringify(content)} in state.lock: ${r.stderr}`);
      assert.equal(fs.existsSync(lock), false, 'the lock is released');
      assert.equal(h.run('alt_rootvg_op', '-X').rc, 0);
    }
    assert.deepEqual(fs.readdirSync(h.dir).filter((f) => f.startsWith('state.lock')), [], 'no lock file left behind');
  }));
