import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { cli, cloneTranscript, hostState, lines, lspvRow, scratchFile, withHost } from '../helpers/altdisk.js';

// Phased installs [V §5]: 1 leaves altinst_rootvg varied on and mounted, 2 may run any number of
// times, 3 finishes; 2/3 need a previous phase 1 on the same targets; 13 is no phase list.

const FULL = cloneTranscript('hdisk1');
const PHASE1 = FULL.slice(0, FULL.indexOf('Modifying ODM on cloned disk.'));
const PHASE3 = FULL.slice(FULL.indexOf('Modifying ODM on cloned disk.'));

test('phase 1, phase 2 twice, phase 3: the transcript splits at the phase boundaries and the state follows [§5]', () =>
  withHost([], (h) => {
    const p1 = h.run('alt_disk_copy', '-d', 'hdisk1', '-P', '1');
    assert.equal(p1.rc, 0, p1.stderr);
    assert.deepEqual(lines(p1.stdout), PHASE1);
    assert.deepEqual(lspvRow(h, 'hdisk1'), { ...lspvRow(h, 'hdisk1'), vg: 'altinst_rootvg', state: 'active' });
    assert.ok(fs.existsSync(path.join(h.dir, 'alt_inst', 'etc/filesystems')), '/alt_inst is mounted');
    const mounted = h.run('mount').stdout;
    assert.match(mounted, /\/dev\/alt_hd4 +\/alt_inst +jfs2/);
    assert.match(h.run('lsvg', '-l', 'altinst_rootvg').stdout, /^alt_hd2 .* \/alt_inst\/usr$/m);
    assert.equal(lines(h.run('bootlist', '-m', 'normal', '-o').stdout)[0], 'hdisk0 blv=hd5 pathid=0', 'no bootlist change before phase 3');

    const script = scratchFile('count.sh', '#!/bin/sh\necho run >> /alt_inst/etc/phase2.runs\n', true);
    for (let i = 1; i <= 2; i++) {
      const p2 = h.run('alt_disk_copy', '-d', 'hdisk1', '-P', '2', '-s', script);
      assert.equal(p2.rc, 0, p2.stderr);
      assert.equal(p2.stdout, '');
      const alt = hostState(h).odm.find((v) => v.name === 'altinst_rootvg')!;
      assert.equal(alt.alt!.phase2Runs, i);
      assert.equal(alt.alt!.phase, 1);
    }
    assert.equal(fs.readFileSync(path.join(h.dir, 'alt_inst', 'etc/phase2.runs'), 'utf8'), 'run\nrun\n');

    const p3 = h.run('alt_disk_copy', '-d', 'hdisk1', '-P', '3');
    assert.equal(p3.rc, 0, p3.stderr);
    assert.deepEqual(lines(p3.stdout), PHASE3);
    assert.deepEqual(lspvRow(h, 'hdisk1'), { ...lspvRow(h, 'hdisk1'), vg: 'altinst_rootvg', state: '' });
    assert.equal(fs.existsSync(path.join(h.dir, 'alt_inst')), false);
    assert.equal(lines(h.run('bootlist', '-m', 'normal', '-o').stdout)[0], 'hdisk1 blv=hd5 pathid=0');
  }));

test('-P 12 then -P 23: the same work as one run', () =>
  withHost([], (h) => {
    const a = h.run('alt_disk_copy', '-d', 'hdisk1', '-P12');
    assert.equal(a.rc, 0);
    assert.deepEqual(lines(a.stdout), PHASE1);
    const b = h.run('alt_disk_copy', '-d', 'hdisk1', '-P', '23');
    assert.equal(b.rc, 0);
    assert.deepEqual(lines(b.stdout), PHASE3);
  }));

test('-P all is the default', () =>
  withHost([], (h) => {
    const r = h.run('alt_disk_copy', '-d', 'hdisk1', '-P', 'all');
    assert.equal(r.rc, 0);
    assert.deepEqual(lines(r.stdout), FULL);
  }));

test('phase 2 or 3 without a phase 1 on those targets fails; phase 3 on a complete altinst_rootvg fails', () =>
  withHost([], (h) => {
    for (const phase of ['2', '3', '23']) {
      const r = h.run('alt_disk_copy', '-d', 'hdisk1', '-P', phase);
      assert.equal(r.rc, 1, phase);
      assert.equal(r.stdout, '');
      assert.equal(r.stderr, 'alt_disk_copy: There is no altinst_rootvg in a post phase 1 state on hdisk1. Run phase 1 first.\n');
    }
    assert.equal(h.run('alt_disk_copy', '-d', 'hdisk1', '-P', '1').rc, 0);
    const other = h.run('alt_disk_copy', '-d', 'hdisk2', '-P', '2');
    assert.equal(other.rc, 1);
    assert.equal(other.stderr, 'alt_disk_copy: There is no altinst_rootvg in a post phase 1 state on hdisk2. Run phase 1 first.\n');
    assert.equal(h.run('alt_disk_copy', '-d', 'hdisk1', '-P', '3').rc, 0);
    const again = h.run('alt_disk_copy', '-d', 'hdisk1', '-P', '3');
    assert.equal(again.rc, 1);
    assert.equal(again.stderr, 'alt_disk_copy: altinst_rootvg has already completed phase 3; there is nothing left to do.\n');
    const p2 = h.run('alt_disk_copy', '-d', 'hdisk1', '-P', '2');
    assert.equal(p2.rc, 1);
    assert.match(p2.stderr, /no altinst_rootvg in a post phase 1 state/);
  }));

test('-B given with phase 1 is honoured by a later phase 3 (pending options)', () =>
  withHost([], (h) => {
    assert.equal(h.run('alt_disk_copy', '-d', 'hdisk1', '-P', '1', '-B').rc, 0);
    const r = h.run('alt_disk_copy', '-d', 'hdisk1', '-P', '3');
    assert.equal(r.rc, 0);
    assert.equal(lines(r.stdout).at(-1), 'Fixing file system superblocks...');
    assert.equal(lines(h.run('bootlist', '-m', 'normal', '-o').stdout)[0], 'hdisk0 blv=hd5 pathid=0');
  }));

test('a post-phase-1 VG that a reboot varied off is mounted again by phase 3, and cleaned by -X', () =>
  withHost([], (h) => {
    assert.equal(h.run('alt_disk_copy', '-d', 'hdisk1', '-P', '1').rc, 0);
    assert.equal(cli(h, 'reboot').rc, 0, 'the bootlist still names hdisk0');
    assert.deepEqual(lspvRow(h, 'hdisk1'), { ...lspvRow(h, 'hdisk1'), vg: 'altinst_rootvg', state: '' });
    assert.equal(fs.existsSync(path.join(h.dir, 'alt_inst')), false);
    const r = h.run('alt_disk_copy', '-d', 'hdisk1', '-P', '3');
    assert.equal(r.rc, 0, r.stderr);
    assert.deepEqual(lines(r.stdout), PHASE3);
    assert.equal(h.run('alt_rootvg_op', '-X').rc, 0);
    assert.equal(lspvRow(h, 'hdisk1').vg, 'None');
  }));

test('-r reboots onto the clone after phase 3', () =>
  withHost([], (h) => {
    const r = h.run('alt_disk_copy', '-d', 'hdisk1', '-r');
    assert.equal(r.rc, 0, r.stderr);
    assert.deepEqual(lines(r.stdout), [...FULL, 'Rebooting . . .']);
    assert.deepEqual(lspvRow(h, 'hdisk1'), { ...lspvRow(h, 'hdisk1'), vg: 'rootvg', state: 'active' });
    assert.equal(lspvRow(h, 'hdisk0').vg, 'old_rootvg');
    assert.equal(h.run('bootinfo', '-b').stdout, 'hdisk1\n');
    assert.match(fs.readFileSync(path.join(h.dir, 'console.log'), 'utf8'), /^boot device: hdisk1$/m);
    assert.equal(hostState(h).busy, null);
  }));
