import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseEtcFilesystems } from '../../modules/src/facts/parse/etc-filesystems.js';

// The stanza format of /etc/filesystems (comments with "*", "attribute = value" lines).
const SAMPLE = [
  '* @(#)filesystems @(#)29\t1.22  src/bos/etc/filesystems/filesystems, cmdfs, bos730',
  '*',
  '* This version of /etc/filesystems assumes that only the root file system',
  '',
  '/:',
  '\tdev\t\t= /dev/hd4',
  '\tvol\t\t= root',
  '\tmount\t\t= automatic',
  '\tcheck\t\t= false',
  '\tvfs\t\t= jfs2',
  '\tlog\t\t= /dev/hd8',
  '\ttype\t\t= bootfs',
  '',
  '/usr:',
  '        dev             = /dev/hd2   ',
  '        vfs             = jfs2',
  '',
  '/proc:',
  '\tdev\t\t= /proc',
  '\tvfs\t\t= procfs',
  '',
].join('\n');

test('parseEtcFilesystems reads stanzas, with tabs, blanks, trailing blanks and CRLF', () => {
  const expected = [
    { mountPoint: '/', attrs: { dev: '/dev/hd4', vol: 'root', mount: 'automatic', check: 'false', vfs: 'jfs2', log: '/dev/hd8', type: 'bootfs' } },
    { mountPoint: '/usr', attrs: { dev: '/dev/hd2', vfs: 'jfs2' } },
    { mountPoint: '/proc', attrs: { dev: '/proc', vfs: 'procfs' } },
  ];
  assert.deepEqual(parseEtcFilesystems(SAMPLE), expected);
  assert.deepEqual(parseEtcFilesystems(SAMPLE.replace(/\n/g, '\r\n')), expected);
});

test('parseEtcFilesystems of an emptied file (only comments) has no stanzas', () => {
  assert.deepEqual(parseEtcFilesystems('* comment\n*\n\n'), []);
});
