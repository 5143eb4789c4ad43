import { test } from 'node:test';
import assert from 'node:assert/strict';
import { gatherFacts } from '../../modules/src/facts/gather.js';
import { simHostAccess } from '../helpers/sim-host-access.js';
import { aixsim } from '../helpers/sim.js';
import { slowModule } from '../helpers/kill.js';
import { assertFailed, assertOk, msgOf, oneJsonLine, withModuleHost, type ModuleAnswer, type ModuleHost } from '../helpers/modules.js';

// Issue 8, class 3 (facts that are true) and class 1 (a half-made alternate rootvg is never taken
// for a finished one), through the bundled modules on simulated hosts.

interface Altdisk {
  disks: { name: string; free: boolean; bootable: boolean; available: boolean; rootvg_copy: boolean; exported_vg: { lvs: string[] } | null }[];
  free_disks: { name: string }[];
  altinst: { state: string; disks: string[]; varied_on: boolean; problem: string | null };
  operations: { pid: number; command: string; by: string }[];
  health: string[];
}

function altdisk(a: ModuleAnswer): Altdisk {
  return (a.json.ansible_facts as { altdisk: Altdisk }).altdisk;
}

async function facts(h: ModuleHost): Promise<Altdisk> {
  const a = await h.module('facts', {});
  assertOk(a);
  return altdisk(a);
}

const disk = (f: Altdisk, name: string) => f.disks.find((d) => d.name === name)!;

test('class 3: a disk holding an exported volume group (its VGDA still lists logical volumes) is not free, and a clone refuses it', () =>
  withModuleHost([], async (h) => {
    assert.equal(h.run('varyoffvg', 'datavg').rc, 0);
    assert.equal(h.run('exportvg', 'datavg').rc, 0);
    assert.match(h.lspvLine('hdisk4'), /^hdisk4\s+\S+\s+None\s*$/, 'lspv shows None, as AIX does after exportvg');
    const f = await facts(h);
    assert.equal(disk(f, 'hdisk4').free, false);
    assert.deepEqual(disk(f, 'hdisk4').exported_vg, { lvs: ['loglv00', 'fslv00'] });
    assert.ok(!f.free_disks.some((d) => d.name === 'hdisk4'), 'not offered to disk_size_policy');
    assert.ok(f.health.some((w) => /^hdisk4 shows no volume group in lspv, but its VGDA lists the logical volumes loglv00, fslv00/.test(w)));
    const refused = await h.module('clone', { targets: ['hdisk4'] });
    assert.match(assertFailed(refused), /^targets: hdisk4 shows None in lspv, but its VGDA still lists the logical volumes loglv00, fslv00 \(lqueryvg -p hdisk4 -L\): an exported volume group/);
    assert.deepEqual(h.mutatingSince(0).filter((c) => c[0] === 'alt_disk_copy'), []);
  }));

test('class 3: a clone whose disk vanished is neither complete nor bootable; the boot list that starts it is said to fail, cleanup puts it back on rootvg', () =>
  withModuleHost([], async (h) => {
    assertOk(await h.module('clone', { targets: ['hdisk1'] }));
    h.sim('fault', 'disk-gone', 'hdisk1');
    const f = await facts(h);
    assert.equal(f.altinst.state, 'incomplete');
    assert.match(f.altinst.problem!, /hdisk1 is gone \(lsdev -Cc disk shows hdisk1 Defined\)/);
    assert.deepEqual([disk(f, 'hdisk1').bootable, disk(f, 'hdisk1').available], [false, false]);
    // bootlist -o shows a device that is gone as "-" (§12.1).
    assert.match(f.health[0]!, /^The normal bootlist starts with a device that is no longer present/);
    assert.match(assertFailed(await h.module('phase', { phase: '3' })), /half-made/);
    assert.match(assertFailed(await h.module('bootlist', { normal: ['hdisk1'] })), /hdisk1 holds no boot logical volume to start from/);
    const c = await h.module('cleanup', {});
    assertOk(c);
    assert.deepEqual((c.json.commands as string[][])[0], ['/usr/bin/bootlist', '-m', 'normal', 'hdisk0']);
    assert.deepEqual(c.json.next_boot, { device: 'hdisk0', complete_rootvg: true });
  }));

test('class 3: a disk freed by -X keeps its copy, and bootinfo -B still calls it bootable: the facts say so, and it boots', () =>
  withModuleHost([], async (h) => {
    assertOk(await h.module('clone', { targets: ['hdisk1'], bootlist: false }));
    assertOk(await h.module('cleanup', {}));
    assert.equal(h.run('bootinfo', '-B', 'hdisk1').stdout.trim(), '1');
    const f = await facts(h);
    assert.deepEqual([disk(f, 'hdisk1').rootvg_copy, disk(f, 'hdisk1').bootable], [true, true]);
    assert.ok(!f.free_disks.some((d) => d.name === 'hdisk1'), 'a copy on disk is never picked by disk_size_policy');
    assertOk(await h.module('bootlist', { normal: ['hdisk1', 'hdisk0'] }), 'a bootable disk may go first');
    const r = aixsim(['reboot', h.dir]);
    assert.equal(r.rc, 0, r.stderr);
    assert.equal(h.run('getconf', 'BOOT_DEVICE').stdout.trim(), 'hdisk1');
  }));

test('class 3: an alternate-disk operation in progress is "in progress" (never "left half-done"), and nothing is planned on top of it', () =>
  withModuleHost([], async (h) => {
    const m = slowModule('clone', h.dir, { targets: ['hdisk1'] });
    await m.until(/Creating logical volume alt_hd4/);

    const f = await facts(h);
    assert.equal(f.altinst.state, 'in-progress', JSON.stringify(f.altinst));
    assert.equal(f.operations[0]!.by, 'altdisk');
    assert.ok(f.health.some((w) => /^An alternate-disk operation is in progress/.test(w)), f.health.join('\n'));
    assert.ok(!f.health.some((w) => /half-done|half-made/.test(w)), f.health.join('\n'));
    const phase = await h.check('phase', { phase: '3' });
    assert.match(assertFailed(phase), /^an alternate-disk operation is in progress on this host: altdisk clone: alt_disk_copy -d hdisk1 \(pid \d+, an altdisk task\)\. Nothing was run/);

    await m.closed;
    assert.equal(oneJsonLine(m.out()).altinst_state, 'complete');
    assert.equal((await facts(h)).altinst.state, 'complete');
  }));

test('class 3: a read that fails because the state changed under it is read again, not reported as an AIX error', () =>
  withModuleHost([], async (h) => {
    assertOk(await h.module('clone', { targets: ['hdisk1'], phase: '1' }));
    const host = simHostAccess(h.dir);
    // The first lsvg of altinst_rootvg meets it varied off half-way (0516-010), as when phase 3 runs meanwhile.
    let first = true;
    const run = host.run.bind(host);
    host.run = (argv, options) => {
      if (first && argv.join(' ') === '/usr/sbin/lsvg altinst_rootvg') {
        first = false;
        return Promise.resolve({ argv, rc: 1, stdout: '', stderr: '0516-010 : Volume group must be varied on; use varyonvg command.\n' });
      }
      return run(argv, options);
    };
    const f = await gatherFacts(host);
    assert.equal(first, false, 'the failure was met');
    assert.equal(f.altRootvg.state, 'phase1');
  }));

test('class 1: a phase-1 copy that a reboot varied off is called phase 1 (not complete, not bootable), and phase 3 finishes it (issue example)', () =>
  withModuleHost([], async (h) => {
    assertOk(await h.module('clone', { targets: ['hdisk1'], phase: '1' }));
    h.sim('reboot');
    const f = await facts(h);
    assert.deepEqual([f.altinst.state, f.altinst.varied_on], ['phase1', false]);
    assert.equal(disk(f, 'hdisk1').bootable, false);
    assert.match(f.health.join('\n'), /varied off by a reboot since \(its VGDA still has the alt_ names, so it cannot boot\)\. Run phase 3/);
    assert.match(assertFailed(await h.module('bootlist', { normal: ['hdisk1'] })), /hdisk1 holds no boot logical volume to start from/);
    const p3 = await h.module('phase', { phase: '3' });
    assertOk(p3);
    assert.equal(p3.json.altinst_state, 'complete');
    assert.deepEqual(p3.json.next_boot, { device: 'hdisk1', complete_rootvg: true });
    const r = aixsim(['reboot', h.dir]);
    assert.equal(r.rc, 0, `the finished copy boots: ${r.stderr}`);
    assert.equal(h.run('getconf', 'BOOT_DEVICE').stdout.trim(), 'hdisk1');
  }));

test('class 1: the whole process group killed (an Ansible async timeout) in the middle of the copy: the next task calls it half-made, refuses to continue it, force starts again', () =>
  withModuleHost([], async (h) => {
    const m = slowModule('clone', h.dir, { targets: ['hdisk1'], phase: '1' });
    await m.until(/Backing-up the rootvg files/);
    process.kill(-m.child.pid!, 'SIGKILL');
    await m.closed;

    const f = await facts(h);
    assert.equal(f.altinst.state, 'incomplete');
    assert.match(f.altinst.problem!, /the altdisk clone run of .* did not finish alt_disk_copy -d hdisk1 -P 1: the module ended without finishing its record/);
    assert.equal(disk(f, 'hdisk1').bootable, false);
    assert.match(assertFailed(await h.module('phase', { phase: '23' })), /does not continue a half-made copy/);
    assert.match(msgOf(await h.module('clone', { targets: ['hdisk1'], phase: '1' })), /half-made altinst_rootvg on hdisk1 .* is not continued/);
    const mark = h.mark();
    const again = await h.module('clone', { targets: ['hdisk1'], phase: '1', force: true });
    assertOk(again);
    assert.deepEqual(h.mutatingSince(mark), [
      ['alt_rootvg_op', '-X', 'altinst_rootvg'],
      ['alt_disk_copy', '-d', 'hdisk1', '-P', '1'],
    ]);
    assert.equal(again.json.altinst_state, 'phase1');
  }));

test('class 1: the AIX command killed under the module (rc 137): one answer, the copy called half-made', () =>
  withModuleHost([], async (h) => {
    const m = slowModule('clone', h.dir, { targets: ['hdisk1'] });
    await m.until(/Backing-up the rootvg files/);
    // The AIX command's pid, as the module recorded it when the command started.
    const record = JSON.parse(h.file('/var/adm/ras/altdisk/run.json')) as { commands: { pid: number }[] };
    process.kill(record.commands.at(-1)!.pid, 'SIGKILL');
    await m.closed;
    const a = oneJsonLine(m.out());
    assert.equal(a.failed, true);
    assert.equal(a.rc, 137);
    assert.equal(a.altinst_state, 'incomplete');
    assert.match(String(a.msg), /^alt_disk_copy failed \(rc 137\) .*\nLeft behind: a half-made altinst_rootvg on hdisk1/s);
  }));
