import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseGetlvodm } from '../../modules/src/facts/parse/getlvodm.js';
import { parseGetconfInt, parseGetconfWord } from '../../modules/src/facts/parse/getconf.js';
import { AixParseError } from '../../modules/src/facts/parse/text.js';

// §8 / §18: getlvodm -j answers rc 3 with 0516-320 (two lines, as IBM's code comment quotes it).
const NOT_ASSIGNED = '0516-320 /usr/sbin/getlvodm: Physical volume hdisk1 is not assigned to\n       a volume group.\n';

test('parseGetlvodm: rc 0 with a VGID means the ODM knows a VG', () => {
  assert.deepEqual(parseGetlvodm({ rc: 0, stdout: '00fa00d600004c000000017d43623707\n', stderr: '' }), {
    assigned: true,
    vgid: '00fa00d600004c000000017d43623707',
  });
});

test('parseGetlvodm: rc 3 with 0516-320 is a free disk, the message joined [V §8]', () => {
  assert.deepEqual(parseGetlvodm({ rc: 3, stdout: '', stderr: NOT_ASSIGNED }), {
    assigned: false,
    message: '0516-320 /usr/sbin/getlvodm: Physical volume hdisk1 is not assigned to a volume group.',
  });
  assert.deepEqual(parseGetlvodm({ rc: 3, stdout: '', stderr: NOT_ASSIGNED.replace(/\n/g, '\r\n') }).assigned, false);
});

test('parseGetlvodm: rc 3 with 0516-1396 (no PVID) is free too, as IBM matches 0516-320|0516-1396', () => {
  const r = parseGetlvodm({ rc: 3, stdout: '', stderr: '0516-1396 : The physical volume hdisk3, was not found in the\nsystem database.\n' });
  assert.deepEqual(r, { assigned: false, message: '0516-1396 : The physical volume hdisk3, was not found in the system database.' });
});

test('parseGetlvodm: other exit codes or rc 3 without the message are not answers', () => {
  assert.throws(
    () => parseGetlvodm({ rc: 1, stdout: '', stderr: NOT_ASSIGNED }),
    (e: unknown) => e instanceof AixParseError && e.message === 'getlvodm -j: exit code 1 is neither 0 nor 3 with 0516-320/0516-1396',
  );
  assert.throws(() => parseGetlvodm({ rc: 3, stdout: '', stderr: '' }), /exit code 3 is neither/);
  assert.throws(() => parseGetlvodm({ rc: 0, stdout: '\n', stderr: '' }), /without a VGID/);
});

test('parseGetconfInt reads getconf DISK_SIZE and bootinfo -s answers [V §13]', () => {
  assert.equal(parseGetconfInt('10240\n'), 10240);
  assert.equal(parseGetconfInt('30720\r\n'), 30720);
  assert.throws(() => parseGetconfInt('undefined\n'), /undefined on this system/);
  assert.throws(() => parseGetconfInt(''), AixParseError);
  assert.throws(() => parseGetconfInt('10240 MB\n'), /not a number/);
});

test('parseGetconfWord reads getconf BOOT_DEVICE [V §13]', () => {
  assert.equal(parseGetconfWord('hdisk0\n'), 'hdisk0');
  assert.throws(() => parseGetconfWord('undefined\n'), AixParseError);
  assert.throws(() => parseGetconfWord('hdisk0\nhdisk1\n'), AixParseError);
});
