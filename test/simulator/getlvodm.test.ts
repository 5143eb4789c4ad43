import { test } from 'node:test';
import assert from 'node:assert/strict';
import { newHost } from '../helpers/sim.js';
import { addAltRootvg, readHostState } from '../helpers/state-fixtures.js';

// getlvodm -j (reference §8, §18): IBM's alt_disk requires rc 3 for a free disk.

test('getlvodm -j: VGID and rc 0 for a disk in an ODM VG; rc 3 and the two-line 0516-320 for a free disk [V §8]', () => {
  const h = newHost();
  try {
    const s = readHostState(h);
    assert.deepEqual(h.run('getlvodm', '-j', 'hdisk0'), { stdout: s.booted.vgid + '\n', stderr: '', rc: 0 });
    for (const disk of ['hdisk1', 'hdisk3']) {
      assert.deepEqual(h.run('getlvodm', '-j', disk), {
        stdout: '',
        stderr: `0516-320 /usr/sbin/getlvodm: Physical volume ${disk} is not assigned to\n       a volume group.\n`,
        rc: 3,
      });
    }
    // A sleeping altinst_rootvg is in the ODM: its disk is not free.
    const { vgid } = addAltRootvg(h, { disks: ['hdisk1'] });
    assert.deepEqual(h.run('getlvodm', '-j', 'hdisk1'), { stdout: vgid + '\n', stderr: '', rc: 0 });
  } finally {
    h.cleanup();
  }
});

test('getlvodm: unknown disk is not rc 3; other flags are usage errors', () => {
  const h = newHost();
  try {
    const r = h.run('getlvodm', '-j', 'hdisk99');
    assert.equal(r.rc, 1);
    assert.equal(r.stderr, 'getlvodm: Unable to find hdisk99 in the Device Configuration Database.\n');
    const bad = h.run('getlvodm', '-C');
    assert.equal(bad.rc, 2);
    assert.equal(bad.stderr, 'getlvodm: Not a recognized flag: C\nUsage: getlvodm -j PhysicalVolume\n');
    assert.equal(h.run('getlvodm').rc, 2);
  } finally {
    h.cleanup();
  }
});
