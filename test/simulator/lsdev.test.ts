import { test } from 'node:test';
import assert from 'node:assert/strict';
import { newHost } from '../helpers/sim.js';
import { setDisk } from '../helpers/state-fixtures.js';

// lsdev (reference §16, §23: PTXray runs lsdev -Cc disk -F "name:status").

test('lsdev -Cc disk: name, status, location, description in columns as wide as their widest value + 1 [V §16]', () => {
  const h = newHost();
  try {
    setDisk(h, 'hdisk3', { present: false, location: '' });
    const r = h.run('lsdev', '-Cc', 'disk');
    assert.equal(r.rc, 0);
    assert.deepEqual(r.stdout.split('\n').slice(0, 5), [
      'hdisk0 Available 01-00-02 MPIO IBM 2076 FC Disk',
      'hdisk1 Available 01-00-02 MPIO IBM 2076 FC Disk',
      'hdisk2 Available 01-00-02 MPIO IBM 2076 FC Disk',
      'hdisk3 Defined            MPIO IBM 2076 FC Disk',
      'hdisk4 Available 01-00-02 MPIO IBM 2076 FC Disk',
    ]);
    assert.equal(h.run('lsdev', '-C', '-c', 'disk', '-F', 'name:status').stdout, 'hdisk0:Available\nhdisk1:Available\nhdisk2:Available\nhdisk3:Defined\nhdisk4:Available\n');
    assert.equal(h.run('lsdev', '-Cc', 'disk', '-F', 'name:description', '-l', 'hdisk2').stdout, 'hdisk2:MPIO IBM 2076 FC Disk\n');
    assert.equal(h.run('lsdev', '-Cl', 'hdisk1').stdout, 'hdisk1 Available 01-00-02 MPIO IBM 2076 FC Disk\n');
    assert.equal(h.run('lsdev', '-Cc', 'disk', '-S', 'd', '-F', 'name').stdout, 'hdisk3\n');
    assert.equal(h.run('lsdev', '-Cc', 'adapter', '-F', 'name').stdout, 'ent0\nfcs0\nvsa0\n');
    assert.equal(h.run('lsdev', '-Cl', 'hdisk9').stdout, '');
  } finally {
    h.cleanup();
  }
});

test('lsdev on AIX 4.3 shows SCSI locations; -H adds the header; bad flags are usage errors', () => {
  const h = newHost('--profile', 'aix43');
  try {
    const ls = h.run('lsdev', '-Cc', 'disk', '-H').stdout.split('\n');
    assert.equal(ls[0], 'name   status    location     description');
    assert.equal(ls[1], 'hdisk0 Available 10-60-00-0,0 16 Bit LVD SCSI Disk Drive');
    assert.equal(h.run('lsdev', '-Q').rc, 2);
    assert.equal(h.run('lsdev', 'hdisk0').rc, 2);
  } finally {
    h.cleanup();
  }
});
