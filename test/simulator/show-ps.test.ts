import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { cli, lines, startCommand, waitFor, withHost } from '../helpers/altdisk.js';
import { groundTruth, type ShowJson } from '../helpers/ground-truth.js';
import { newHost } from '../helpers/sim.js';

// `aixsim show DIR [--json]`: the ground truth the model-based tests assert against; the host's `ps`,
// which lists the simulated commands running on that host and nothing else.

const SLOW = { AIXSIM_SPEED: '0.003' };

test('show --json: the documented shape, the same as in-process; the readable form says the same', () =>
  withHost([], (h) => {
    const r = cli(h, 'show', '--json');
    assert.equal(r.rc, 0, r.stderr);
    const j = JSON.parse(r.stdout) as ShowJson;
    assert.deepEqual(Object.keys(j), ['schema', 'host', 'profile', 'generation', 'level', 'down', 'nextBoot', 'rootvg', 'copies', 'disks', 'operation', 'processes', 'faults']);
    assert.deepEqual(Object.keys(j.nextBoot), ['bootlist', 'disk', 'vgid', 'ok', 'led', 'noBootableDevice', 'reason', 'startsRunningRootvg', 'level']);
    assert.deepEqual(Object.keys(j.rootvg), ['vgid', 'disks', 'bootDisks', 'level', 'digest']);
    assert.deepEqual(Object.keys(j.disks[0]!), ['name', 'id', 'pvid', 'sizeMb', 'present', 'bootRecord', 'vgda', 'odmVg', 'foreignVgda']);
    assert.equal(j.schema, 1);
    assert.deepEqual(j.nextBoot, { bootlist: ['hdisk0'], disk: 'hdisk0', vgid: j.rootvg.vgid, ok: true, led: null, noBootableDevice: false, reason: null, startsRunningRootvg: true, level: '7300-02-01-2346' });
    assert.deepEqual([j.copies, j.operation, j.faults], [[], null, []]);
    const inProcess = groundTruth(h.dir);
    assert.deepEqual({ ...inProcess, processes: [] }, { ...j, processes: [] });
    const text = lines(cli(h, 'show').stdout);
    assert.equal(text[1], 'next boot: hdisk0 starts the running rootvg (7300-02-01-2346); normal boot list: hdisk0');
    assert.equal(text[3], 'rootvg copies: none');
    assert.match(cli(h, '--help').stdout, /aixsim show <dir> \[--json\]/);
  }));

test('show follows a clone through its life: complete, awake, old_rootvg after booting it, removed (-X) with its VGDA left on the disk', () =>
  withHost([], (h) => {
    const digest = groundTruth(h.dir).rootvg.digest;
    assert.equal(h.run('alt_disk_copy', '-d', 'hdisk1').rc, 0);
    let t = groundTruth(h.dir);
    assert.equal(t.rootvg.digest, digest, 'a clone leaves rootvg untouched (its log aside)');
    assert.deepEqual(
      t.copies.map((c) => [c.name, c.state, c.bootDisk, c.boot.ok, c.origin]),
      [['altinst_rootvg', 'complete', 'hdisk1', true, 'alt_disk_copy']],
    );
    assert.deepEqual([t.nextBoot.disk, t.nextBoot.ok, t.nextBoot.startsRunningRootvg], ['hdisk1', true, false]);
    assert.equal(h.run('alt_rootvg_op', '-W', '-d', 'hdisk1').rc, 0);
    t = groundTruth(h.dir);
    assert.equal(t.copies[0]!.state, 'awake');
    assert.deepEqual([t.nextBoot.ok, t.nextBoot.led], [false, '554'], 'the boot list points at a woken clone');
    assert.equal(h.run('alt_rootvg_op', '-S').rc, 0);
    assert.equal(cli(h, 'reboot').rc, 0);
    t = groundTruth(h.dir);
    assert.deepEqual(t.rootvg.disks, ['hdisk1']);
    assert.notEqual(t.rootvg.digest, digest);
    assert.deepEqual(
      t.copies.map((c) => [c.name, c.state, c.wasSystemRootvg, c.boot.ok]),
      [['old_rootvg', 'old-rootvg', true, true]],
    );
    assert.equal(h.run('alt_rootvg_op', '-X', 'old_rootvg').rc, 0);
    t = groundTruth(h.dir);
    assert.deepEqual(
      t.copies.map((c) => [c.name, c.state, c.disks]),
      [[null, 'removed', ['hdisk0']]],
    );
    const hdisk0 = t.disks.find((d) => d.name === 'hdisk0')!;
    assert.deepEqual([hdisk0.odmVg, hdisk0.foreignVgda, hdisk0.vgda?.rootvgCopy], [null, true, true], 'lspv says None; the VGDA is still there');
  }));

test('show: an exported data VG keeps its VGDA (foreign to the system, listing its LVs); a gone disk; the state is reported while the host is down', () =>
  withHost([], (h) => {
    assert.equal(h.run('varyoffvg', 'datavg').rc, 0);
    assert.equal(h.run('exportvg', 'datavg').rc, 0);
    let t = groundTruth(h.dir);
    const hdisk4 = t.disks.find((d) => d.name === 'hdisk4')!;
    assert.deepEqual([hdisk4.odmVg, hdisk4.foreignVgda, hdisk4.vgda!.rootvgCopy, hdisk4.vgda!.lvs.length > 0], [null, true, false, true]);
    assert.match(cli(h, 'show').stdout, /hdisk4: a volume group the system does not know/);
    assert.equal(h.run('bootlist', '-m', 'normal', 'hdisk2').rc, 0);
    assert.equal(cli(h, 'reboot').rc, 1);
    t = groundTruth(h.dir);
    assert.deepEqual([t.down !== null, t.nextBoot.noBootableDevice], [true, true]);
  }));

test('ps -e -o pid,args lists the host\'s running simulated commands as AIX shows them, and only those; stale entries are ignored', () =>
  withHost([], async (h) => {
    const other = newHost();
    try {
      const bg = startCommand(h, SLOW, 'alt_disk_copy', '-d', 'hdisk1');
      await waitFor(() => bg.lines.length >= 3, 'the clone to start');
      const out = h.run('ps', '-e', '-o', 'pid,args');
      assert.equal(out.rc, 0, out.stderr);
      const ls = lines(out.stdout);
      assert.equal(ls[0], '     PID COMMAND');
      assert.ok(ls.includes(`${String(bg.pid).padStart(8)} /usr/bin/ksh /usr/sbin/alt_disk_copy -d hdisk1`), ls.join('\n'));
      assert.match(ls.at(-1)!, /^ *\d+ \/usr\/bin\/ps -e -o pid,args$/, 'ps sees itself');
      assert.equal(ls.length, 3);
      // Another host's ps knows nothing of it.
      assert.deepEqual(lines(other.run('ps', '-e', '-o', 'pid,args').stdout).slice(1).map((l) => l.trim().split(' ')[1]), ['/usr/bin/ps']);
      const full = lines(h.run('ps', '-ef').stdout);
      assert.equal(full[0], '     UID      PID     PPID   C    STIME    TTY TIME CMD');
      const row = full.find((l) => l.includes('alt_disk_copy'))!;
      assert.match(row, new RegExp(`^ {4}root {1,}${bg.pid} {1,}${process.pid} {3}0 \\d\\d:\\d\\d:\\d\\d {6}- 0:00 /usr/bin/ksh /usr/sbin/alt_disk_copy -d hdisk1$`));
      assert.equal(groundTruth(h.dir).operation?.alive, true);
      process.kill(bg.pid, 'SIGKILL');
      await bg.done;
      // The dead clone's entry and a made-up stale one (a pid that is not running) are not listed.
      fs.writeFileSync(path.join(h.dir, 'run', '999999.json'), JSON.stringify({ pid: 999999, ppid: 1, start: null, startedAt: new Date().toISOString(), command: 'alt_disk_copy', args: [] }));
      const after = lines(h.run('ps', '-e', '-o', 'pid,args').stdout);
      assert.equal(after.length, 2, after.join('\n'));
      assert.equal(groundTruth(h.dir).operation?.alive, false, 'the claim of the dead command is left, not alive');
      assert.equal(h.run('ps', '-p', '999999').rc, 1);
      assert.equal(h.run('ps', '-e', '-o', 'pid,nonsense').rc, 2);
    } finally {
      other.cleanup();
    }
  }));
