import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mountedUnder, parseMount } from '../../modules/src/facts/parse/mount.js';
import { aixFixture, crlf } from '../helpers/aix-fixtures.js';

test('parseMount reads the AIX mount table, overflowing columns included [V ansible sample_mount_output2]', () => {
  const text = aixFixture('mount-ansible-sample2.txt');
  const m = parseMount(crlf(text));
  assert.equal(m.length, 10);
  assert.deepEqual(m[0], { node: null, device: '/dev/hd4', mountPoint: '/', vfs: 'jfs2', date: 'Nov 07 19:11', options: ['rw', 'log=/dev/hd8'] });
  assert.deepEqual(m[5], { node: null, device: '/proc', mountPoint: '/proc', vfs: 'procfs', date: 'Nov 07 19:11', options: ['rw'] });
  assert.deepEqual(m[7], {
    node: null,
    device: '/dev/livedump',
    mountPoint: '/var/adm/ras/livedump',
    vfs: 'jfs2',
    date: 'Nov 07 19:11',
    options: ['rw', 'log=/dev/hd8'],
  });
  assert.deepEqual(m[8]!.options, ['rw']);
  assert.deepEqual([m[9]!.device, m[9]!.mountPoint, m[9]!.vfs], ['carribean-lp4:/tmp/lp4nfs', '/tmp/clientnfs', 'jfs2']);
});

test('parseMount reads a remote node in the node column [U layout for NFS]', () => {
  const text = [
    '  node       mounted        mounted over    vfs       date        options      ',
    '-------- ---------------  ---------------  ------ ------------ --------------- ',
    'nfssrv   /export/data     /data            nfs3   Nov 07 19:20 rw,bg,hard,intr',
    '',
  ].join('\n');
  assert.deepEqual(parseMount(text), [
    { node: 'nfssrv', device: '/export/data', mountPoint: '/data', vfs: 'nfs3', date: 'Nov 07 19:20', options: ['rw', 'bg', 'hard', 'intr'] },
  ]);
});

test('mountedUnder finds the /alt_inst file systems of a phase-1 altinst_rootvg', () => {
  const text = [
    '  node       mounted        mounted over    vfs       date        options      ',
    '-------- ---------------  ---------------  ------ ------------ --------------- ',
    '         /dev/hd4         /                jfs2   Jun 03 10:15 rw,log=/dev/hd8 ',
    '         /dev/alt_hd4     /alt_inst        jfs2   Jun 03 10:20 rw,log=/dev/alt_hd8 ',
    '         /dev/alt_hd2     /alt_inst/usr    jfs2   Jun 03 10:20 rw,log=/dev/alt_hd8 ',
    '         /dev/fslv09      /alt_install_src jfs2   Jun 03 10:20 rw,log=/dev/hd8 ',
  ].join('\n');
  assert.deepEqual(
    mountedUnder(parseMount(text), '/alt_inst').map((e) => [e.device, e.mountPoint]),
    [
      ['/dev/alt_hd4', '/alt_inst'],
      ['/dev/alt_hd2', '/alt_inst/usr'],
    ],
  );
});

test('parseMount of a header-only table is empty', () => {
  assert.deepEqual(parseMount('  node       mounted        mounted over    vfs       date        options      \n-------- ---------------  ---------------  ------ ------------ --------------- \n'), []);
});
