import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { cli, hostState, imageFile, imageOfDisk, lines, lspvRow, scratchFile, withHost, scratchDir } from '../helpers/altdisk.js';

// alt_rootvg_op [§6]: query, rename, wake-up (with the level rule of §6.2), put to sleep, clean up
// (ODM only: VGDA, boot record and PVID stay) and customize.

const SLEEP_TRANSCRIPT = [
  'Changing logical volume names in volume group descriptor area.',
  'Fixing LV control blocks...',
  ...['/var/adm/ras/livedump', '/var', '/usr', '/tmp', '/opt', '/home', '/admin'].flatMap((m) => [`forced unmount of /alt_inst${m}`, `forced unmount of /alt_inst${m}`]),
  'forced unmount of /alt_inst',
  'forced unmount of /alt_inst',
  'Fixing file system superblocks...',
];

test('-W wakes the sleeping altinst_rootvg (post phase 1 state, alt_ names, mounted); -S puts it back to sleep', () =>
  withHost([], (h) => {
    assert.equal(h.run('alt_disk_copy', '-d', 'hdisk1').rc, 0);
    const w = h.run('alt_rootvg_op', '-W', '-d', 'hdisk1');
    assert.equal(w.rc, 0, w.stderr);
    assert.deepEqual([w.stdout, w.stderr], ['', '']);
    assert.deepEqual(lspvRow(h, 'hdisk1'), { ...lspvRow(h, 'hdisk1'), vg: 'altinst_rootvg', state: 'active' });
    const alt = hostState(h).odm.find((v) => v.name === 'altinst_rootvg')!;
    assert.deepEqual([alt.active, alt.lvsInOdm, alt.alt!.awake, alt.alt!.phase], [true, true, true, 3]);
    assert.match(h.run('lsvg', '-l', 'altinst_rootvg').stdout, /^alt_hd4 +jfs2 .*open\/syncd +\/alt_inst$/m);
    assert.equal(fs.readFileSync(path.join(h.dir, 'alt_inst', 'etc/hosts'), 'utf8'), h.file('/etc/hosts'));

    const again = h.run('alt_rootvg_op', '-W', '-d', 'hdisk1');
    assert.equal(again.rc, 1);
    assert.equal(again.stderr, 'alt_rootvg_op: Volume group altinst_rootvg is already awake.\n');

    const s = h.run('alt_rootvg_op', '-S');
    assert.equal(s.rc, 0, s.stderr);
    assert.deepEqual(lines(s.stdout), SLEEP_TRANSCRIPT);
    assert.equal(lspvRow(h, 'hdisk1').state, '');
    assert.equal(fs.existsSync(path.join(h.dir, 'alt_inst')), false);
    const none = h.run('alt_rootvg_op', '-S');
    assert.equal(none.rc, 1);
    assert.equal(none.stderr, 'alt_rootvg_op: There is no volume group in a wake-up state to put to sleep.\n');
  }));

test('after booting the clone, old_rootvg wakes up as altinst_rootvg; a second altinst_rootvg cannot exist', () =>
  withHost([], (h) => {
    assert.equal(h.run('alt_disk_copy', '-d', 'hdisk1').rc, 0);
    assert.equal(cli(h, 'reboot').rc, 0);
    assert.equal(h.run('alt_disk_copy', '-d', 'hdisk2', '-P', '1').rc, 0);
    const refused = h.run('alt_rootvg_op', '-W', '-d', 'hdisk0');
    assert.equal(refused.rc, 1);
    assert.equal(refused.stderr, 'alt_rootvg_op: The altinst_rootvg volume group already exists. Remove it with alt_rootvg_op -X before creating a new one.\n');
    assert.equal(h.run('alt_rootvg_op', '-X').rc, 0);
    const w = h.run('alt_rootvg_op', '-W', '-d', 'hdisk0');
    assert.equal(w.rc, 0, w.stderr);
    assert.deepEqual(lspvRow(h, 'hdisk0'), { ...lspvRow(h, 'hdisk0'), vg: 'altinst_rootvg', state: 'active' });
    assert.deepEqual(lines(h.run('alt_rootvg_op', '-S').stdout), SLEEP_TRANSCRIPT);
    assert.equal(lspvRow(h, 'hdisk0').vg, 'altinst_rootvg', 'the woken VG keeps the altinst_rootvg name');
  }));

test('wake-up level rule: a higher TL/SP only warns [§6.2]', () =>
  withHost([], (h) => {
    const lpp = path.join(scratchDir(), 'lpp');
    assert.equal(cli(h, 'lppsource', lpp, '--level', '7300-03-01-2420').rc, 0);
    assert.equal(h.run('alt_disk_copy', '-d', 'hdisk1', '-b', 'update_all', '-l', lpp).rc, 0);
    const w = h.run('alt_rootvg_op', '-W', '-d', 'hdisk1');
    assert.equal(w.rc, 0);
    assert.equal(
      w.stderr,
      'alt_rootvg_op: WARNING: The volume group is at a higher technology level or service pack (7300-03-01-2420) than the running system (7300-02-01-2346); some operations on altinst_rootvg might not work correctly.\n',
    );
    assert.equal(lspvRow(h, 'hdisk1').state, 'active');
  }));

test('wake-up level rule: a higher version is refused unless FORCE=yes; FORCE on a former system rootvg fails [§6.2, H-7]', () =>
  withHost(['--profile', 'aix72', '--boot-images-level', '7.3.2.1'], (h) => {
    const image = path.join(scratchDir(), 'aix73.mksysb');
    assert.equal(cli(h, 'mksysb', image, '--level', '7300-02-01-2346').rc, 0);
    assert.equal(h.run('alt_disk_mksysb', '-m', image, '-d', 'hdisk1').rc, 0);
    const refused = h.run('alt_rootvg_op', '-W', '-d', 'hdisk1');
    assert.equal(refused.rc, 1);
    assert.equal(
      refused.stderr,
      'alt_rootvg_op: The volume group has a higher operating system version (7300-02-01-2346) than the running system (7200-05-05-2246). Set FORCE=yes to wake it up anyway.\n',
    );
    assert.equal(h.runEnv({ FORCE: 'no' }, 'alt_rootvg_op', '-W', '-d', 'hdisk1').rc, 1);
    const forced = h.runEnv({ FORCE: 'yes' }, 'alt_rootvg_op', '-W', '-d', 'hdisk1');
    assert.equal(forced.rc, 0, forced.stderr);
    assert.equal(h.run('alt_rootvg_op', '-S').rc, 0);

    // Boot the 7.3 disk, then fall back to the 7.2 one: the 7.3 VG has now been a system rootvg.
    assert.equal(cli(h, 'reboot').rc, 0);
    assert.equal(h.run('oslevel', '-s').stdout, '7300-02-01-2346\n');
    const back = cli(h, 'reboot', '--from', 'hdisk0');
    assert.equal(back.rc, 0, back.stderr);
    assert.equal(h.run('oslevel', '-s').stdout, '7200-05-05-2246\n');
    const d73 = lspvRow(h, 'hdisk1').vg;
    assert.equal(d73, 'altinst_rootvg', 'the 7.2 system still knows the 7.3 disk as its place holder');
    const fails = h.runEnv({ FORCE: 'Yes' }, 'alt_rootvg_op', '-W', '-d', 'hdisk1');
    assert.equal(fails.rc, 1);
    assert.match(fails.stderr, /has been a system rootvg/);
    assert.equal(lspvRow(h, 'hdisk1').state, '');
  }));

test('-X removes only the ODM definition: PVID, VGDA and boot record stay, the disk can still be booted [§1, §5, H-23]', () =>
  withHost([], (h) => {
    assert.equal(h.run('alt_disk_copy', '-d', 'hdisk1', '-B').rc, 0);
    const before = hostState(h).disks.find((d) => d.name === 'hdisk1')!;
    const x = h.run('alt_rootvg_op', '-X');
    assert.deepEqual([x.rc, x.stdout, x.stderr], [0, '', '']);
    assert.deepEqual(lspvRow(h, 'hdisk1'), { name: 'hdisk1', pvid: before.pvid!, vg: 'None', state: '' });
    const after = hostState(h).disks.find((d) => d.name === 'hdisk1')!;
    assert.deepEqual([after.vgid, after.bootRecord], [before.vgid, 'hd5']);
    assert.equal(h.run('bootinfo', '-B', 'hdisk1').stdout, '1\n');
    const boot = cli(h, 'reboot', '--from', 'hdisk1');
    assert.equal(boot.rc, 0, boot.stderr);
    assert.equal(lspvRow(h, 'hdisk1').vg, 'rootvg');
    assert.equal(lspvRow(h, 'hdisk0').vg, 'old_rootvg');
    const old = h.run('alt_rootvg_op', '-X', 'old_rootvg');
    assert.equal(old.rc, 0, old.stderr);
    assert.equal(lspvRow(h, 'hdisk0').vg, 'None');
    assert.equal(h.run('chpv', '-C', 'hdisk0').rc, 0, "IBM's module follows -X with chpv -C");
  }));

test('-X refuses the running rootvg, ordinary volume groups and unknown names; works on a post-phase-1 VG', () =>
  withHost([], (h) => {
    const cases: [string[], string][] = [
      [['-X', 'rootvg'], 'alt_rootvg_op: The operation is not allowed on the running rootvg.'],
      [['-X', 'datavg'], 'alt_rootvg_op: datavg is not an alternate disk volume group.'],
      [['-X', 'nosuchvg'], 'alt_rootvg_op: Volume group nosuchvg does not exist.'],
      [['-X'], 'alt_rootvg_op: Volume group altinst_rootvg does not exist.'],
    ];
    for (const [args, message] of cases) {
      const r = h.run('alt_rootvg_op', ...args);
      assert.deepEqual([r.rc, r.stderr], [1, message + '\n'], args.join(' '));
    }
    assert.equal(h.run('alt_disk_copy', '-d', 'hdisk1', '-P', '1').rc, 0);
    assert.equal(h.run('alt_rootvg_op', '-X', 'altinst_rootvg').rc, 0);
    assert.equal(fs.existsSync(path.join(h.dir, 'alt_inst')), false, '/alt_inst is unmounted');
    assert.equal(lspvRow(h, 'hdisk1').vg, 'None');
    assert.equal(h.run('alt_disk_copy', '-d', 'hdisk1').rc, 0, 'the disk can be used again');
    assert.equal(h.run('alt_rootvg_op', '-W', '-d', 'hdisk1').rc, 0);
    assert.equal(h.run('alt_rootvg_op', '-X').rc, 0, 'an awake altinst_rootvg can be cleaned up too');
    assert.equal(lspvRow(h, 'hdisk1').vg, 'None');
    assert.equal(fs.existsSync(path.join(h.dir, 'alt_inst')), false);
  }));

test('-v renames a varied-off alternate VG, so that several clones can be kept [§6.1]', () =>
  withHost([], (h) => {
    assert.equal(h.run('alt_disk_copy', '-d', 'hdisk1', '-B').rc, 0);
    const r = h.run('alt_rootvg_op', '-v', 'clone1', '-d', 'hdisk1');
    assert.deepEqual([r.rc, r.stdout, r.stderr], [0, '', '']);
    assert.equal(lspvRow(h, 'hdisk1').vg, 'clone1');
    assert.equal(h.run('alt_disk_copy', '-d', 'hdisk2', '-B').rc, 0);
    assert.equal(lspvRow(h, 'hdisk2').vg, 'altinst_rootvg');
    const cases: [string[], string][] = [
      [['-v', 'x', '-d', 'hdisk0'], 'alt_rootvg_op: The operation is not allowed on the running rootvg.'],
      [['-v', 'datavg', '-d', 'hdisk2'], 'alt_rootvg_op: The volume group name datavg is already in use.'],
      [['-v', '9bad', '-d', 'hdisk2'], 'alt_rootvg_op: 9bad is not a valid volume group name.'],
      [['-v', 'x', '-d', 'hdisk4'], 'alt_rootvg_op: datavg is not an alternate disk volume group.'],
      [['-v', 'x', '-d', 'hdisk3'], 'alt_rootvg_op: hdisk3 does not belong to a volume group.'],
    ];
    for (const [args, message] of cases) {
      const x = h.run('alt_rootvg_op', ...args);
      assert.deepEqual([x.rc, x.stderr], [1, message + '\n'], args.join(' '));
    }
    assert.equal(h.run('alt_rootvg_op', '-W', '-d', 'hdisk1').rc, 1, 'cannot wake clone1 while altinst_rootvg exists');
    assert.equal(h.run('alt_rootvg_op', '-W', '-d', 'hdisk2').rc, 0);
    const awake = h.run('alt_rootvg_op', '-v', 'clone2', '-d', 'hdisk2');
    assert.deepEqual([awake.rc, awake.stderr], [1, 'alt_rootvg_op: Volume group altinst_rootvg must be varied off (put it to sleep first with alt_rootvg_op -S).\n']);
  }));

test('-q prints the boot disk of the VG that holds the disk, one token [§6.1, §23]', () =>
  withHost([], (h) => {
    assert.equal(h.run('alt_disk_copy', '-d', 'hdisk1 hdisk2').rc, 0);
    assert.deepEqual(h.run('alt_rootvg_op', '-q', '-d', 'hdisk2'), { stdout: 'hdisk1\n', stderr: '', rc: 0 });
    assert.deepEqual(h.run('alt_rootvg_op', '-q', '-d', 'hdisk0'), { stdout: 'hdisk0\n', stderr: '', rc: 0 });
    const free = h.run('alt_rootvg_op', '-q', '-d', 'hdisk3');
    assert.deepEqual([free.rc, free.stderr], [1, 'alt_rootvg_op: hdisk3 does not belong to a volume group.\n']);
  }));

test('-C customizes a post-phase-1 or woken altinst_rootvg: script, resolv.conf, installp', () =>
  withHost([], (h) => {
    const none = h.run('alt_rootvg_op', '-C', '-R', '/etc/hosts');
    assert.deepEqual([none.rc, none.stderr], [1, 'alt_rootvg_op: There is no altinst_rootvg in a post phase 1 or wake-up state to customize.\n']);
    assert.equal(h.run('alt_disk_copy', '-d', 'hdisk1').rc, 0);
    assert.equal(h.run('alt_rootvg_op', '-W', '-d', 'hdisk1').rc, 0);
    const resolv = scratchFile('resolv.conf', 'nameserver 203.0.113.9\n');
    const script = scratchFile('mark.sh', '#!/bin/sh\necho customized > /alt_inst/etc/customized\necho done\n', true);
    const lpp = path.join(scratchDir(), 'lpp');
    assert.equal(cli(h, 'lppsource', lpp, '--level', '7300-02-02-2420', '--filesets', 'bos.rte,bos.rte.libc').rc, 0);
    const r = h.run('alt_rootvg_op', '-C', '-R', resolv, '-s', script, '-w', 'bos.rte bos.rte.libc', '-l', lpp);
    assert.equal(r.rc, 0, r.stderr);
    assert.equal(lines(r.stdout).at(-1), 'done');
    const img = imageOfDisk(h, 'hdisk1');
    assert.equal(fs.readFileSync(imageFile(h, img, '/etc/resolv.conf'), 'utf8'), 'nameserver 203.0.113.9\n');
    assert.equal(fs.readFileSync(imageFile(h, img, '/etc/customized'), 'utf8'), 'customized\n');
    const filesets = hostState(h).images[img]!.filesets;
    assert.equal(filesets.find((f) => f.name === 'bos.rte')!.level, '7.3.2.2');
    assert.equal(filesets.find((f) => f.name === 'bos.rte.lvm')!.level, '7.3.2.1');
    assert.equal(h.run('alt_rootvg_op', '-S').rc, 0);
  }));

test('usage: one operation, -d where needed, the §6.1 syntax on errors', () =>
  withHost([], (h) => {
    const none = h.run('alt_rootvg_op');
    assert.equal(none.rc, 2);
    assert.equal(lines(none.stderr)[0], 'alt_rootvg_op: One of the operations -q, -v, -W, -S, -X or -C must be given.');
    assert.equal(lines(none.stderr)[1], 'Usage:');
    assert.equal(lines(none.stderr).at(-1), 'alt_rootvg_op -C [-R resolv_conf] [-s script] [-b bundle_name] [-I installp_flags] [-l images_location] [-f fix_bundle] [-F fixes] [-w filesets] [-DV]');
    assert.equal(h.run('alt_rootvg_op', '-W').rc, 2);
    assert.equal(h.run('alt_rootvg_op', '-W', '-S', '-d', 'hdisk1').rc, 2);
    assert.equal(h.run('alt_rootvg_op', '-C', '-b', 'update_all').rc, 2);
  }));
