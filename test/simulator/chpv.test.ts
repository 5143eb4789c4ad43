import { test } from 'node:test';
import assert from 'node:assert/strict';
import { newHost } from '../helpers/sim.js';
import { addAltRootvg, diskNamed, editState, readHostState } from '../helpers/state-fixtures.js';

// chpv -C (reference §18: IBM's alt_disk runs it after alt_rootvg_op -X) and chpv -c.

test('chpv -C clears the owning VG and boot record of a disk the ODM no longer places in a VG [V §18, U rules]', () => {
  const h = newHost();
  try {
    const { vgid } = addAltRootvg(h, { phase: 3, disks: ['hdisk1'] });
    const refused = h.run('chpv', '-C', 'hdisk1');
    assert.equal(refused.rc, 1);
    assert.match(refused.stderr, /^chpv: Physical volume hdisk1 belongs to volume group altinst_rootvg;/);
    // What alt_rootvg_op -X leaves: the ODM entry gone, the VGDA still on the disk.
    editState(h, (s) => {
      s.odm = s.odm.filter((v) => v.name !== 'altinst_rootvg');
    });
    assert.equal(h.run('bootinfo', '-B', 'hdisk1').stdout, '1\n');
    assert.deepEqual(h.run('chpv', '-C', 'hdisk1'), { stdout: '', stderr: '', rc: 0 });
    const s = readHostState(h);
    const d = diskNamed(s, 'hdisk1');
    assert.equal(d.vgid, null);
    assert.equal(d.bootRecord, null);
    assert.notEqual(d.pvid, null, 'the PVID stays');
    assert.equal(s.vgdas[vgid], undefined);
    assert.equal(h.run('bootinfo', '-B', 'hdisk1').stdout, '0\n');
    assert.equal(h.run('getlvodm', '-j', 'hdisk1').rc, 3);
    // Again: nothing left to clear.
    assert.equal(h.run('chpv', '-C', 'hdisk1').rc, 0);
  } finally {
    h.cleanup();
  }
});

test('chpv -C on a member of an ODM VG is refused; chpv -c clears a boot record; bad use is a usage error', () => {
  const h = newHost();
  try {
    assert.equal(h.run('chpv', '-C', 'hdisk0').rc, 1);
    assert.equal(diskNamed(readHostState(h), 'hdisk0').vgid, readHostState(h).booted.vgid);
    assert.deepEqual(h.run('chpv', '-c', 'hdisk0'), { stdout: '', stderr: '', rc: 0 });
    assert.equal(h.run('bootinfo', '-B', 'hdisk0').stdout, '0\n');
    assert.equal(h.run('chpv', '-C', 'hdisk9').stderr, 'chpv: hdisk9 is not a known device.\n');
    assert.equal(h.run('chpv', 'hdisk1').rc, 2);
    assert.equal(h.run('chpv', '-C').rc, 2);
    assert.equal(h.run('chpv', '-Z', 'hdisk1').rc, 2);
  } finally {
    h.cleanup();
  }
});
