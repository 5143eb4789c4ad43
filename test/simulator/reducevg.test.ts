import { test } from 'node:test';
import assert from 'node:assert/strict';
import { type SimHost, withHost } from '../helpers/sim.js';
import { addAltRootvg, diskNamed, editState, readHostState } from '../helpers/state-fixtures.js';

// reducevg (reference §19): not a cleanup for alternate rootvgs; empty disks only.


/** Put a free disk into a VG as `extendvg` would (no LVs on it). */
function extendVg(h: SimHost, vg: string, disk: string): void {
  editState(h, (s) => {
    const v = s.odm.find((x) => x.name === vg)!;
    const d = diskNamed(s, disk);
    d.vgid = v.vgid;
    s.vgdas[v.vgid]!.pvs.push(d.id);
  });
}

test('reducevg altinst_rootvg: the VG is varied off, 0516-010 [I §19]', () => {
  withHost([], (h) => {
    addAltRootvg(h, { phase: 3 });
    assert.deepEqual(h.run('reducevg', 'altinst_rootvg', 'hdisk1'), { stdout: '', stderr: '0516-010 : Volume group must be varied on; use varyonvg command.\n', rc: 1 });
    assert.match(h.run('lspv').stdout, /altinst_rootvg/);
  });
});

test('reducevg removes an empty disk: lspv None, VGDA cleared; a disk holding LVs is refused [U]', () => {
  withHost([], (h) => {
    extendVg(h, 'datavg', 'hdisk2');
    assert.match(h.run('lsvg', 'datavg').stdout, /^TOTAL PVs: {10}2 /m);
    const holds = h.run('reducevg', 'datavg', 'hdisk4');
    assert.equal(holds.rc, 1);
    assert.equal(holds.stderr.split('\n')[0], 'reducevg: Physical volume hdisk4 contains allocated partitions of logical volumes in datavg.');
    assert.deepEqual(h.run('reducevg', 'datavg', 'hdisk2'), { stdout: '', stderr: '', rc: 0 });
    assert.match(h.run('lspv').stdout, /^hdisk2 {10}[0-9a-f]{16} {20}None/m);
    const s = readHostState(h);
    assert.equal(diskNamed(s, 'hdisk2').vgid, null);
    assert.equal(s.vgdas[diskNamed(s, 'hdisk4').vgid!]!.pvs.length, 1);
    assert.deepEqual(h.run('reducevg', 'datavg', 'hdisk2'), { stdout: '', stderr: 'reducevg: Physical volume hdisk2 is not a member of volume group datavg.\n', rc: 1 });
  });
});

test('reducevg of the last disk deletes the VG; rootvg disks with LVs are refused [U]', () => {
  withHost(['--mirrored'], (h) => {
    assert.equal(h.run('reducevg', 'rootvg', 'hdisk1').rc, 1);
    editState(h, (s) => {
      const d = diskNamed(s, 'hdisk2');
      const vgid = '00aabbcc00004c000000000000000001';
      d.vgid = vgid;
      s.vgdas[vgid] = { vgid, ppSizeMb: 64, pvs: [d.id], lvs: [], imageId: null, format: 'scalable', everSystemRootvg: false };
      s.odm.push({ name: 'emptyvg', vgid, active: true, lvsInOdm: true, alt: null, variedOnByHand: false });
    });
    assert.deepEqual(h.run('reducevg', 'emptyvg', 'hdisk2'), { stdout: 'ldeletepv: Volume group deleted since it contains no physical volumes.\n', stderr: '', rc: 0 });
    assert.equal(h.run('lsvg').stdout, 'rootvg\ndatavg\n');
    assert.equal(readHostState(h).vgdas['00aabbcc00004c000000000000000001'], undefined);
    assert.equal(h.run('reducevg', 'rootvg').rc, 2);
    assert.equal(h.run('reducevg', '-d', 'datavg', 'hdisk4').rc, 2);
  });
});
