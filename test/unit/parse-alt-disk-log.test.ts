import { test } from 'node:test';
import assert from 'node:assert/strict';
import { flagValue, hasFlag, lastAltDiskCommand, parseAltDiskLog } from '../../modules/src/facts/parse/alt-disk-log.js';

// The record form of §9 [I]: blank line, date(1) line, "cmd:" line, output.
const LOG = [
  '',
  'Tue Jun  3 10:15:22 CDT 2025',
  'cmd: /usr/sbin/alt_disk_copy -d hdisk1 -P1',
  'Calling mkszfile to create new /image.data file.',
  'Checking disk sizes.',
  '',
  'Wed Jun  4 08:01:02 CDT 2025',
  'cmd: /usr/sbin/alt_disk_copy -d hdisk1 -P 23',
  'Changing logical volume names in volume group descriptor area.',
  'Bootlist is set to the boot disk: hdisk1 blv=hd5',
  '',
  'Thu Jun  5 09:00:00 2025',
  'cmd: /usr/sbin/alt_rootvg_op -W -d hdisk1',
  '',
].join('\n');

test('parseAltDiskLog splits records at date lines [I §9]', () => {
  const r = parseAltDiskLog(LOG);
  assert.equal(r.length, 3);
  assert.deepEqual(r[0], {
    date: 'Tue Jun  3 10:15:22 CDT 2025',
    commandLine: '/usr/sbin/alt_disk_copy -d hdisk1 -P1',
    words: ['/usr/sbin/alt_disk_copy', '-d', 'hdisk1', '-P1'],
    program: 'alt_disk_copy',
    output: ['Calling mkszfile to create new /image.data file.', 'Checking disk sizes.'],
  });
  assert.equal(r[1]!.output.at(-1), 'Bootlist is set to the boot disk: hdisk1 blv=hd5');
  assert.equal(r[2]!.date, 'Thu Jun  5 09:00:00 2025', 'a date line without time zone');
  assert.equal(r[2]!.program, 'alt_rootvg_op');
  assert.deepEqual(r[2]!.output, []);
  assert.deepEqual(parseAltDiskLog(LOG.replace(/\n/g, '\r\n')), r);
});

test('parseAltDiskLog starts a record at a "cmd:" line that has no date line', () => {
  const r = parseAltDiskLog('cmd: alt_disk_install -C hdisk1\nsome output\ncmd: alt_disk_install -X\n');
  assert.deepEqual(r.map((x) => [x.date, x.program, x.output]), [
    [null, 'alt_disk_install', ['some output']],
    [null, 'alt_disk_install', []],
  ]);
});

test('lastAltDiskCommand is the newest record with a command; none for an empty log', () => {
  assert.equal(lastAltDiskCommand(parseAltDiskLog(LOG))!.commandLine, '/usr/sbin/alt_rootvg_op -W -d hdisk1');
  assert.equal(lastAltDiskCommand(parseAltDiskLog('')), null);
  assert.equal(lastAltDiskCommand(parseAltDiskLog('garbage only\n')), null);
});

test('flagValue and hasFlag read logged command lines', () => {
  const w = ['/usr/sbin/alt_disk_copy', '-d', 'hdisk1', '-P1', '-B'];
  assert.equal(flagValue(w, 'P'), '1');
  assert.equal(flagValue(['alt_disk_copy', '-P', '23'], 'P'), '23');
  assert.equal(flagValue(w, 'x'), null);
  assert.equal(hasFlag(w, 'B'), true);
  assert.equal(hasFlag(['alt_rootvg_op', '-WD', '-d', 'hdisk1'], 'W'), true);
  assert.equal(hasFlag(['alt_rootvg_op', '-S'], 'W'), false);
});
