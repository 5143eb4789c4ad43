import { test } from 'node:test';
import assert from 'node:assert/strict';
import { aixsim, newHost } from '../helpers/sim.js';
import { DEFAULT_ROOTVG_LVS } from '../helpers/altdisk.js';
import { readHostState } from '../helpers/state-fixtures.js';

// lqueryvg -p reads the VGDA on the disk, not the ODM (layout [U]): after booting a clone on AIX
// 4.3 the former rootvg shows None in lspv, and lqueryvg still finds its logical volumes.

test('lqueryvg -p: the VGID and the LVs of the VGDA on the disk; 0516-066 for a disk without one', () => {
  const h = newHost();
  try {
    const s = readHostState(h);
    assert.deepEqual(h.run('lqueryvg', '-p', 'hdisk0'), { stdout: s.booted.vgid + '\n', stderr: '', rc: 0 });
    const l = h.run('lqueryvg', '-p', 'hdisk0', '-L');
    assert.equal(l.rc, 0, l.stderr);
    const rows = l.stdout.trimEnd().split('\n').map((line) => line.split(/\s+/));
    assert.deepEqual(rows.map((r) => r[1]), DEFAULT_ROOTVG_LVS);
    assert.deepEqual(rows[0], [`${s.booted.vgid}.1`, 'hd5', '1']);
    assert.deepEqual(h.run('lqueryvg', '-p', 'hdisk1', '-L'), {
      stdout: '',
      stderr: '0516-066 lqueryvg: Physical volume is not a volume group member.\n\tCheck the physical volume name specified.\n',
      rc: 1,
    });
    assert.equal(h.run('lqueryvg', '-p', 'hdisk0', '-At').rc, 2, 'flags it does not model are refused, not faked');
    assert.equal(h.run('lqueryvg', '-L').rc, 2, '-p is required');
  } finally {
    h.cleanup();
  }
});

test('lqueryvg on aix43 after booting the clone: the former rootvg is None in lspv, its VGDA still lists hd5', () => {
  const h = newHost('--profile', 'aix43');
  try {
    const formerVgid = readHostState(h).booted.vgid;
    assert.equal(h.run('alt_disk_install', '-C', 'hdisk1').rc, 0);
    assert.equal(aixsim(['reboot', h.dir]).rc, 0);
    assert.match(h.run('lspv').stdout, /^hdisk0\s+\S+\s+None\s*$/m);
    const l = h.run('lqueryvg', '-p', 'hdisk0', '-L');
    assert.equal(l.rc, 0, l.stderr);
    assert.match(l.stdout, new RegExp(`^${formerVgid}\\.1\\s+hd5 1$`, 'm'));
    // A disk that is gone cannot be read.
    assert.equal(aixsim(['fault', h.dir, 'disk-gone', 'hdisk0']).rc, 0);
    const gone = h.run('lqueryvg', '-p', 'hdisk0', '-L');
    assert.equal(gone.rc, 1);
    assert.match(gone.stderr, /^0516-062 lqueryvg: /);
  } finally {
    h.cleanup();
  }
});
