import { test } from 'node:test';
import assert from 'node:assert/strict';
import { healthWarnings } from '../../modules/src/facts/health.js';
import { checkEtcFilesystems } from '../../modules/src/facts/etc-filesystems-check.js';
import type { AltRootvgFacts, DiskFacts, HostFacts } from '../../modules/src/facts/types.js';
import type { BootlistEntry } from '../../modules/src/facts/parse/bootlist.js';
import type { LvRow } from '../../modules/src/facts/parse/lsvg.js';

function disk(name: string, vg: string | null, extra: Partial<DiskFacts> = {}): DiskFacts {
  return { name, pvid: '00f6db0a6c7aece5', vg, state: vg === 'rootvg' ? 'active' : null, active: vg === 'rootvg', sizeMb: null, free: vg === null, unavailable: null, bootable: false, rootvgCopy: false, exportedVg: null, ...extra };
}

function entry(device: string | null): BootlistEntry {
  return device === null ? { device: null, attrs: {}, pathIds: [] } : { device, attrs: { blv: 'hd5' }, pathIds: ['0', '1', '2', '3'] };
}

function lv(name: string, mount: string | null): LvRow {
  return { name, type: name === 'hd5' ? 'boot' : 'jfs2', lps: 8, pps: 8, pvs: 1, state: 'open/syncd', mount, copies: 1 };
}

const NO_ALT: AltRootvgFacts = { state: 'none', vg: null, disks: [], bootDisk: null, mountedAt: [], lvs: null, decidedBy: null, madeBy: null, variedOn: false, problem: null };

/** A healthy 7.3 host: rootvg on hdisk0, free hdisk1, datavg on hdisk4, bootlists on hdisk0. */
function healthy(): HostFacts {
  return {
    generation: 'modern',
    oslevel: { base: '7.3.0.0', tl: '7300-02', sp: '7300-02-01-2346' },
    disks: [disk('hdisk0', 'rootvg', { bootable: true }), disk('hdisk1', null, { sizeMb: 20480 }), disk('hdisk4', 'datavg', { state: 'active', active: true })],
    volumeGroups: [],
    rootvg: { ppSizeMb: 32, totalPps: 959, usedPps: 333, freePps: 626, totalPvs: 1, copies: 1, disks: ['hdisk0'], bootDisks: ['hdisk0'], lvs: [] },
    altRootvg: NO_ALT,
    oldRootvg: null,
    bootlists: { normal: [entry('hdisk0')], service: [entry('hdisk0')] },
    altDiskFilesets: { rte: '7.3.2.1', bootImages: '7.3.2.1' },
    mounts: [],
    bootDevice: 'hdisk0',
    etcFilesystems: { present: true, checked: ['/', '/usr', '/var', '/tmp', '/home', '/opt'], missing: [] },
    operations: [],
    lockHolder: null,
    lastRun: null,
  };
}

function withAlt(f: HostFacts, state: AltRootvgFacts['state'], program = 'alt_disk_copy'): HostFacts {
  f.disks[1] = disk('hdisk1', 'altinst_rootvg', { free: false, state: state === 'complete' ? null : 'active', bootable: state === 'complete' });
  f.altRootvg = {
    state,
    vg: 'altinst_rootvg',
    disks: ['hdisk1'],
    bootDisk: 'hdisk1',
    mountedAt: state === 'phase1' || state === 'awake' ? ['/alt_inst', '/alt_inst/usr'] : [],
    lvs: null,
    decidedBy: { date: null, commandLine: `/usr/sbin/${program} -d hdisk1 -P1`, words: [], program, output: [] },
    madeBy: null,
    variedOn: state !== 'complete',
    problem: null,
  };
  return f;
}

test('a healthy host has no warnings', () => {
  assert.deepEqual(healthWarnings(healthy()), []);
});

test('an empty normal bootlist', () => {
  const f = healthy();
  f.bootlists.normal = [];
  assert.deepEqual(healthWarnings(f), [
    'The normal bootlist is empty: the system will not find a boot device on the next reboot; set it with: bootlist -m normal <bootable disk> (e.g. bootlist -m normal hdisk0).',
  ]);
});

test('a normal bootlist that starts with a missing device "-" [H-6]', () => {
  const f = healthy();
  f.bootlists.normal = [entry(null), entry('hdisk0')];
  assert.deepEqual(healthWarnings(f), [
    'The normal bootlist starts with a device that is no longer present ("-" in bootlist -m normal -o); set it with: bootlist -m normal <bootable disk>.',
  ]);
});

test('a normal bootlist that starts with a disk without VG or boot image', () => {
  const f = healthy();
  f.bootlists.normal = [entry('hdisk1'), entry('hdisk0')];
  assert.deepEqual(healthWarnings(f), [
    'The normal bootlist starts with hdisk1, which will not boot: it belongs to no volume group, so it carries no boot image the system knows of. Fix the boot list (bootlist -m normal hdisk0) or the disk before rebooting.',
  ]);
  f.bootlists.normal = [entry('hdisk4')];
  assert.match(healthWarnings(f)[0]!, /^The normal bootlist starts with hdisk4, which will not boot: it belongs to datavg, which is not a rootvg and has no boot image\./);
  f.bootlists.normal = [entry('hdisk7')];
  assert.match(healthWarnings(f)[0]!, /^The normal bootlist starts with hdisk7, which will not boot: lspv does not list it\./);
});

test('a rootvg disk without a copy of hd5 first in the bootlist', () => {
  const f = healthy();
  f.disks.push(disk('hdisk2', 'rootvg'));
  f.rootvg.disks = ['hdisk0', 'hdisk2'];
  f.bootlists.normal = [entry('hdisk2')];
  assert.match(healthWarnings(f)[0]!, /starts with hdisk2, which will not boot: it holds no copy of the boot logical volume \(hd5\) of rootvg\./);
});

test('a phase-1 altinst_rootvg: first in the bootlist, and waiting for phase 3 [H-11]', () => {
  const f = withAlt(healthy(), 'phase1');
  f.bootlists.normal = [entry('hdisk1'), entry('hdisk0')];
  assert.deepEqual(healthWarnings(f), [
    'The normal bootlist starts with hdisk1, which will not boot: it holds an altinst_rootvg left after phase 1/2, which cannot boot until phase 3 has run (alt_disk_copy -P 3 -d "hdisk1"). Fix the boot list (bootlist -m normal hdisk0) or the disk before rebooting.',
    'altinst_rootvg (hdisk1) has finished phase 1/2 and waits for phase 3: it is varied on and mounted at /alt_inst. Run phase 3 (alt_disk_copy -P 3 -d "hdisk1") to finish it, or remove it with alt_rootvg_op -X altinst_rootvg.',
  ]);
});

test('a phase-1 altinst_rootvg made by alt_disk_mksysb points at that command for phase 3', () => {
  const w = healthWarnings(withAlt(healthy(), 'phase1', 'alt_disk_mksysb'));
  assert.equal(w.length, 1);
  assert.match(w[0]!, /Run phase 3 \(the alt_disk_mksysb command that started it with -P 3 \(alt_disk_mksysb -P 3 \.\.\. -d "hdisk1"\)\)/);
});

test('an awake altinst_rootvg must be put to sleep before a reboot [H-8]', () => {
  const f = withAlt(healthy(), 'awake');
  assert.deepEqual(healthWarnings(f), [
    'altinst_rootvg (hdisk1) is awake (alt_rootvg_op -W): put it back to sleep with alt_rootvg_op -S before a reboot; it cannot boot while awake.',
  ]);
  f.bootlists.normal = [entry('hdisk1')];
  assert.match(healthWarnings(f)[0]!, /starts with hdisk1, which will not boot: it holds an awake altinst_rootvg \(alt_rootvg_op -W\), which must be put to sleep with alt_rootvg_op -S before it can boot\./);
});

test('an altinst_rootvg varied on by hand [H-2]', () => {
  assert.deepEqual(healthWarnings(withAlt(healthy(), 'varied-on-by-hand')), [
    "altinst_rootvg (hdisk1) was varied on by hand (varyonvg) without /alt_inst: IBM says never to vary on the place holder. Vary it off with varyoffvg altinst_rootvg, or remove it with alt_rootvg_op -X altinst_rootvg; do not use exportvg, which deletes the running rootvg's /etc/filesystems stanzas.",
  ]);
});

test('a complete altinst_rootvg first in the bootlist is what a clone leaves: no warning', () => {
  const f = withAlt(healthy(), 'complete');
  f.bootlists.normal = [entry('hdisk1')];
  assert.deepEqual(healthWarnings(f), []);
});

test('/etc/filesystems without the rootvg stanzas, as after exportvg altinst_rootvg [seed]', () => {
  const f = healthy();
  f.etcFilesystems = { present: true, checked: ['/', '/usr', '/var'], missing: [{ mountPoint: '/', device: '/dev/hd4' }, { mountPoint: '/usr', device: '/dev/hd2' }] };
  assert.deepEqual(healthWarnings(f), [
    '/etc/filesystems lacks the rootvg stanzas for / (/dev/hd4), /usr (/dev/hd2), as after an exportvg of altinst_rootvg; the system will not boot without them. Recreate them before rebooting: restore a saved copy of /etc/filesystems, or rebuild them with imfs -l hd4 hd2.',
  ]);
  f.etcFilesystems = { present: false, checked: [], missing: [] };
  assert.deepEqual(healthWarnings(f), ['/etc/filesystems could not be read: the system will not boot without it. Restore it before rebooting.']);
});

test('bootlist entries after the first that are gone, in either list', () => {
  const f = healthy();
  f.bootlists.normal = [entry('hdisk0'), entry('hdisk9')];
  f.bootlists.service = [entry('hdisk0'), entry(null)];
  assert.deepEqual(healthWarnings(f), [
    'Entry 2 of the normal bootlist names hdisk9, which lspv does not list; set it with: bootlist -m normal <bootable disk>.',
    'Entry 2 of the service bootlist is a device that is no longer present ("-"); set it with: bootlist -m service <bootable disk>, leaving the missing device out.',
  ]);
});

test('a network boot device first is not judged as a disk', () => {
  const f = healthy();
  f.bootlists.normal = [{ device: 'ent0', attrs: { bserver: '192.0.2.1' }, pathIds: [] }, entry('hdisk0')];
  assert.deepEqual(healthWarnings(f), []);
});

test('legacy hosts get the 4.3 alt_disk_install commands', () => {
  const f = withAlt(healthy(), 'phase1', 'alt_disk_install');
  f.generation = 'legacy';
  assert.deepEqual(healthWarnings(f), [
    'altinst_rootvg (hdisk1) has finished phase 1/2 and waits for phase 3: it is varied on and mounted at /alt_inst. Run phase 3 (alt_disk_install -P3 hdisk1) to finish it, or remove it with alt_disk_install -X.',
  ]);
});

test('checkEtcFilesystems expects only the mount points whose hd LV is in rootvg', () => {
  const lvs = [lv('hd5', null), lv('hd4', '/'), lv('hd2', '/usr'), lv('hd9var', '/var'), lv('hd3', '/tmp'), lv('hd1', '/home')];
  const text = '/:\n\tdev = /dev/hd4\n\n/usr:\n\tdev = /dev/hd2\n\n/var:\n\tdev = /dev/hd9var\n\n/tmp:\n\tdev = /dev/fslv00\n';
  assert.deepEqual(checkEtcFilesystems(text, lvs), {
    present: true,
    checked: ['/', '/usr', '/var', '/tmp', '/home'],
    missing: [
      { mountPoint: '/tmp', device: '/dev/hd3' },
      { mountPoint: '/home', device: '/dev/hd1' },
    ],
  });
  assert.deepEqual(checkEtcFilesystems(null, lvs).missing.length, 5);
});
