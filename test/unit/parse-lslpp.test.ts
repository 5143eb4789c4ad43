import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseLslpp } from '../../modules/src/facts/parse/lslpp.js';
import { AixParseError } from '../../modules/src/facts/parse/text.js';
import { aixFixture, crlf } from '../helpers/aix-fixtures.js';

test('parseLslpp reads the -lc lines of the alt-disk filesets [V §15]', () => {
  assert.deepEqual(parseLslpp(aixFixture('lslpp-lc-53.txt')), {
    installed: [
      {
        fileset: 'bos.alt_disk_install.boot_images',
        level: '5.3.10.0',
        state: 'COMMITTED',
        description: 'Alternate Disk Installation Disk Boot Images',
        parts: ['/usr/lib/objrepos'],
      },
      {
        fileset: 'bos.alt_disk_install.rte',
        level: '5.3.10.0',
        state: 'COMMITTED',
        description: 'Alternate Disk Installation Runtime',
        parts: ['/usr/lib/objrepos'],
      },
    ],
    missing: [],
  });
});

test('parseLslpp reads the 4.3 -lc form, whose header lacks the Path its lines carry, and merges root parts [V 4.3.1 capture]', () => {
  const a = parseLslpp(crlf(aixFixture('lslpp-lc-431.txt')));
  assert.deepEqual(
    a.installed.map((f) => [f.fileset, f.level, f.state, f.parts]),
    [
      ['bos.rte', '4.3.1.0', 'COMMITTED', ['/usr/lib/objrepos', '/etc/objrepos']],
      ['bos.rte.lvm', '4.3.1.0', 'COMMITTED', ['/usr/lib/objrepos', '/etc/objrepos']],
      ['bos.sysmgt.sysbr', '4.3.1.0', 'COMMITTED', ['/usr/lib/objrepos']],
      ['xlC.rte', '3.6.3.0', 'COMMITTED', ['/usr/lib/objrepos']],
    ],
  );
  assert.equal(a.installed[2]!.description, 'System Backup and BOS Install Utilities');
});

test('parseLslpp reads the header form the simulator prints for -lc [§15]', () => {
  const text = '#Fileset:Level:PTF Id:State:Type:Description:EFIX Locked\n/usr/lib/objrepos:bos.alt_disk_install.rte:7.3.2.1::COMMITTED:I:Alternate Disk Installation Runtime:\n';
  assert.deepEqual(parseLslpp(text).installed.map((f) => [f.fileset, f.level, f.state]), [['bos.alt_disk_install.rte', '7.3.2.1', 'COMMITTED']]);
});

test('parseLslpp reads the -Lc form by its header, state from the one-letter code [U layout]', () => {
  const text = [
    '#Package Name:Fileset:Level:State:PTF Id:Fix State:Type:Description:Destination Dir.:Uninstaller:Message Catalog:Message Set:Message Number:Parent:Automatic:EFIX Locked:Install Path:Build Date',
    'bos.alt_disk_install:bos.alt_disk_install.rte:7.2.5.0: : :C: :Alternate Disk Installation Runtime : : : : : : :0:0:/:2045',
    'bos.alt_disk_install:bos.alt_disk_install.boot_images:7.2.5.0: : :A: :Alternate Disk Installation Disk Boot Images : : : : : : :0:0:/:2045',
  ].join('\n');
  assert.deepEqual(
    parseLslpp(text).installed.map((f) => [f.fileset, f.level, f.state, f.description]),
    [
      ['bos.alt_disk_install.rte', '7.2.5.0', 'COMMITTED', 'Alternate Disk Installation Runtime'],
      ['bos.alt_disk_install.boot_images', '7.2.5.0', 'APPLIED', 'Alternate Disk Installation Disk Boot Images'],
    ],
  );
});

test('parseLslpp reports 0504-132 as missing, from stderr or stdout [V §8, §15]', () => {
  const notInstalled = 'lslpp: 0504-132  Fileset bos.alt_disk_install.boot_images not installed.\n';
  assert.deepEqual(parseLslpp('#Fileset:Level:PTF Id:State:Type:Description:EFIX Locked\n', notInstalled), {
    installed: [],
    missing: ['bos.alt_disk_install.boot_images'],
  });
  const merged = aixFixture('lslpp-lc-53.txt').split('\n')[1] + '\n' + notInstalled.replace('boot_images', 'rte');
  const a = parseLslpp(merged);
  assert.deepEqual(a.installed.map((f) => f.fileset), ['bos.alt_disk_install.rte']);
  assert.deepEqual(a.missing, ['bos.alt_disk_install.rte']);
});

test('parseLslpp refuses lines that are not the colon form', () => {
  assert.throws(() => parseLslpp('  Fileset                      Level  State  Type  Description (Uninstaller)\n  bos.rte 7.3.2.1 C F Base\n'), AixParseError);
  assert.throws(() => parseLslpp('/usr/lib/objrepos:bos.rte:notalevel::COMMITTED:I:Base:\n'), /no fileset and level/);
});
