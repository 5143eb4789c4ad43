import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { cli, DEFAULT_ROOTVG_LVS, DEFAULT_ROOTVG_MOUNTS, hostState, imageFile, imageOfDisk, lines, lspvRow, lspvRows, scratchFile, withHost, scratchDir } from '../helpers/altdisk.js';
import type { SimHost } from '../helpers/sim.js';

// alt_disk_mksysb [§4, §7.1, §20, H-9]: the restore transcript, the level rules, and the first boot
// of a restored image (disks renumbered, PVIDs kept, old_rootvg).

function makeMksysb(h: SimHost, ...level: string[]): string {
  const file = path.join(scratchDir('altdisk-mksysb-'), 'image.mksysb');
  const r = cli(h, 'mksysb', file, ...level);
  assert.equal(r.rc, 0, r.stderr);
  return file;
}

/** §7.1 with its OCR fixed, for the default 7.3 rootvg restored to `disk`. */
function mksysbTranscript(disk: string): string[] {
  const lvs = DEFAULT_ROOTVG_LVS;
  const mounts = DEFAULT_ROOTVG_MOUNTS;
  return [
    'Restoring /image.data from mksysb image.',
    'Checking disk sizes.',
    'Creating cloned rootvg volume group and associated logical volumes.',
    ...lvs.map((lv) => `Creating logical volume alt_${lv}.`),
    'Creating /alt_inst/ file system',
    ...mounts.map((m) => `Creating /alt_inst${m} file system`),
    'Restoring mksysb image to alternate disk(s).',
    'Linking to 64bit kernel.',
    'Changing logical volume names in volume group descriptor area.',
    'Fixing LV control blocks...',
    ...[...mounts].reverse().flatMap((m) => [`forced unmount of /alt_inst${m}`, `forced unmount of /alt_inst${m}`]),
    'forced unmount of /alt_inst',
    'forced unmount of /alt_inst',
    'Fixing file system superblocks...',
    `Bootlist is set to the boot disk: ${disk} blv=hd5`,
  ];
}

test('alt_disk_mksysb prints the §7.1 transcript and leaves an altinst_rootvg place holder', () =>
  withHost([], (h) => {
    const file = makeMksysb(h);
    const r = h.run('alt_disk_mksysb', '-c', '/dev/vty0', '-d', 'hdisk2', '-m', file);
    assert.equal(r.rc, 0, r.stderr);
    assert.equal(r.stderr, '');
    assert.deepEqual(lines(r.stdout), mksysbTranscript('hdisk2'));
    assert.equal(lspvRow(h, 'hdisk2').vg, 'altinst_rootvg');
    assert.equal(lspvRow(h, 'hdisk2').state, '');
    assert.equal(lines(h.run('bootlist', '-m', 'normal', '-o').stdout)[0], 'hdisk2 blv=hd5 pathid=0');
    const s = hostState(h);
    const img = s.images[imageOfDisk(h, 'hdisk2')]!;
    assert.equal(img.restoredFrom, file);
    assert.equal(img.renumberOnBoot, true);
    assert.equal(img.console, '/dev/vty0');
    assert.equal(s.odm.find((v) => v.name === 'altinst_rootvg')!.alt!.origin, 'alt_disk_mksysb');
  }));

test('first boot of the restored disk: hdisk numbers change, PVIDs stay, the former rootvg is old_rootvg [§20]', () =>
  withHost([], (h) => {
    const pvids = Object.fromEntries(lspvRows(h).map((r) => [r.name, r.pvid]));
    assert.equal(h.run('alt_disk_mksysb', '-m', makeMksysb(h), '-d', 'hdisk2').rc, 0);
    const boot = cli(h, 'reboot');
    assert.equal(boot.rc, 0, boot.stderr);
    assert.match(boot.stdout, /^cfgmgr: disks configured afresh \(hdisk2->hdisk1, hdisk1->hdisk2\)$/m);
    assert.deepEqual(
      lspvRows(h).map((r) => [r.name, r.pvid, r.vg, r.state]),
      [
        ['hdisk0', pvids.hdisk0, 'old_rootvg', ''],
        ['hdisk1', pvids.hdisk2, 'rootvg', 'active'],
        ['hdisk2', pvids.hdisk1, 'None', ''],
        ['hdisk3', 'none', 'None', ''],
        ['hdisk4', pvids.hdisk4, 'datavg', 'active'],
      ],
    );
    assert.deepEqual(lines(h.run('bootlist', '-m', 'normal', '-o').stdout).slice(0, 1), ['hdisk1 blv=hd5 pathid=0']);
    assert.equal(h.run('bootinfo', '-b').stdout, 'hdisk1\n');
    // A second boot does not renumber again.
    assert.equal(cli(h, 'reboot').rc, 0);
    assert.deepEqual(lspvRow(h, 'hdisk1').pvid, pvids.hdisk2);
  }));

test('-z imports no other volume group on the first boot; by default the data volume groups stay', () =>
  withHost([], (h) => {
    const file = makeMksysb(h);
    assert.equal(h.run('alt_disk_mksysb', '-m', file, '-d', 'hdisk2', '-z').rc, 0);
    assert.equal(hostState(h).images[imageOfDisk(h, 'hdisk2')]!.importVgs, 'none');
    assert.equal(cli(h, 'reboot').rc, 0);
    assert.deepEqual(lines(h.run('lsvg').stdout), ['old_rootvg', 'rootvg']);
    assert.equal(lspvRow(h, 'hdisk4').vg, 'None');
  }));

test('-y records that the mksysb volume groups are to be imported', () =>
  withHost([], (h) => {
    assert.equal(h.run('alt_disk_mksysb', '-m', makeMksysb(h), '-d', 'hdisk2', '-y', '-P', '1').rc, 0);
    assert.equal(hostState(h).images[imageOfDisk(h, 'hdisk2')]!.importVgs, 'mksysb');
  }));

test('the restored image takes the mksysb level, filesets and files; -n adds the NIM client files of the running system', () =>
  withHost([], (h) => {
    const file = makeMksysb(h, '--level', '7300-02-01-2346');
    fs.writeFileSync(h.dir + '/root/etc/niminfo', 'export NIM_NAME=changed-after-backup\n');
    assert.equal(h.run('alt_disk_mksysb', '-m', file, '-d', 'hdisk2', '-n').rc, 0);
    const img = imageOfDisk(h, 'hdisk2');
    assert.equal(fs.readFileSync(imageFile(h, img, '/etc/niminfo'), 'utf8'), 'export NIM_NAME=changed-after-backup\n');
    assert.equal(fs.readFileSync(imageFile(h, img, '/etc/hosts'), 'utf8'), h.file('/etc/hosts'));
  }));

test('a newer mksysb installs when the boot images fileset is at its level; oslevel follows after the reboot', () =>
  withHost(['--boot-images-level', '7.3.3.1'], (h) => {
    const file = makeMksysb(h, '--level', '7300-03-01-2420');
    const r = h.run('alt_disk_mksysb', '-m', file, '-d', 'hdisk1', '-L', '7.3.3');
    assert.equal(r.rc, 0, r.stderr);
    assert.equal(h.run('oslevel', '-s').stdout, '7300-02-01-2346\n');
    assert.equal(cli(h, 'reboot').rc, 0);
    assert.equal(h.run('oslevel', '-s').stdout, '7300-03-01-2420\n');
    assert.match(h.run('lslpp', '-L', 'bos.rte').stdout, /bos\.rte +7\.3\.3\.1 /);
  }));

test('level rules: boot images level, -L, earlier version, platform, not an mksysb [H-9, §2.2, §4]', () =>
  withHost([], (h) => {
    const same = makeMksysb(h);
    const newer = makeMksysb(h, '--level', '7300-03-01-2420');
    const older = makeMksysb(h, '--level', '7200-05-05-2246');
    const cases: [string[], string][] = [
      [['-m', newer, '-d', 'hdisk2'], 'alt_disk_mksysb: The level of the mksysb image (7.3.3) does not match the level of bos.alt_disk_install.boot_images (7.3.2).'],
      [['-m', older, '-d', 'hdisk2'], 'alt_disk_mksysb: You cannot install an earlier version of AIX (7.2) than the one currently installed on the system (7.3).'],
      [['-m', same, '-d', 'hdisk2', '-L', '7.3.1'], 'alt_disk_mksysb: The level of the mksysb image (7.3.2) does not match the level given with -L (7.3.1).'],
      [['-m', same, '-d', 'hdisk2', '-L', '7300-02'], 'alt_disk_mksysb: 7300-02 is not a level of the form V.R.M.'],
      [['-m', same, '-d', 'hdisk2', '-p', 'sparc'], 'alt_disk_mksysb: sparc is not a valid platform type.'],
      [['-m', '/etc/hostname-not-here', '-d', 'hdisk2'], 'alt_disk_mksysb: /etc/hostname-not-here is not a valid mksysb image.'],
      [['-m', scratchFile('x', 'not a backup\n'), '-d', 'hdisk0'], '0505-126 alt_disk_mksysb: target disk hdisk0 has a volume group assigned to it.'],
    ];
    for (const [args, message] of cases) {
      const r = h.run('alt_disk_mksysb', ...args);
      assert.equal(r.rc, 1, args.join(' '));
      assert.equal(r.stderr, message + '\n', args.join(' '));
      assert.equal(r.stdout, '');
    }
    assert.equal(lspvRow(h, 'hdisk2').vg, 'None');
    const ok = h.run('alt_disk_mksysb', '-m', same, '-d', 'hdisk2', '-L', '7.3.2', '-p', 'chrp');
    assert.equal(ok.rc, 0, ok.stderr);
  }));

test('alt_disk_mksysb needs bos.alt_disk_install.boot_images as well as the rte', () =>
  withHost(['--no-fileset', 'boot_images'], (h) => {
    const r = h.run('alt_disk_mksysb', '-m', makeMksysb(h), '-d', 'hdisk2');
    assert.equal(r.rc, 1);
    assert.equal(r.stderr, 'alt_disk_mksysb: The bos.alt_disk_install.boot_images fileset must be installed to run alt_disk_mksysb.\n');
    assert.equal(h.run('alt_disk_copy', '-d', 'hdisk2').rc, 0, 'a clone needs only the rte');
  }));

test('usage: -m and -d are required, -B with -r is invalid', () =>
  withHost([], (h) => {
    const usage = 'Usage: alt_disk_mksysb -m device -d target_disks... [ -i image.data ] [ -s script ] [-R resolv_conf ] [ -p platform ] [ -L mksysb_level ] [ -n ] [ -P phase_option ] [ -c console ] [ -K ] [ -D B O V g k r y z T S C ]\n';
    const a = h.run('alt_disk_mksysb', '-d', 'hdisk2');
    assert.deepEqual([a.rc, a.stderr], [2, 'alt_disk_mksysb: The -m flag (mksysb device) is required.\n' + usage]);
    const b = h.run('alt_disk_mksysb', '-m', '/tmp/x');
    assert.deepEqual([b.rc, b.stderr], [2, 'alt_disk_mksysb: The -d flag (target disks) is required.\n' + usage]);
    const c = h.run('alt_disk_mksysb', '-m', '/tmp/x', '-d', 'hdisk2', '-Br');
    assert.deepEqual([c.rc, c.stderr], [2, 'alt_disk_mksysb: The -B and -r flags cannot be used together.\n' + usage]);
  }));

test('a tape device /dev/rmt0 lives in the host folder; phases work for mksysb installs too', () =>
  withHost([], (h) => {
    assert.equal(cli(h, 'mksysb', '/dev/rmt0').rc, 0);
    assert.ok(fs.existsSync(path.join(h.dir, 'dev', 'rmt0')));
    const p1 = h.run('alt_disk_mksysb', '-m', '/dev/rmt0', '-d', 'hdisk2', '-P', '1');
    assert.equal(p1.rc, 0, p1.stderr);
    assert.equal(lines(p1.stdout).at(-1), 'Linking to 64bit kernel.');
    assert.equal(lspvRow(h, 'hdisk2').state, 'active');
    const p23 = h.run('alt_disk_mksysb', '-m', '/dev/rmt0', '-d', 'hdisk2', '-P', '23');
    assert.equal(p23.rc, 0, p23.stderr);
    assert.equal(lines(p23.stdout)[0], 'Changing logical volume names in volume group descriptor area.');
    assert.equal(lines(p23.stdout).at(-1), 'Bootlist is set to the boot disk: hdisk2 blv=hd5');
  }));

test('lsmksysb -l -f shows the backup; a file that is no backup gives 0512-054 on stdout [peer §5]', () =>
  withHost([], (h) => {
    const file = makeMksysb(h);
    const r = h.run('lsmksysb', '-l', '-f', file);
    assert.equal(r.rc, 0, r.stderr);
    const out = lines(r.stdout);
    assert.equal(out[0], 'VOLUME GROUP:           rootvg');
    assert.match(out[1]!, /^BACKUP DATE\/TIME: {7}\w{3} \w{3} [ \d]\d \d\d:\d\d:\d\d UTC \d{4}$/);
    assert.equal(out[3], 'BACKUP OSLEVEL:         7.3.2.1');
    assert.equal(out[4], 'MAINTENANCE LEVEL:      7300-02');
    assert.equal(out[5], 'BACKUP SIZE (MB):       10656');
    assert.equal(out[9], 'rootvg:');
    assert.equal(out[10], 'LV NAME             TYPE       LPs     PPs     PVs  LV STATE      MOUNT POINT');
    assert.equal(out[14], 'hd4                 jfs2       8       8       1    open/syncd    /');
    const bad = h.run('lsmksysb', '-l', '-f', '/etc/hostname-not-here');
    assert.equal(bad.rc, 1);
    assert.match(bad.stdout, /^0512-054 /);
    assert.equal(bad.stderr, '');
  }));
