import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { cli, hostState, lines, lspvRow, lspvRows, withHost } from '../helpers/altdisk.js';

// `aixsim reboot`: firmware boots the first usable disk of the normal boot list; AIX then needs a
// put-to-sleep volume group and a /etc/filesystems with /, /usr and /var [seed]. A failed boot leaves
// the host down until it is booted from a good disk (SMS: --from).

test('a plain reboot boots the same rootvg, prints the console and appends it to console.log', () =>
  withHost([], (h) => {
    const before = hostState(h);
    const r = cli(h, 'reboot');
    assert.equal(r.rc, 0, r.stderr);
    const out = lines(r.stdout);
    assert.deepEqual(out.slice(0, 2), ['Shutting down aix73lpar . . .', 'Rebooting . . .']);
    assert.ok(out.includes('                                Welcome to AIX.'));
    assert.ok(out.includes('boot device: hdisk0'));
    assert.equal(out.at(-1), 'Console login:');
    assert.equal(fs.readFileSync(path.join(h.dir, 'console.log'), 'utf8'), r.stdout);
    const after = hostState(h);
    assert.deepEqual(after.odm, before.odm);
    assert.equal(after.images[after.vgdas[after.booted.vgid]!.imageId!]!.boots, 2);
    assert.equal(fs.readlinkSync(path.join(h.dir, 'root')), before.images[before.vgdas[before.booted.vgid]!.imageId!]!.fsDir);
  }));

test('exportvg of the place holder removes the running /etc/filesystems stanzas: the reboot fails, --from the clone recovers [seed, §19]', () =>
  withHost([], (h) => {
    assert.equal(h.run('alt_disk_copy', '-d', 'hdisk1', '-B').rc, 0);
    const ex = h.run('exportvg', 'altinst_rootvg');
    assert.equal(ex.rc, 0, ex.stderr);
    assert.doesNotMatch(h.file('/etc/filesystems'), /^\/usr:$/m);
    assert.equal(lspvRow(h, 'hdisk1').vg, 'None');

    const boot = cli(h, 'reboot');
    assert.equal(boot.rc, 1);
    assert.equal(lines(boot.stdout).at(-1), 'LED 518: mount of /, /usr, /var failed while booting from hdisk0: /etc/filesystems has no stanza for it');
    assert.match(boot.stderr, /the host is down; boot it from a good disk with: aixsim reboot .* --from <hdiskN>/);
    const s = hostState(h);
    assert.equal(s.down!.reason, 'LED 518: mount of /, /usr, /var failed while booting from hdisk0: /etc/filesystems has no stanza for it');

    const refused = h.run('lspv');
    assert.equal(refused.rc, 255);
    assert.match(refused.stderr, /^aixsim: aix73lpar is down \(LED 518/);
    assert.equal(cli(h, 'reboot').rc, 1, 'the same bootlist fails again');

    const sms = cli(h, 'reboot', '--from', 'hdisk1');
    assert.equal(sms.rc, 0, sms.stderr);
    assert.ok(!sms.stdout.includes('Shutting down'), 'a down host is not shut down first');
    assert.equal(hostState(h).down, null);
    assert.deepEqual(
      lspvRows(h).slice(0, 2).map((r) => [r.name, r.vg, r.state]),
      [
        ['hdisk0', 'old_rootvg', ''],
        ['hdisk1', 'rootvg', 'active'],
      ],
    );
    assert.match(h.file('/etc/filesystems'), /^\/usr:$/m, "the clone's own /etc/filesystems is intact");
  }));

test('a woken altinst_rootvg cannot boot until it is put to sleep [H-8]', () =>
  withHost([], (h) => {
    assert.equal(h.run('alt_disk_copy', '-d', 'hdisk1').rc, 0);
    assert.equal(h.run('alt_rootvg_op', '-W', '-d', 'hdisk1').rc, 0);
    const boot = cli(h, 'reboot');
    assert.equal(boot.rc, 1);
    assert.match(lines(boot.stdout).at(-1)!, /^LED 554: the boot device hdisk1 cannot be used/);
    assert.equal(cli(h, 'reboot', '--from', 'hdisk0').rc, 0);
    assert.deepEqual(lspvRow(h, 'hdisk1'), { ...lspvRow(h, 'hdisk1'), vg: 'altinst_rootvg', state: '' }, 'varied off by the boot');
    assert.equal(fs.existsSync(path.join(h.dir, 'alt_inst')), false);
    assert.equal(h.run('alt_rootvg_op', '-S').rc, 0);
    const again = cli(h, 'reboot');
    assert.equal(again.rc, 0, again.stdout);
    assert.equal(lspvRow(h, 'hdisk1').vg, 'rootvg');
  }));

test('a post-phase-1 altinst_rootvg cannot boot [H-11]: no boot image before phase 3; woken up, LED 554', () =>
  withHost([], (h) => {
    assert.equal(h.run('alt_disk_copy', '-d', 'hdisk1', '-P', '12').rc, 0);
    assert.equal(hostState(h).disks.find((d) => d.name === 'hdisk1')!.bootRecord, null, 'phase 3 builds the boot image');
    const boot = cli(h, 'reboot', '--from', 'hdisk1');
    assert.equal(boot.rc, 1);
    assert.match(hostState(h).down!.reason, /^firmware: no bootable device/);
    assert.equal(cli(h, 'reboot', '--from', 'hdisk0').rc, 0);
    assert.equal(h.run('alt_disk_copy', '-d', 'hdisk1', '-P', '3', '-B').rc, 0);
    assert.equal(h.run('alt_rootvg_op', '-W', '-d', 'hdisk1').rc, 0);
    assert.equal(cli(h, 'reboot', '--from', 'hdisk1').rc, 1);
    assert.match(hostState(h).down!.reason, /^LED 554: the boot device hdisk1/);
  }));

test('firmware skips disks without a boot record or that are gone; with none left the host is down', () =>
  withHost([], (h) => {
    assert.equal(h.run('bootlist', '-m', 'normal', 'hdisk3', 'hdisk2', 'hdisk0').rc, 0);
    const r = cli(h, 'reboot');
    assert.equal(r.rc, 0, r.stdout);
    assert.ok(lines(r.stdout).includes('boot device: hdisk0'));

    assert.equal(h.run('alt_disk_copy', '-d', 'hdisk1').rc, 0);
    assert.equal(h.run('bootlist', '-m', 'normal', 'hdisk1', 'hdisk0').rc, 0);
    assert.equal(cli(h, 'fault', 'disk-gone', 'hdisk1').rc, 0);
    const fallback = cli(h, 'reboot');
    assert.equal(fallback.rc, 0);
    assert.ok(lines(fallback.stdout).includes('boot device: hdisk0'));

    assert.equal(h.run('bootlist', '-m', 'normal', 'hdisk3').rc, 0);
    const none = cli(h, 'reboot');
    assert.equal(none.rc, 1);
    assert.equal(hostState(h).down!.reason, 'firmware: no bootable device in the normal boot list; the system stays in SMS (Select Boot Options)');
    assert.equal(cli(h, 'reboot', '--from', 'hdisk0').rc, 0);
  }));

test('--from an unknown disk is a usage error and leaves the host up', () =>
  withHost([], (h) => {
    const r = cli(h, 'reboot', '--from', 'hdisk9');
    assert.equal(r.rc, 1);
    assert.equal(r.stderr, 'aixsim reboot: aix73lpar has no disk hdisk9\n');
    assert.equal(hostState(h).down, null);
  }));

test('falling back to the original disk: its own ODM still knows the clone as altinst_rootvg', () =>
  withHost([], (h) => {
    assert.equal(h.run('alt_disk_copy', '-d', 'hdisk1').rc, 0);
    assert.equal(cli(h, 'reboot').rc, 0);
    assert.equal(lspvRow(h, 'hdisk0').vg, 'old_rootvg');
    assert.equal(h.run('bootlist', '-m', 'normal', 'hdisk0').rc, 0);
    assert.equal(cli(h, 'reboot').rc, 0);
    assert.deepEqual(
      lspvRows(h).slice(0, 2).map((r) => [r.name, r.vg, r.state]),
      [
        ['hdisk0', 'rootvg', 'active'],
        ['hdisk1', 'altinst_rootvg', ''],
      ],
    );
  }));

test('a -O clone configures devices afresh on its first boot: console prompt, disks renumbered [§20, H-19, H-21]', () =>
  withHost([], (h) => {
    const pvid2 = lspvRow(h, 'hdisk2').pvid;
    assert.equal(h.run('alt_disk_copy', '-d', 'hdisk2', '-O').rc, 0);
    const r = cli(h, 'reboot');
    assert.equal(r.rc, 0);
    const out = lines(r.stdout);
    assert.ok(out.includes('******* Please define the System Console. *******'));
    assert.ok(out.includes('cfgmgr: disks configured afresh (hdisk2->hdisk1, hdisk1->hdisk2)'));
    assert.deepEqual(lspvRow(h, 'hdisk1'), { name: 'hdisk1', pvid: pvid2, vg: 'rootvg', state: 'active' });
    assert.equal(lines(h.run('bootlist', '-m', 'normal', '-o').stdout)[0], 'hdisk1 blv=hd5 pathid=0');
  }));

test('a reboot clears a claim left by a crashed alternate-disk command', () =>
  withHost([], (h) => {
    assert.equal(cli(h, 'fault', 'crash-between-phases').rc, 0);
    assert.equal(h.run('alt_disk_copy', '-d', 'hdisk1').rc, 137);
    assert.notEqual(hostState(h).busy, null);
    assert.equal(cli(h, 'reboot').rc, 0);
    assert.equal(hostState(h).busy, null);
  }));
