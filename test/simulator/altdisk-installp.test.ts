import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { cli, hostState, imageOfDisk, lines, lspvRow, scratchFile, withHost, scratchDir } from '../helpers/altdisk.js';
import type { SimHost } from '../helpers/sim.js';

// Phase-2 installp work on a clone [§3.3, §5]: update_all, bundles, -w filesets, -F/-f APARs with -l
// images written by `aixsim lppsource`. The clone's filesets and oslevel follow; the running system does not.

function lppSource(h: SimHost, level: string, ...filesets: string[]): string {
  const folder = path.join(scratchDir('altdisk-lpp-'), 'lpp');
  const r = cli(h, 'lppsource', folder, '--level', level, ...(filesets.length ? ['--filesets', filesets.join(',')] : []));
  assert.equal(r.rc, 0, r.stderr);
  return folder;
}

function cloneFilesets(h: SimHost, disk: string): Record<string, { level: string; state: string }> {
  const img = hostState(h).images[imageOfDisk(h, disk)]!;
  return Object.fromEntries(img.filesets.map((f) => [f.name, { level: f.level, state: f.state }]));
}

test('aixsim lppsource writes <fileset>.<V.R.M.F>.bff images and a .toc', () =>
  withHost([], (h) => {
    const folder = lppSource(h, '7300-03-01-2420', 'bos.rte', 'bos.rte.libc', 'bos.cluster.rte');
    assert.deepEqual(fs.readdirSync(folder).sort(), ['.toc', 'bos.cluster.rte.7.3.3.1.bff', 'bos.rte.7.3.3.1.bff', 'bos.rte.libc.7.3.3.1.bff']);
    assert.match(fs.readFileSync(path.join(folder, '.toc'), 'utf8'), /^# oslevel 7300-03-01-2420$/m);
  }));

test('update_all brings the clone to the new TL: filesets, oslevel after the reboot; the running system is unchanged', () =>
  withHost([], (h) => {
    const lpp = lppSource(h, '7300-03-01-2420');
    const r = h.run('alt_disk_copy', '-d', 'hdisk1', '-b', 'update_all', '-l', lpp);
    assert.equal(r.rc, 0, r.stderr);
    const out = lines(r.stdout);
    const backup = out.indexOf('alternate file system...');
    assert.equal(out[backup + 1], '+-----------------------------------------------------------------------------+', 'installp runs in phase 2');
    assert.ok(out.includes('installp: APPLYING software for:'));
    assert.ok(out.includes('bos.rte                     7.3.3.1         USR         APPLY       SUCCESS'), r.stdout);
    assert.ok(out.includes('bos.rte                     7.3.3.1         ROOT        COMMIT      SUCCESS'));
    assert.ok(out.indexOf('Installation Summary') < out.indexOf('Modifying ODM on cloned disk.'));
    assert.equal(out.at(-1), 'Bootlist is set to the boot disk: hdisk1 blv=hd5');

    const fsets = cloneFilesets(h, 'hdisk1');
    assert.deepEqual(fsets['bos.rte'], { level: '7.3.3.1', state: 'COMMITTED' });
    assert.deepEqual(fsets['bos.perf.tools'], { level: '7.3.3.0', state: 'COMMITTED' });
    assert.deepEqual(fsets['openssh.base.server'], { level: '9.2.112.2400', state: 'COMMITTED' }, 'not in the source: unchanged');
    assert.equal(hostState(h).images[imageOfDisk(h, 'hdisk1')]!.level.sp, '7300-03-01-2420');
    assert.equal(h.run('oslevel', '-s').stdout, '7300-02-01-2346\n');
    assert.match(h.run('lslpp', '-L', 'bos.rte').stdout, /bos\.rte +7\.3\.2\.1 /);

    assert.equal(cli(h, 'reboot').rc, 0);
    assert.equal(h.run('oslevel', '-s').stdout, '7300-03-01-2420\n');
    assert.equal(h.run('oslevel', '-r').stdout, '7300-03\n');
    assert.match(h.run('lslpp', '-L', 'bos.rte').stdout, /bos\.rte +7\.3\.3\.1 /);
  }));

test('update_all with nothing newer changes nothing and succeeds', () =>
  withHost([], (h) => {
    const lpp = lppSource(h, '7300-02-01-2346');
    const r = h.run('alt_disk_copy', '-d', 'hdisk1', '-P', '12', '-b', 'update_all', '-l', lpp);
    assert.equal(r.rc, 0, r.stderr);
    assert.ok(lines(r.stdout).includes('installp: There are no new updates on the media for the installed software.'));
    assert.equal(hostState(h).images[imageOfDisk(h, 'hdisk1')]!.level.sp, '7300-02-01-2346');
  }));

test('-w installs named filesets (new ones too); a missing image fails installp and leaves the post-phase-1 state', () =>
  withHost([], (h) => {
    const lpp = lppSource(h, '7300-02-02-2410', 'bos.rte.libc', 'bos.cluster.rte');
    const bad = h.run('alt_disk_copy', '-d', 'hdisk1', '-w', 'bos.rte.libc bos.nosuch.rte', '-l', lpp);
    assert.equal(bad.rc, 1);
    assert.equal(bad.stderr, 'alt_disk_copy: installp failed with return code 1; the alternate disk was not updated completely.\n');
    const out = lines(bad.stdout);
    const missing = out.indexOf('  Missing Filesets');
    assert.ok(missing > 0, bad.stdout);
    assert.ok(out.slice(missing).includes('    bos.nosuch.rte'));
    assert.ok(!bad.stdout.includes('Modifying ODM'), 'phase 3 did not run');
    assert.equal(lspvRow(h, 'hdisk1').state, 'active');
    assert.equal(cloneFilesets(h, 'hdisk1')['bos.rte.libc']!.level, '7.3.2.2', 'what was found was applied');

    const ok = h.run('alt_disk_copy', '-d', 'hdisk1', '-P', '23', '-w', 'bos.cluster.rte', '-I', '-agX', '-l', lpp);
    assert.equal(ok.rc, 0, ok.stderr);
    assert.deepEqual(cloneFilesets(h, 'hdisk1')['bos.cluster.rte'], { level: '7.3.2.2', state: 'APPLIED' });
    assert.ok(!ok.stdout.includes('COMMIT '), 'no commit without c in the installp flags');
  }));

test('-b with a bundle file installs what it lists; already installed levels are reported, not reinstalled', () =>
  withHost([], (h) => {
    const lpp = lppSource(h, '7300-02-02-2410', 'bos.rte', 'bos.rte.lvm', 'bos.adt.base');
    const bundle = scratchFile('my.bnd', '# my bundle\nI:bos.rte\nbos.adt.base\n');
    const r = h.run('alt_disk_copy', '-d', 'hdisk1', '-b', bundle, '-l', lpp, '-P', '12');
    assert.equal(r.rc, 0, r.stderr);
    const fsets = cloneFilesets(h, 'hdisk1');
    assert.equal(fsets['bos.rte']!.level, '7.3.2.2');
    assert.equal(fsets['bos.rte.lvm']!.level, '7.3.2.1', 'not in the bundle');
    assert.ok(lines(r.stdout).includes('  Already Installed'));
    assert.ok(lines(r.stdout).some((l) => l.startsWith('  bos.adt.base 7.3.2.0 ')));
  }));

test('-F and -f record APARs on the clone', () =>
  withHost([], (h) => {
    const lpp = lppSource(h, '7300-02-02-2410', 'bos.rte');
    const fixes = scratchFile('fixes', 'IJ30000\nIJ30001\n');
    const r = h.run('alt_disk_copy', '-d', 'hdisk1', '-F', 'IJ12345 IJ23456', '-f', fixes, '-l', lpp, '-P', '12');
    assert.equal(r.rc, 0, r.stderr);
    assert.ok(lines(r.stdout).includes('    All filesets for IJ12345 were found.'));
    assert.deepEqual(hostState(h).images[imageOfDisk(h, 'hdisk1')]!.apars, ['IJ12345', 'IJ23456', 'IJ30000', 'IJ30001']);
  }));

test('an mksysb install has no installp phase-2 work (no -b/-w/-l flags)', () =>
  withHost([], (h) => {
    const r = h.run('alt_disk_mksysb', '-m', '/tmp/x', '-d', 'hdisk2', '-b', 'update_all');
    assert.equal(r.rc, 2);
    assert.equal(lines(r.stderr)[0], 'alt_disk_mksysb: Not a recognized flag: b');
  }));
