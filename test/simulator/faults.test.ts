import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { cli, cloneTranscript, hostState, lines, lspvRow, scratchFile, withHost } from '../helpers/altdisk.js';

// `aixsim fault`: every injectable failure, what the alternate-disk commands print when it fires and
// the state each one leaves behind.

const FULL = cloneTranscript('hdisk1');
const PHASE1 = FULL.slice(0, FULL.indexOf('Modifying ODM on cloned disk.'));

test('phase1-space: phase 1 fails creating alt_hd5 with allocp/mklv, the partial altinst_rootvg is removed [peer §7]', () =>
  withHost([], (h) => {
    const armed = cli(h, 'fault', 'phase1-space', '--times', '2');
    assert.equal(armed.rc, 0, armed.stderr);
    const pvid = lspvRow(h, 'hdisk3').pvid;
    for (let i = 0; i < 2; i++) {
      const r = h.run('alt_disk_copy', '-d', 'hdisk3');
      assert.equal(r.rc, 1);
      assert.deepEqual(lines(r.stdout), [
        'Calling mkszfile to create new /image.data file.',
        'Checking disk sizes.',
        'Creating cloned rootvg volume group and associated logical volumes.',
        'Creating logical volume alt_hd5.',
        '0516-404 allocp: This system cannot fulfill the allocation request.',
        '\tThere are not enough free partitions or not enough physical volumes ',
        '\tto keep strictness and satisfy allocation requests.  The command',
        '\tshould be retried with different allocation characteristics.',
        '0516-822 mklv: Unable to create logical volume.',
      ]);
      assert.equal(r.stderr, 'alt_disk_copy: Creating the alternate volume group failed; the partial altinst_rootvg was removed.\n');
      assert.equal(lspvRow(h, 'hdisk3').vg, 'None');
      assert.equal(h.run('getlvodm', '-j', 'hdisk3').rc, 3);
      assert.equal(hostState(h).disks.find((d) => d.name === 'hdisk3')!.bootRecord, null);
    }
    assert.equal(pvid, 'none');
    assert.match(lspvRow(h, 'hdisk3').pvid, /^[0-9a-f]{16}$/, 'mkvg had already given the disk a PVID');
    assert.equal(cli(h, 'fault', '--list').stdout, '');
    assert.equal(h.run('alt_disk_copy', '-d', 'hdisk3').rc, 0, 'the fault is used up');
    assert.equal(fs.readdirSync(path.join(h.dir, 'fs')).length, 2, 'no image folder of the failed attempts is left');
  }));

test('phase2-script: the script fails without running and the clone stays in its post-phase-1 state', () =>
  withHost([], (h) => {
    assert.equal(cli(h, 'fault', 'phase2-script').rc, 0);
    assert.equal(h.run('alt_disk_copy', '-d', 'hdisk1', '-P', '1').rc, 0, 'phase 1 alone cannot reach phase 2: the fault waits');
    assert.equal(cli(h, 'fault', '--list').stdout, 'phase2-script times=1\n');
    const marker = path.join(path.dirname(scratchFile('m', '')), 'ran');
    const script = scratchFile('s.sh', `#!/bin/sh\ntouch ${marker}\n`, true);
    const r = h.run('alt_disk_copy', '-d', 'hdisk1', '-P', '23', '-s', script);
    assert.equal(r.rc, 1);
    assert.equal(r.stdout, '');
    assert.equal(r.stderr, `alt_disk_copy: The customization script ${script} failed with return code 1.\n`);
    assert.equal(fs.existsSync(marker), false);
    assert.equal(lspvRow(h, 'hdisk1').state, 'active');
    assert.equal(h.run('alt_disk_copy', '-d', 'hdisk1', '-P', '23', '-s', script).rc, 0);
    assert.equal(fs.existsSync(marker), true);
  }));

test('bootlist: phase 3 completes but the bootlist step fails; the bootlist command fails too', () =>
  withHost([], (h) => {
    assert.equal(cli(h, 'fault', 'bootlist', '--times', '2').rc, 0);
    const r = h.run('alt_disk_copy', '-d', 'hdisk1');
    assert.equal(r.rc, 1);
    assert.equal(lines(r.stdout).at(-1), 'Fixing file system superblocks...');
    assert.equal(r.stderr, 'bootlist: Unable to update the boot list in NVRAM.\nalt_disk_copy: bootlist failed to set the boot disk hdisk1.\n');
    assert.deepEqual(lspvRow(h, 'hdisk1'), { ...lspvRow(h, 'hdisk1'), vg: 'altinst_rootvg', state: '' });
    assert.equal(lines(h.run('bootlist', '-m', 'normal', '-o').stdout)[0], 'hdisk0 blv=hd5 pathid=0');
    const cmd = h.run('bootlist', '-m', 'normal', 'hdisk1');
    assert.equal(cmd.rc, 1);
    assert.equal(h.run('bootlist', '-m', 'normal', 'hdisk1').rc, 0);
    assert.equal(lines(h.run('bootlist', '-m', 'normal', '-o').stdout)[0], 'hdisk1 blv=hd5 pathid=0');
  }));

test('disk-gone now: the disk is no longer available to alt_disk_copy', () =>
  withHost([], (h) => {
    const r = cli(h, 'fault', 'disk-gone', 'hdisk2');
    assert.deepEqual([r.rc, r.stdout], [0, 'aixsim: hdisk2 is gone\n']);
    const copy = h.run('alt_disk_copy', '-d', 'hdisk2');
    assert.deepEqual([copy.rc, copy.stderr], [1, 'alt_disk_copy: target disk hdisk2 is not available.\n']);
    assert.equal(cli(h, 'fault', '--list').stdout, 'gone hdisk2\n');
  }));

test('disk-gone --during alt_disk_copy: the restore fails with an I/O error, leaving an unfinished altinst_rootvg', () =>
  withHost([], (h) => {
    assert.equal(cli(h, 'fault', 'disk-gone', 'hdisk1', '--during', 'alt_disk_copy').rc, 0);
    assert.equal(hostState(h).disks.find((d) => d.name === 'hdisk1')!.present, true, 'still there until the copy runs');
    assert.equal(cli(h, 'fault', '--list').stdout, 'disk-gone hdisk1 times=1 during=alt_disk_copy\n');
    const r = h.run('alt_disk_copy', '-d', 'hdisk1');
    assert.equal(r.rc, 1);
    assert.deepEqual(lines(r.stdout), PHASE1);
    assert.equal(r.stderr, 'alt_disk_copy: An I/O error occurred writing to hdisk1; the restore did not complete.\n');
    const s = hostState(h);
    assert.equal(s.disks.find((d) => d.name === 'hdisk1')!.present, false);
    assert.equal(s.odm.find((v) => v.name === 'altinst_rootvg')!.alt!.phase, 1);
    assert.deepEqual(lines(h.run('bootlist', '-m', 'normal', '-o').stdout), ['hdisk0 blv=hd5 pathid=0', 'hdisk0 blv=hd5 pathid=1', 'hdisk0 blv=hd5 pathid=2', 'hdisk0 blv=hd5 pathid=3']);
    assert.equal(h.run('alt_rootvg_op', '-X').rc, 0);
    assert.equal(hostState(h).odm.some((v) => v.name === 'altinst_rootvg'), false);
  }));

test('crash-between-phases: exit 137 right after phase 1, nothing of phase 2/3, altinst_rootvg left mounted; -P 23 finishes it', () =>
  withHost([], (h) => {
    assert.equal(cli(h, 'fault', 'crash-between-phases').rc, 0);
    const script = scratchFile('s.sh', '#!/bin/sh\necho phase-two\n', true);
    const r = h.run('alt_disk_copy', '-d', 'hdisk1', '-s', script);
    assert.equal(r.rc, 137);
    assert.deepEqual(lines(r.stdout), PHASE1);
    assert.equal(r.stderr, '');
    assert.deepEqual(lspvRow(h, 'hdisk1'), { ...lspvRow(h, 'hdisk1'), vg: 'altinst_rootvg', state: 'active' });
    assert.ok(fs.existsSync(path.join(h.dir, 'alt_inst', 'etc/hosts')));
    assert.notEqual(hostState(h).busy, null, 'the dead process left its claim');
    const done = h.run('alt_disk_copy', '-d', 'hdisk1', '-P', '23', '-s', script);
    assert.equal(done.rc, 0, done.stderr);
    assert.equal(lines(done.stdout)[0], 'phase-two');
    assert.equal(lines(done.stdout).at(-1), 'Bootlist is set to the boot disk: hdisk1 blv=hd5');
  }));

test('bosboot: building the boot image fails in phase 3, the clone stays mounted; the bosboot command fails too', () =>
  withHost([], (h) => {
    assert.equal(cli(h, 'fault', 'bosboot').rc, 0);
    const r = h.run('alt_disk_copy', '-d', 'hdisk1');
    assert.equal(r.rc, 1);
    assert.equal(lines(r.stdout).at(-1), 'Building boot image on cloned disk.');
    assert.equal(r.stderr, 'bosboot: Unable to write the boot image to /dev/hdisk1.\nalt_disk_copy: bosboot failed to build the boot image on hdisk1.\n');
    assert.equal(lspvRow(h, 'hdisk1').state, 'active');
    assert.equal(h.run('alt_disk_copy', '-d', 'hdisk1', '-P', '3').rc, 0);
    assert.equal(cli(h, 'fault', 'bosboot', 'hdisk0').rc, 0);
    assert.equal(h.run('bosboot', '-ad', '/dev/hdisk0').rc, 1);
  }));

test('fault CLI: --list, --clear, unknown steps, bad --times', () =>
  withHost([], (h) => {
    assert.equal(cli(h, 'fault', 'phase1-space').rc, 0);
    assert.equal(cli(h, 'fault', 'bootlist', '--times', '3').rc, 0);
    assert.equal(cli(h, 'fault', '--list').stdout, 'phase1-space times=1\nbootlist times=3\n');
    assert.deepEqual([cli(h, 'fault', '--clear').stdout], ['aixsim: cleared 2 pending fault(s)\n']);
    assert.equal(cli(h, 'fault', '--list').stdout, '');
    const unknown = cli(h, 'fault', 'meteor');
    assert.deepEqual([unknown.rc, unknown.stderr], [1, 'aixsim fault: unknown step "meteor" (steps: phase1-space, phase2-script, bootlist, disk-gone, crash-between-phases, bosboot)\n']);
    assert.equal(cli(h, 'fault', 'bootlist', '--times', '0').rc, 1);
    assert.equal(cli(h, 'fault', 'disk-gone').rc, 1);
    assert.equal(cli(h, 'fault', 'disk-gone', 'hdisk9').rc, 1);
    assert.equal(cli(h, 'fault', 'phase1-space', 'hdisk1').rc, 1);
    assert.equal(cli(h, 'fault', 'disk-gone', 'hdisk1', '--during', 'lspv').rc, 1);
  }));
