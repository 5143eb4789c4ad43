import { test } from 'node:test';
import assert from 'node:assert/strict';
import { withHost, outputLines } from '../helpers/sim.js';
import { editState } from '../helpers/state-fixtures.js';

// lslpp (reference §15): the measured -L layout, the -lc colon form, the 0504-132 answer.

const lines = outputLines;


const HEADER_L = ['  Fileset                      Level  State  Type  Description (Uninstaller)', '  ' + '-'.repeat(76)];

test('lslpp -L: name after 2 blanks, level right-aligned to col 36, state col 40, type col 46, description col 51 [I §15]', () => {
  withHost([], (h) => {
    const r = h.run('lslpp', '-L', 'bos.rte', 'bos.net.nfs.client');
    assert.equal(r.rc, 0);
    const ls = lines(r.stdout);
    assert.deepEqual(ls.slice(0, 4), [
      ...HEADER_L,
      '  bos.net.nfs.client         7.3.2.1    C     F    Network File System Client',
      '  bos.rte                    7.3.2.1    C     F    Base Operating System Runtime',
    ]);
    const row = ls[3]!;
    assert.equal(row.slice(27, 36), '  7.3.2.1');
    assert.equal(row[40], 'C');
    assert.equal(row[46], 'F');
    assert.equal(row.slice(51), 'Base Operating System Runtime');
    // The codes footer [V §15].
    assert.deepEqual(ls.slice(4, 7), ['', 'State codes:', ' A -- Applied.']);
    assert.equal(ls[ls.length - 1], ' E -- Interim Fix');
  });
});

test('lslpp -L: names longer than 24 go on their own line, descriptions wrap at col 51 [I §15]', () => {
  withHost([], (h) => {
    const ls = lines(h.run('lslpp', '-L', 'bos.alt_disk_install.boot_images', 'bos.alt_disk_install.rte').stdout);
    assert.deepEqual(ls.slice(2, 7), [
      '  bos.alt_disk_install.boot_images',
      '                             7.3.2.1    C     F    Alternate Disk Installation',
      ' '.repeat(51) + 'Disk Boot Images',
      '  bos.alt_disk_install.rte   7.3.2.1    C     F    Alternate Disk Installation',
      ' '.repeat(51) + 'Runtime',
    ]);
  });
});

test('lslpp -L of a missing fileset: header, then 0504-132, non-zero [V §15]', () => {
  withHost([], (h) => {
    const r = h.run('lslpp', '-L', 'bos.net.sctp');
    assert.deepEqual(r, { stdout: HEADER_L.join('\n') + '\n', stderr: 'lslpp: 0504-132  Fileset bos.net.sctp not installed.\n', rc: 1 });
    const mixed = h.run('lslpp', '-L', 'bos.rte', 'bos.net.sctp');
    assert.equal(mixed.rc, 1);
    assert.match(mixed.stdout, /^ {2}bos\.rte {20}7\.3\.2\.1/m);
  });
});

test('lslpp -lc: the colon form with the /usr/lib/objrepos column [V §15]', () => {
  withHost(['--boot-images-level', '7.3.2.0'], (h) => {
    const r = h.run('lslpp', '-lc', 'bos.alt_disk_install.rte', 'bos.alt_disk_install.boot_images');
    assert.equal(r.rc, 0);
    assert.deepEqual(lines(r.stdout), [
      '#Fileset:Level:PTF Id:State:Type:Description:EFIX Locked',
      '/usr/lib/objrepos:bos.alt_disk_install.boot_images:7.3.2.0::COMMITTED:I:Alternate Disk Installation Disk Boot Images :',
      '/usr/lib/objrepos:bos.alt_disk_install.rte:7.3.2.1::COMMITTED:I:Alternate Disk Installation Runtime :',
    ]);
    assert.deepEqual(h.run('lslpp', '-c', '-l', 'bos.alt_disk_install.rte').stdout, lines(r.stdout)[0] + '\n' + lines(r.stdout)[2] + '\n');
  });
});

test('lslpp -l: the state spelled out, "Path:" line, package names select their filesets [V 7.1 capture]', () => {
  withHost([], (h) => {
    const ls = lines(h.run('lslpp', '-l', 'bos.alt_disk_install').stdout);
    assert.deepEqual(ls, [
      '  Fileset                      Level  State      Description',
      '  ' + '-'.repeat(76),
      'Path: /usr/lib/objrepos',
      '  bos.alt_disk_install.boot_images',
      '                             7.3.2.1  COMMITTED  Alternate Disk Installation',
      ' '.repeat(49) + 'Disk Boot Images',
      '  bos.alt_disk_install.rte   7.3.2.1  COMMITTED  Alternate Disk Installation',
      ' '.repeat(49) + 'Runtime',
    ]);
  });
});

test('lslpp lists the running image: all, patterns, missing alt-disk filesets, a legacy system', () => {
  withHost(['--no-fileset', 'rte'], (h) => {
    const all = lines(h.run('lslpp', '-Lc', 'all').stdout);
    assert.equal(all[0]!.split(':')[0], '#Package Name');
    assert.ok(all.some((l) => l.startsWith('bos.rte:bos.rte:7.3.2.1:')));
    assert.equal(h.run('lslpp', '-L', 'bos.alt_disk_install.rte').rc, 1);
    assert.deepEqual(
      lines(h.run('lslpp', '-qlc', '-Ou', 'openssh.*').stdout).map((l) => l.split(':')[1]),
      ['openssh.base.client', 'openssh.base.server'],
    );
    editState(h, (s) => {
      const img = s.images[s.vgdas[s.booted.vgid]!.imageId!]!;
      img.filesets.find((f) => f.name === 'bos.rte')!.state = 'APPLIED';
    });
    assert.match(h.run('lslpp', '-L', 'bos.rte').stdout, /^ {2}bos\.rte {20}7\.3\.2\.1 {4}A {5}F/m);
  });
  withHost(['--profile', 'aix43'], (h) => {
    assert.match(h.run('lslpp', '-L', 'bos.rte').stdout, /^ {2}bos\.rte {20}4\.3\.3\.0 {4}C {5}F {4}Base Operating System Runtime$/m);
    assert.equal(h.run('lslpp', '-L', 'openssh.base.server').rc, 1);
  });
});

test('lslpp flags: -L or -l is required; real flags that are not modelled say so', () => {
  withHost([], (h) => {
    assert.equal(h.run('lslpp').rc, 2);
    assert.equal(h.run('lslpp', '-L', '-l').rc, 2);
    assert.equal(h.run('lslpp', '-Z').rc, 2);
    assert.deepEqual(h.run('lslpp', '-h', 'bos.rte'), { stdout: '', stderr: 'lslpp: lslpp -h is not simulated by aixsim.\n', rc: 2 });
  });
});
