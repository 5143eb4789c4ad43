import { test } from 'node:test';
import assert from 'node:assert/strict';
import { withHost } from '../helpers/sim.js';
import { addAltRootvg, readHostState, setDisk } from '../helpers/state-fixtures.js';

// varyonvg / varyoffvg (reference §3.2, §19): a place holder varied on owns no logical volumes.


test('varyonvg on the altinst_rootvg place holder: active, marked as varied on by hand, no LVs [V §3.2, I §19]', () => {
  withHost([], (h) => {
    addAltRootvg(h, { phase: 3 });
    assert.deepEqual(h.run('varyonvg', 'altinst_rootvg'), { stdout: '', stderr: '', rc: 0 });
    const vg = readHostState(h).odm.find((v) => v.name === 'altinst_rootvg')!;
    assert.equal(vg.active, true);
    assert.equal(vg.variedOnByHand, true);
    assert.equal(vg.lvsInOdm, false);
    assert.equal(h.run('lsvg', '-o').stdout, 'rootvg\ndatavg\naltinst_rootvg\n');
    assert.match(h.run('lspv').stdout, /^hdisk1 {10}[0-9a-f]{16} {20}altinst_rootvg {2}active {6}$/m);
    // IBM alt_disk's lspv regex [V §23] and Chef's "4th field active means woken up" [V §6.2].
    const row = h.run('lspv').stdout.split('\n').map((l) => /^(hdisk\S+)\s+(\S+)\s+(\S+)\s*(\S*)/.exec(l)).find((m) => m?.[1] === 'hdisk1');
    assert.deepEqual(row?.slice(3), ['altinst_rootvg', 'active']);
    assert.equal(h.run('lsvg', '-l', 'altinst_rootvg').stdout.split('\n').filter(Boolean).length, 2);
    // Varying it on again is a no-op.
    assert.equal(h.run('varyonvg', 'altinst_rootvg').rc, 0);
    assert.deepEqual(h.run('varyoffvg', 'altinst_rootvg'), { stdout: '', stderr: '', rc: 0 });
    const off = readHostState(h).odm.find((v) => v.name === 'altinst_rootvg')!;
    assert.equal(off.active, false);
    assert.equal(off.variedOnByHand, false);
    assert.equal(h.run('lsvg', 'altinst_rootvg').rc, 1);
  });
});

test('varyonvg of an ordinary VG brings its file systems back; old_rootvg place holder too', () => {
  withHost([], (h) => {
    assert.equal(h.run('varyoffvg', 'datavg').rc, 0);
    assert.doesNotMatch(h.run('mount').stdout, /\/data/);
    assert.equal(h.run('varyonvg', 'datavg').rc, 0);
    assert.match(h.run('mount').stdout, /\/dev\/fslv00 +\/data/);
    assert.equal(readHostState(h).odm.find((v) => v.name === 'datavg')!.variedOnByHand, false);
    addAltRootvg(h, { phase: 3, name: 'old_rootvg', disks: ['hdisk2'] });
    assert.equal(h.run('varyonvg', 'old_rootvg').rc, 0);
    assert.equal(readHostState(h).odm.find((v) => v.name === 'old_rootvg')!.variedOnByHand, true);
  });
});

test('varyonvg / varyoffvg refusals [U texts]', () => {
  withHost([], (h) => {
    assert.deepEqual(h.run('varyoffvg', 'rootvg'), { stdout: '', stderr: 'varyoffvg: The operation is not allowed on the rootvg of the running system.\n', rc: 1 });
    assert.deepEqual(h.run('varyonvg', 'nosuchvg'), { stdout: '', stderr: 'varyonvg: Unable to find volume group nosuchvg in the Device Configuration Database.\n', rc: 1 });
    addAltRootvg(h, { phase: 3 });
    assert.deepEqual(h.run('varyoffvg', 'altinst_rootvg'), { stdout: '', stderr: 'varyoffvg: Volume group altinst_rootvg is not varied on.\n', rc: 1 });
    setDisk(h, 'hdisk1', { present: false });
    assert.deepEqual(h.run('varyonvg', 'altinst_rootvg'), { stdout: '', stderr: 'varyonvg: None of the physical volumes of volume group altinst_rootvg is available.\n', rc: 1 });
    assert.equal(h.run('varyonvg').rc, 2);
    assert.equal(h.run('varyoffvg', '-z', 'datavg').rc, 2);
  });
  withHost([], (h) => {
    addAltRootvg(h, { phase: 1 });
    const r = h.run('varyoffvg', 'altinst_rootvg');
    assert.equal(r.rc, 1);
    assert.equal(r.stderr.split('\n')[0], 'varyoffvg: Volume group altinst_rootvg has open logical volumes (mounted file systems).');
    assert.equal(readHostState(h).odm.find((v) => v.name === 'altinst_rootvg')!.active, true);
  });
});
