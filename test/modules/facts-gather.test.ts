import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { gatherFacts } from '../../modules/src/facts/gather.js';
import { FactsError } from '../../modules/src/facts/errors.js';
import { healthWarnings } from '../../modules/src/facts/health.js';
import { rootvgSizeNeed, selectDisks } from '../../modules/src/facts/size.js';
import type { HostFacts } from '../../modules/src/facts/types.js';
import { aixsim, newHost, type SimHost } from '../helpers/sim.js';
import { simHostAccess } from '../helpers/sim-host-access.js';

// gatherFacts against real simulated hosts: the commands of <host>/bin run exactly as a module
// on AIX would run /usr/sbin/lspv & co.

async function withHost(options: string[], body: (h: SimHost) => Promise<void>): Promise<void> {
  const h = newHost(...options);
  try {
    await body(h);
  } finally {
    h.cleanup();
  }
}

function run(h: SimHost, command: string, ...args: string[]): void {
  const r = h.run(command, ...args);
  assert.equal(r.rc, 0, `${command} ${args.join(' ')} failed: ${r.stderr}`);
}

function disk(f: HostFacts, name: string) {
  const d = f.disks.find((x) => x.name === name);
  assert.ok(d, `no ${name} in the facts`);
  return d;
}

const PATHS = [0, 1, 2, 3].map(String);

test('facts of a fresh AIX 7.3 host, and exactly the commands needed for them', async () => {
  await withHost([], async (h) => {
    const host = simHostAccess(h.dir);
    const before = h.stateText();
    const f = await gatherFacts(host);
    assert.equal(f.generation, 'modern');
    assert.deepEqual(f.oslevel, { base: '7.3.0.0', tl: '7300-02', sp: '7300-02-01-2346' });
    assert.deepEqual(
      f.disks.map((d) => [d.name, d.vg, d.state, d.active, d.free, d.sizeMb, d.bootable]),
      [
        ['hdisk0', 'rootvg', 'active', true, false, null, true],
        ['hdisk1', null, null, false, true, 20480, false],
        ['hdisk2', null, null, false, true, 40960, false],
        ['hdisk3', null, null, false, true, 61440, false],
        ['hdisk4', 'datavg', 'active', true, false, null, false],
      ],
    );
    assert.equal(disk(f, 'hdisk3').pvid, null);
    assert.match(disk(f, 'hdisk0').pvid!, /^[0-9a-f]{16}$/);
    assert.deepEqual(
      f.volumeGroups.map((v) => [v.name, v.role, v.active, v.disks, v.details?.vg ?? null]),
      [
        ['rootvg', 'rootvg', true, ['hdisk0'], 'rootvg'],
        ['datavg', 'other', true, ['hdisk4'], null],
      ],
    );
    assert.deepEqual(
      { ...f.rootvg, lvs: f.rootvg.lvs.length },
      { ppSizeMb: 32, totalPps: 959, usedPps: 333, freePps: 626, totalPvs: 1, copies: 1, disks: ['hdisk0'], bootDisks: ['hdisk0'], lvs: 12 },
    );
    assert.deepEqual(f.altRootvg, { state: 'none', vg: null, disks: [], bootDisk: null, mountedAt: [], lvs: null, decidedBy: null, madeBy: null, variedOn: false, problem: null });
    assert.equal(f.oldRootvg, null);
    assert.deepEqual([f.operations, f.lockHolder, f.lastRun], [[], null, null]);
    assert.deepEqual(f.bootlists, {
      normal: [{ device: 'hdisk0', attrs: { blv: 'hd5' }, pathIds: PATHS }],
      service: [{ device: 'hdisk0', attrs: { blv: 'hd5' }, pathIds: PATHS }],
    });
    assert.deepEqual(f.altDiskFilesets, { rte: '7.3.2.1', bootImages: '7.3.2.1' });
    assert.equal(f.bootDevice, 'hdisk0');
    assert.deepEqual(f.mounts.find((m) => m.mountPoint === '/'), { node: null, device: '/dev/hd4', mountPoint: '/', vfs: 'jfs2', date: f.mounts[0]!.date, options: ['rw', 'log=/dev/hd8'] });
    assert.deepEqual(f.etcFilesystems, { present: true, checked: ['/', '/usr', '/var', '/tmp', '/home', '/opt'], missing: [] });
    assert.deepEqual(healthWarnings(f), []);

    // Read-only, absolute paths, per-disk queries only for the disks without a VG (their VGDA only
    // where they have a PVID), no lsvg of datavg; ps and lsdev for operations running and disks gone.
    const ran = host.ran.map((a) => a.join(' ')).sort();
    assert.deepEqual(ran, [
      '/usr/bin/bootlist -m normal -o',
      '/usr/bin/bootlist -m service -o',
      '/usr/bin/getconf BOOT_DEVICE',
      '/usr/bin/getconf DISK_SIZE /dev/hdisk1',
      '/usr/bin/getconf DISK_SIZE /dev/hdisk2',
      '/usr/bin/getconf DISK_SIZE /dev/hdisk3',
      '/usr/bin/lslpp -lc bos.alt_disk_install.rte bos.alt_disk_install.boot_images',
      '/usr/bin/oslevel',
      '/usr/bin/oslevel -s',
      '/usr/bin/ps -e -o pid,args',
      '/usr/sbin/getlvodm -j hdisk1',
      '/usr/sbin/getlvodm -j hdisk2',
      '/usr/sbin/getlvodm -j hdisk3',
      '/usr/sbin/lqueryvg -p hdisk1 -L',
      '/usr/sbin/lqueryvg -p hdisk2 -L',
      '/usr/sbin/lsdev -Cc disk -F name:status',
      '/usr/sbin/lspv',
      '/usr/sbin/lsvg',
      '/usr/sbin/lsvg -l rootvg',
      '/usr/sbin/lsvg rootvg',
      '/usr/sbin/mount',
    ]);
    assert.deepEqual(host.ran[0], ['/usr/bin/oslevel'], 'oslevel first: it decides the command generation');
    // Nothing changed on the host: facts gathering only queries.
    assert.equal(h.stateText(), before);
    // ps is not simulated on every host yet: it answers 127 and is left out of the call log.
    assert.equal(h.calls().length, host.ran.filter((a) => a[0] !== '/usr/bin/ps' || h.calls().some((c) => c.argv[0] === 'ps')).length, 'every planned command reached the host once');

    // The size facts feed the disk choice: one copy of 333 LPs x 32 MB, rootvg 959 PPs.
    const need = rootvgSizeNeed(f.rootvg);
    assert.deepEqual(need, { ppSizeMb: 32, copies: 1, usedMb: 10656, totalMb: 30688 });
    const free = f.disks.filter((d) => d.free);
    assert.deepEqual(selectDisks('upper', free, need), { ok: true, disks: ['hdisk2'], sizeMb: 40960, warnings: [] });
    assert.deepEqual((selectDisks('nearest', free, need) as { disks: string[] }).disks, ['hdisk1']);
  });
});

test('diskSizes "all" and vgDetails "all" measure every disk and describe every active VG', async () => {
  await withHost([], async (h) => {
    const f = await gatherFacts(simHostAccess(h.dir), { diskSizes: 'all', vgDetails: 'all' });
    assert.deepEqual(f.disks.map((d) => d.sizeMb), [30720, 20480, 40960, 61440, 51200]);
    const datavg = f.volumeGroups.find((v) => v.name === 'datavg')!;
    assert.equal(datavg.details?.ppSizeMb, 64);
    assert.equal(datavg.details?.totalPvs, 1);
  });
});

test('a mirrored rootvg: two copies counted from the LVs, both disks bootable, one clone copy needed', async () => {
  await withHost(['--mirrored'], async (h) => {
    const host = simHostAccess(h.dir);
    const f = await gatherFacts(host);
    assert.deepEqual(f.rootvg.disks, ['hdisk0', 'hdisk1']);
    assert.equal(f.rootvg.copies, 2);
    assert.equal(f.rootvg.totalPvs, 2);
    assert.deepEqual(f.rootvg.bootDisks, ['hdisk0', 'hdisk1']);
    assert.deepEqual(f.disks.filter((d) => d.bootable).map((d) => d.name), ['hdisk0', 'hdisk1']);
    assert.deepEqual(f.disks.filter((d) => d.free).map((d) => d.name), ['hdisk2', 'hdisk3']);
    assert.deepEqual(f.bootlists.normal.map((e) => e.device), ['hdisk0', 'hdisk1']);
    assert.ok(host.ran.some((a) => a.join(' ') === '/usr/sbin/lslv -l hd5'), 'two rootvg disks: lslv -l hd5 tells where the boot LV is');
    const need = rootvgSizeNeed(f.rootvg);
    assert.equal(need.copies, 2);
    assert.equal(need.usedMb, 10656, 'one copy of the LVs, not both');
    assert.deepEqual(healthWarnings(f), []);
  });
});

test('a legacy AIX 4.3 host: oslevel -r, bootinfo instead of getconf, no /opt expected', async () => {
  await withHost(['--profile', 'aix43'], async (h) => {
    const host = simHostAccess(h.dir);
    const f = await gatherFacts(host);
    assert.equal(f.generation, 'legacy');
    assert.deepEqual(f.oslevel, { base: '4.3.3.0', tl: '4330-11', sp: null });
    assert.equal(f.bootDevice, 'hdisk0');
    assert.deepEqual(f.bootlists.normal, [{ device: 'hdisk0', attrs: { blv: 'hd5' }, pathIds: [] }]);
    assert.deepEqual(f.disks.filter((d) => d.free).map((d) => [d.name, d.sizeMb]), [
      ['hdisk1', 8678],
      ['hdisk2', 17357],
      ['hdisk3', 17357],
    ]);
    assert.deepEqual(f.etcFilesystems.checked, ['/', '/usr', '/var', '/tmp', '/home']);
    assert.deepEqual(f.etcFilesystems.missing, []);
    assert.equal(f.rootvg.ppSizeMb, 16);
    const ran = host.ran.map((a) => a.join(' '));
    assert.ok(ran.includes('/usr/bin/oslevel -r'));
    assert.ok(ran.includes('/usr/sbin/bootinfo -b'));
    assert.ok(ran.includes('/usr/sbin/bootinfo -s hdisk1'));
    assert.ok(!ran.some((c) => c.startsWith('/usr/bin/oslevel -s') || c.startsWith('/usr/bin/getconf')), ran.join('\n'));
    assert.deepEqual(healthWarnings(f), []);
  });
});

test('an AIX 5.3 host is modern and has oslevel -s', async () => {
  await withHost(['--profile', 'aix53'], async (h) => {
    const f = await gatherFacts(simHostAccess(h.dir));
    assert.equal(f.generation, 'modern');
    assert.deepEqual(f.oslevel, { base: '5.3.0.0', tl: '5300-12', sp: '5300-12-04-1119' });
    assert.deepEqual(f.etcFilesystems.checked, ['/', '/usr', '/var', '/tmp', '/home', '/opt']);
  });
});

test('a missing alt-disk fileset is null, the other keeps its level (0504-132)', async () => {
  await withHost(['--no-fileset', 'boot_images', '--rte-level', '7.3.1.0'], async (h) => {
    const f = await gatherFacts(simHostAccess(h.dir));
    assert.deepEqual(f.altDiskFilesets, { rte: '7.3.1.0', bootImages: null });
  });
});

test('after a clone: a complete altinst_rootvg, bootable and first in the bootlist; no lsvg of the varied-off VG', async () => {
  await withHost([], async (h) => {
    run(h, 'alt_disk_copy', '-d', 'hdisk1');
    const host = simHostAccess(h.dir);
    const f = await gatherFacts(host);
    const { madeBy, ...alt } = f.altRootvg;
    assert.deepEqual(alt, { state: 'complete', vg: 'altinst_rootvg', disks: ['hdisk1'], bootDisk: 'hdisk1', mountedAt: [], lvs: null, decidedBy: null, variedOn: false, problem: null });
    // The log still says what made it, for the planners (which command continues it, from which image).
    assert.equal(madeBy?.commandLine, '/usr/sbin/alt_disk_copy -d hdisk1');
    assert.deepEqual([disk(f, 'hdisk1').vg, disk(f, 'hdisk1').state, disk(f, 'hdisk1').free, disk(f, 'hdisk1').bootable], ['altinst_rootvg', null, false, true]);
    assert.equal(f.volumeGroups.find((v) => v.role === 'altinst_rootvg')?.active, false);
    assert.equal(f.bootlists.normal[0]?.device, 'hdisk1');
    assert.deepEqual(healthWarnings(f), []);
    const ran = host.ran.map((a) => a.join(' '));
    assert.ok(!ran.some((c) => c.includes('altinst_rootvg')), `a varied-off VG answers 0516-010: ${ran.join(', ')}`);
    assert.ok(!ran.includes('/usr/sbin/getlvodm -j hdisk1'));
  });
});

test('a clone on two disks: the boot disk from alt_rootvg_op -q, or from lslv -l alt_hd5 while mounted', async () => {
  await withHost([], async (h) => {
    run(h, 'alt_disk_copy', '-d', 'hdisk1 hdisk2');
    const host = simHostAccess(h.dir);
    const f = await gatherFacts(host);
    assert.equal(f.altRootvg.state, 'complete');
    assert.deepEqual(f.altRootvg.disks, ['hdisk1', 'hdisk2']);
    assert.equal(f.altRootvg.bootDisk, 'hdisk1');
    assert.deepEqual(f.disks.filter((d) => d.bootable).map((d) => d.name), ['hdisk0', 'hdisk1']);
    assert.ok(host.ran.some((a) => a.join(' ') === '/usr/sbin/alt_rootvg_op -q -d hdisk1'));
    run(h, 'alt_rootvg_op', '-W', '-d', 'hdisk1');
    const awake = simHostAccess(h.dir);
    const g = await gatherFacts(awake);
    assert.equal(g.altRootvg.state, 'awake');
    assert.equal(g.altRootvg.bootDisk, 'hdisk1');
    assert.ok(awake.ran.some((a) => a.join(' ') === '/usr/sbin/lslv -l alt_hd5'), awake.ran.map((a) => a.join(' ')).join(', '));
    assert.ok(!awake.ran.some((a) => a[0] === '/usr/sbin/alt_rootvg_op'));
  });
});

test('after phase 1 only: phase1, mounted at /alt_inst, alt_ LVs, and a warning to finish it', async () => {
  await withHost([], async (h) => {
    run(h, 'alt_disk_copy', '-d', 'hdisk1', '-P1');
    const f = await gatherFacts(simHostAccess(h.dir));
    assert.equal(f.altRootvg.state, 'phase1');
    assert.deepEqual(f.altRootvg.disks, ['hdisk1']);
    assert.equal(f.altRootvg.bootDisk, 'hdisk1');
    assert.ok(f.altRootvg.mountedAt.includes('/alt_inst') && f.altRootvg.mountedAt.includes('/alt_inst/usr'), f.altRootvg.mountedAt.join(' '));
    assert.ok(f.altRootvg.lvs?.some((lv) => lv.name === 'alt_hd4' && lv.mount === '/alt_inst'), JSON.stringify(f.altRootvg.lvs));
    assert.equal(f.altRootvg.decidedBy?.program, 'alt_disk_copy');
    assert.equal(disk(f, 'hdisk1').bootable, false);
    assert.equal(disk(f, 'hdisk1').active, true);
    assert.deepEqual(healthWarnings(f), [
      'altinst_rootvg (hdisk1) has finished phase 1/2 and waits for phase 3: it is varied on and mounted at /alt_inst. Run phase 3 (alt_disk_copy -P 3 -d "hdisk1") to finish it, or remove it with alt_rootvg_op -X altinst_rootvg.',
    ]);
  });
});

test('after a wake-up: awake, decided by alt_rootvg_op -W in alt_disk_inst.log', async () => {
  await withHost([], async (h) => {
    run(h, 'alt_disk_copy', '-d', 'hdisk1');
    run(h, 'alt_rootvg_op', '-W', '-d', 'hdisk1');
    const f = await gatherFacts(simHostAccess(h.dir));
    assert.equal(f.altRootvg.state, 'awake');
    assert.equal(f.altRootvg.decidedBy?.program, 'alt_rootvg_op');
    assert.match(f.altRootvg.decidedBy?.commandLine ?? '', /-W -d hdisk1/);
    const w = healthWarnings(f);
    assert.match(w[0]!, /^The normal bootlist starts with hdisk1, which will not boot: it holds an awake altinst_rootvg/);
    assert.equal(w[1], 'altinst_rootvg (hdisk1) is awake (alt_rootvg_op -W): put it back to sleep with alt_rootvg_op -S before a reboot; it cannot boot while awake.');
    run(h, 'alt_rootvg_op', '-S');
    const asleep = await gatherFacts(simHostAccess(h.dir));
    assert.equal(asleep.altRootvg.state, 'complete');
    assert.deepEqual(healthWarnings(asleep), []);
  });
});

test('a place holder varied on by hand', async () => {
  await withHost([], async (h) => {
    run(h, 'alt_disk_copy', '-d', 'hdisk1');
    run(h, 'varyonvg', 'altinst_rootvg');
    const f = await gatherFacts(simHostAccess(h.dir));
    assert.equal(f.altRootvg.state, 'varied-on-by-hand');
    assert.deepEqual(f.altRootvg.lvs, [], 'the ODM knows no LVs of a place holder');
    assert.deepEqual(f.altRootvg.mountedAt, []);
    assert.match(healthWarnings(f).join('\n'), /varied on by hand \(varyonvg\)/);
  });
});

test('exportvg of the place holder: rootvg stanzas gone from /etc/filesystems; the disk without VG still holds the copy the boot list starts [seed]', async () => {
  await withHost([], async (h) => {
    run(h, 'alt_disk_copy', '-d', 'hdisk1');
    run(h, 'exportvg', 'altinst_rootvg');
    const f = await gatherFacts(simHostAccess(h.dir));
    assert.equal(f.altRootvg.state, 'none');
    assert.equal(disk(f, 'hdisk1').vg, null);
    // Issue 8 class 3: exportvg forgets the ODM entry only; the VGDA and the boot record stay, so the disk still boots.
    assert.deepEqual([disk(f, 'hdisk1').rootvgCopy, disk(f, 'hdisk1').bootable, disk(f, 'hdisk1').free], [true, true, true]);
    assert.deepEqual(
      f.etcFilesystems.missing.map((m) => m.mountPoint),
      ['/', '/usr', '/var', '/tmp', '/home', '/opt'],
    );
    const w = healthWarnings(f);
    assert.match(w[0]!, /^\/etc\/filesystems lacks the rootvg stanzas for \/ \(\/dev\/hd4\), \/usr \(\/dev\/hd2\)/);
    assert.match(w[1]!, /^hdisk1 shows no volume group in lspv, but holds a rootvg copy .* It can still boot \(bootinfo -B\)/);
  });
});

test('after booting the clone: rootvg on hdisk1, old_rootvg on hdisk0 with its boot disk', async () => {
  await withHost([], async (h) => {
    run(h, 'alt_disk_copy', '-d', 'hdisk1');
    const r = aixsim(['reboot', h.dir]);
    assert.equal(r.rc, 0, r.stderr);
    const f = await gatherFacts(simHostAccess(h.dir));
    assert.deepEqual(f.rootvg.disks, ['hdisk1']);
    assert.equal(f.bootDevice, 'hdisk1');
    assert.deepEqual(f.oldRootvg, { disks: ['hdisk0'], bootDisk: 'hdisk0' });
    assert.deepEqual([disk(f, 'hdisk0').vg, disk(f, 'hdisk0').bootable, disk(f, 'hdisk0').free], ['old_rootvg', true, false]);
    assert.equal(f.altRootvg.state, 'none');
    assert.deepEqual(healthWarnings(f), []);
  });
});

test('a legacy clone with the 4.3 alt_disk_install', async () => {
  await withHost(['--profile', 'aix43'], async (h) => {
    run(h, 'alt_disk_install', '-C', 'hdisk1');
    const f = await gatherFacts(simHostAccess(h.dir));
    assert.equal(f.altRootvg.state, 'complete');
    assert.equal(f.altRootvg.bootDisk, 'hdisk1');
    assert.equal(f.bootlists.normal[0]?.device, 'hdisk1');
    assert.deepEqual(healthWarnings(f), []);
  });
});

test('a host that is down: FactsError naming the command and quoting what it said', async () => {
  await withHost([], async (h) => {
    const statePath = path.join(h.dir, 'state.json');
    const state = JSON.parse(fs.readFileSync(statePath, 'utf8')) as Record<string, unknown>;
    state.down = { reason: 'LED 0557: cannot mount /', since: new Date().toISOString() };
    fs.writeFileSync(statePath, JSON.stringify(state));
    await assert.rejects(gatherFacts(simHostAccess(h.dir)), (e: unknown) => {
      assert.ok(e instanceof FactsError);
      assert.deepEqual(e.argv, ['/usr/bin/oslevel']);
      assert.notEqual(e.rc, 0);
      assert.match(e.message, /^\/usr\/bin\/oslevel \(rc \d+\): aixsim: aix73lpar is down \(LED 0557: cannot mount \/\)\./);
      return true;
    });
  });
});

test('a command that is not there: FactsError with rc 127', async () => {
  await withHost([], async (h) => {
    fs.rmSync(path.join(h.dir, 'bin', 'mount'));
    await assert.rejects(gatherFacts(simHostAccess(h.dir)), (e: unknown) => {
      assert.ok(e instanceof FactsError);
      assert.deepEqual(e.argv, ['/usr/sbin/mount']);
      assert.equal(e.rc, 127);
      assert.match(e.message, /^\/usr\/sbin\/mount \(rc 127\): \/usr\/sbin\/mount: not found/);
      return true;
    });
  });
});
