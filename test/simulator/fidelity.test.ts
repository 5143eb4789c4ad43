import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { lines, withHost } from '../helpers/altdisk.js';
import { newHost, ROOT } from '../helpers/sim.js';
import { parseLslpp } from '../../modules/src/facts/parse/lslpp.js';

// What other people's AIX parsers found (issue 8): getconf MACHINE_ARCHITECTURE, sys0 and the other
// device classes, the 4.3 layout of lslpp -c -l and its root-part lines, and commands a level lacks.

test('getconf MACHINE_ARCHITECTURE answers the platform (chrp), on 7.3 and on 4.3', () => {
  for (const profile of ['aix73', 'aix43']) {
    withHost(['--profile', profile], (h) => {
      assert.deepEqual(h.run('getconf', 'MACHINE_ARCHITECTURE'), { stdout: 'chrp\n', stderr: '', rc: 0 });
      assert.equal(h.run('bootinfo', '-T').stdout, 'chrp\n');
    });
  }
});

test('sys0 exists: lsattr -El sys0 in dynamic columns, realmem as getconf REAL_MEMORY; lsdev lists the usual classes', () =>
  withHost([], (h) => {
    const attrs = h.run('lsattr', '-El', 'sys0');
    assert.equal(attrs.rc, 0, attrs.stderr);
    const rows = lines(attrs.stdout).map((l) => l.split(/\s+/));
    const names = rows.map((r) => r[0]);
    for (const a of ['autorestart', 'fullcore', 'maxuproc', 'modelname', 'realmem', 'systemid']) assert.ok(names.includes(a), a);
    assert.deepEqual(names, [...names].sort((a, b) => (a! < b! ? -1 : 1)), 'attributes in name order');
    const realmem = h.run('lsattr', '-El', 'sys0', '-a', 'realmem', '-F', 'value').stdout.trim();
    assert.equal(realmem, h.run('getconf', 'REAL_MEMORY').stdout.trim());
    assert.equal(h.run('lsattr', '-EOl', 'sys0', '-a', 'maxuproc').stdout, '#maxuproc\n2048\n');
    const all = lines(h.run('lsdev').stdout).map((l) => l.split(/\s+/)[0]);
    for (const d of ['sys0', 'sysplanar0', 'proc0', 'mem0', 'ent0', 'en0', 'lo0', 'inet0', 'fcs0', 'fscsi0', 'vty0', 'hdisk0', 'hdisk4']) assert.ok(all.includes(d), d);
    assert.deepEqual(lines(h.run('lsdev', '-C', '-l', 'sys0').stdout), ['sys0 Available  System Object']);
    assert.equal(h.run('lsdev', '-Cc', 'sys', '-F', 'name:class:type').stdout, 'sys0:sys:chrp\n');
    assert.deepEqual(lines(h.run('lsdev', '-Cc', 'processor', '-F', 'name').stdout), ['proc0', 'proc4']);
    assert.deepEqual(lines(h.run('lsdev', '-Cc', 'disk', '-F', 'name').stdout), ['hdisk0', 'hdisk1', 'hdisk2', 'hdisk3', 'hdisk4'], 'disks unchanged');
    assert.equal(h.run('lsattr', '-El', 'ent0').rc, 2, 'other devices: said to be not simulated');
  }));

test('lslpp -c -l on 4.3: six header fields, no EFIX Locked, the 4.3.1 capture\'s shape; root-part lines follow the usr part', () => {
  const capture = fs.readFileSync(path.join(ROOT, 'test/fixtures/aix/lslpp-lc-431.txt'), 'utf8');
  withHost(['--profile', 'aix43'], (h) => {
    const out = h.run('lslpp', '-c', '-l');
    assert.equal(out.rc, 0);
    const ls = lines(out.stdout);
    assert.equal(ls[0], lines(capture)[0], '#Fileset:Level:PTF Id:State:Type:Description');
    for (const l of ls.slice(1)) assert.equal(l.split(':').length, 7, l);
    assert.match(h.run('lslpp', '-lc', 'bos.rte.lvm').stdout, /^\/usr\/lib\/objrepos:bos\.rte\.lvm:4\.3\.3\.0::COMMITTED:I:Logical Volume Manager\n\/etc\/objrepos:bos\.rte\.lvm:4\.3\.3\.0::COMMITTED:I:Logical Volume Manager\n$/m);
    const firstRoot = ls.findIndex((l) => l.startsWith('/etc/objrepos:'));
    assert.ok(firstRoot > 1 && ls.slice(firstRoot).every((l) => l.startsWith('/etc/objrepos:')), 'the usr part first, then the root part');
    // The modules' parser reads it as it reads the capture.
    const parsed = parseLslpp(out.stdout);
    assert.deepEqual(parsed.installed.find((f) => f.fileset === 'bos.rte')!.parts, ['/usr/lib/objrepos', '/etc/objrepos']);
  });
  withHost([], (h) => {
    const ls = lines(h.run('lslpp', '-lc', 'bos.rte', 'bos.alt_disk_install.rte').stdout);
    assert.deepEqual(ls, [
      '#Fileset:Level:PTF Id:State:Type:Description:EFIX Locked',
      '/usr/lib/objrepos:bos.alt_disk_install.rte:7.3.2.1::COMMITTED:I:Alternate Disk Installation Runtime :',
      '/usr/lib/objrepos:bos.rte:7.3.2.1::COMMITTED:I:Base Operating System Runtime :',
      '/etc/objrepos:bos.rte:7.3.2.1::COMMITTED:I:Base Operating System Runtime :',
    ]);
    assert.deepEqual(lines(h.run('lslpp', '-l', 'bos.rte').stdout).slice(2), [
      'Path: /usr/lib/objrepos',
      '  bos.rte                    7.3.2.1  COMMITTED  Base Operating System Runtime',
      'Path: /etc/objrepos',
      '  bos.rte                    7.3.2.1  COMMITTED  Base Operating System Runtime',
    ]);
    assert.equal(lines(h.run('lslpp', '-lc', '-Or', 'bos.rte').stdout)[1], '/etc/objrepos:bos.rte:7.3.2.1::COMMITTED:I:Base Operating System Runtime :');
  });
});

test('a command the level lacks is not found, however it is reached: another host\'s link, a link made by hand', () => {
  const h73 = newHost();
  const h43 = newHost('--profile', 'aix43');
  try {
    const before = fs.readFileSync(path.join(h43.dir, 'state.json'), 'utf8');
    const notFound = { stdout: '', stderr: 'ksh: alt_disk_copy: not found.\n', status: 127 };
    const viaOther = spawnSync(path.join(h73.dir, 'bin', 'alt_disk_copy'), ['-d', 'hdisk1'], { encoding: 'utf8', env: { ...process.env, AIXSIM_HOST_DIR: h43.dir } });
    assert.deepEqual({ stdout: viaOther.stdout, stderr: viaOther.stderr, status: viaOther.status }, notFound);
    fs.symlinkSync('../lib/aixsim.cjs', path.join(h43.dir, 'bin', 'alt_disk_copy'));
    const byHand = spawnSync(path.join(h43.dir, 'bin', 'alt_disk_copy'), ['-d', 'hdisk1'], { encoding: 'utf8' });
    assert.deepEqual({ stdout: byHand.stdout, stderr: byHand.stderr, status: byHand.status }, notFound);
    assert.equal(fs.readFileSync(path.join(h43.dir, 'state.json'), 'utf8'), before, 'nothing ran');
    assert.equal(h43.run('alt_disk_install', '-X').rc !== 127, true, 'the commands 4.3 has still run');
  } finally {
    h73.cleanup();
    h43.cleanup();
  }
});
