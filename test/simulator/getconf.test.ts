import { test } from 'node:test';
import assert from 'node:assert/strict';
import { newHost } from '../helpers/sim.js';
import { setDisk } from '../helpers/state-fixtures.js';

// getconf (reference §13): the variables IBM recommends over bootinfo.

test('getconf answers the §13 variables as plain numbers [V]', () => {
  const h = newHost();
  try {
    const ok = (args: string[], out: string) => assert.deepEqual(h.run('getconf', ...args), { stdout: out + '\n', stderr: '', rc: 0 }, args.join(' '));
    ok(['DISK_SIZE', '/dev/hdisk0'], '30720');
    ok(['DISK_SIZE', '/dev/hdisk3'], '61440');
    ok(['DISK_PARTITION', '/dev/hdisk0'], '32');
    ok(['DISK_PARTITION', '/dev/hdisk4'], '64');
    ok(['BOOT_DEVICE'], 'hdisk0');
    ok(['KERNEL_BITMODE'], '64');
    ok(['HARDWARE_BITMODE'], '64');
    ok(['REAL_MEMORY'], '16777216');
    // IBM alt_disk reads stdout as an integer number of MB.
    assert.equal(Number.parseInt(h.run('getconf', 'DISK_SIZE', '/dev/hdisk1').stdout, 10), 20480);
  } finally {
    h.cleanup();
  }
});

test('getconf errors: unknown variable, unknown or gone disk, disk in no VG for DISK_PARTITION [U texts]', () => {
  const h = newHost();
  try {
    assert.deepEqual(h.run('getconf', 'NO_SUCH_THING'), { stdout: '', stderr: 'getconf: Invalid argument (NO_SUCH_THING)\n', rc: 1 });
    assert.deepEqual(h.run('getconf', 'DISK_SIZE', '/dev/hdisk9'), {
      stdout: '',
      stderr: 'getconf: /dev/hdisk9: A file or directory in the path name does not exist.\n',
      rc: 1,
    });
    assert.equal(h.run('getconf', 'DISK_SIZE', 'hdisk1').rc, 1);
    assert.equal(h.run('getconf', 'DISK_PARTITION', '/dev/hdisk1').stderr, 'getconf: /dev/hdisk1: The physical volume is not in a volume group.\n');
    setDisk(h, 'hdisk1', { present: false });
    assert.deepEqual(h.run('getconf', 'DISK_SIZE', '/dev/hdisk1'), { stdout: '', stderr: 'getconf: /dev/hdisk1: There is no such device or address.\n', rc: 1 });
    assert.equal(h.run('getconf', 'DISK_SIZE').rc, 2);
    assert.equal(h.run('getconf').rc, 2);
  } finally {
    h.cleanup();
  }
});

test('getconf on AIX 4.3 reports the 32-bit kernel and memory of that profile', () => {
  const h = newHost('--profile', 'aix43');
  try {
    assert.equal(h.run('getconf', 'KERNEL_BITMODE').stdout, '32\n');
    assert.equal(h.run('getconf', 'REAL_MEMORY').stdout, '1048576\n');
    assert.equal(h.run('getconf', 'DISK_PARTITION', '/dev/hdisk0').stdout, '16\n');
  } finally {
    h.cleanup();
  }
});
