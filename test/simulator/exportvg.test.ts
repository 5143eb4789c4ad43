import { test } from 'node:test';
import assert from 'node:assert/strict';
import { type SimHost, withHost } from '../helpers/sim.js';
import { addAltRootvg, readHostState, setVgActive } from '../helpers/state-fixtures.js';

// exportvg (reference §19 and the seed's warning): the place holder's LVs carry the running
// rootvg's names, so exporting it deletes the running system's own /etc/filesystems stanzas.


/** Mount points of the stanzas in the running system's /etc/filesystems. */
function stanzas(h: SimHost): string[] {
  return h
    .file('/etc/filesystems')
    .split('\n')
    .filter((l) => /^\S.*:$/.test(l))
    .map((l) => l.slice(0, -1));
}

test('exportvg altinst_rootvg after phase 3 removes the RUNNING rootvg stanzas from /etc/filesystems [seed, §19]', () => {
  withHost([], (h) => {
    const { vgid } = addAltRootvg(h, { phase: 3, disks: ['hdisk1'] });
    assert.deepEqual(stanzas(h), ['/', '/admin', '/data', '/home', '/opt', '/proc', '/tmp', '/usr', '/var', '/var/adm/ras/livedump']);
    assert.deepEqual(h.run('exportvg', 'altinst_rootvg'), { stdout: '', stderr: '', rc: 0 });
    // What is left: the data VG's file system and /proc. / /usr /var are gone: the next boot fails.
    assert.deepEqual(stanzas(h), ['/data', '/proc']);
    assert.doesNotMatch(h.file('/etc/filesystems'), /\/dev\/hd4\b/);
    // The ODM forgot the VG (lspv None); the VGDA and boot record stay on the disk.
    assert.deepEqual(h.run('lsvg').stdout, 'rootvg\ndatavg\n');
    assert.match(h.run('lspv').stdout, /^hdisk1 {10}[0-9a-f]{16} {20}None {24}$/m);
    const d = readHostState(h).disks.find((x) => x.name === 'hdisk1')!;
    assert.equal(d.vgid, vgid);
    assert.equal(d.bootRecord, 'hd5');
    assert.equal(h.run('getlvodm', '-j', 'hdisk1').rc, 3);
    // The running system still has them mounted: mount reads the kernel, not the file.
    assert.match(h.run('mount').stdout, /\/dev\/hd4 +\/ +jfs2/);
  });
});

test('exportvg of a data VG removes only its own stanzas; an active VG or rootvg is refused [U texts]', () => {
  withHost([], (h) => {
    assert.deepEqual(h.run('exportvg', 'datavg'), { stdout: '', stderr: 'exportvg: Volume group datavg is varied on; vary it off before exporting it.\n', rc: 1 });
    assert.deepEqual(h.run('exportvg', 'rootvg'), { stdout: '', stderr: 'exportvg: The operation is not allowed on the rootvg of the running system.\n', rc: 1 });
    assert.deepEqual(h.run('exportvg', 'nosuchvg'), { stdout: '', stderr: 'exportvg: Unable to find volume group nosuchvg in the Device Configuration Database.\n', rc: 1 });
    assert.equal(h.run('exportvg').rc, 2);
    setVgActive(h, 'datavg', false);
    assert.equal(h.run('exportvg', 'datavg').rc, 0);
    assert.deepEqual(stanzas(h), ['/', '/admin', '/home', '/opt', '/proc', '/tmp', '/usr', '/var', '/var/adm/ras/livedump']);
    assert.match(h.run('lspv').stdout, /^hdisk4 {10}[0-9a-f]{16} {20}None/m);
  });
});

test('exportvg of a clone still in phase 1 is refused: it is varied on and mounted', () => {
  withHost([], (h) => {
    addAltRootvg(h, { phase: 1 });
    assert.equal(h.run('exportvg', 'altinst_rootvg').rc, 1);
    assert.equal(stanzas(h).length, 10);
  });
});

test('exportvg on AIX 4.3 deletes the jfs stanzas of the running rootvg the same way [seed]', () => {
  withHost(['--profile', 'aix43'], (h) => {
    addAltRootvg(h, { phase: 3, disks: ['hdisk1'] });
    assert.equal(h.run('exportvg', 'altinst_rootvg').rc, 0);
    // (The built 4.3 image carries a /proc stanza too, although /proc came with AIX 5.1.)
    assert.deepEqual(stanzas(h).filter((m) => m !== '/proc'), ['/data']);
  });
});
