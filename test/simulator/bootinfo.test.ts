import { test } from 'node:test';
import assert from 'node:assert/strict';
import { newHost } from '../helpers/sim.js';
import { addAltRootvg, setDisk } from '../helpers/state-fixtures.js';

// bootinfo (reference §13, §23: PTXray accepts only 0|1 from bootinfo -B).

test('bootinfo flags answer one value each [V/U §13]', () => {
  const h = newHost();
  try {
    const ok = (args: string[], out: string) => assert.deepEqual(h.run('bootinfo', ...args), { stdout: out + '\n', stderr: '', rc: 0 }, args.join(' '));
    ok(['-s', 'hdisk1'], '20480');
    ok(['-b'], 'hdisk0');
    ok(['-K'], '64');
    ok(['-y'], '64');
    ok(['-T'], 'chrp');
    ok(['-p'], 'chrp');
    ok(['-r'], '16777216');
    ok(['-t'], '1');
  } finally {
    h.cleanup();
  }
});

test('bootinfo -B: 1 only for a present disk holding a boot record [I §23]', () => {
  const h = newHost();
  try {
    const b = (disk: string) => h.run('bootinfo', '-B', disk).stdout;
    assert.equal(b('hdisk0'), '1\n');
    assert.equal(b('hdisk1'), '0\n');
    addAltRootvg(h, { disks: ['hdisk2'] });
    assert.equal(b('hdisk2'), '1\n');
    setDisk(h, 'hdisk2', { present: false });
    assert.equal(b('hdisk2'), '0\n');
    for (const d of ['hdisk0', 'hdisk1', 'hdisk2', 'hdisk3']) assert.match(b(d), /^[01]\n$/);
    assert.deepEqual(h.run('bootinfo', '-B', 'hdisk9'), { stdout: '', stderr: 'bootinfo: Device hdisk9 is not available.\n', rc: 1 });
    assert.equal(h.run('bootinfo', '-s', 'hdisk2').rc, 1);
  } finally {
    h.cleanup();
  }
});

test('bootinfo: no flag, two flags or an unknown flag is a usage error', () => {
  const h = newHost();
  try {
    for (const args of [[], ['-K', '-y'], ['-Q'], ['-s']]) {
      const r = h.run('bootinfo', ...args);
      assert.equal(r.rc, 2, args.join(' '));
      assert.match(r.stderr, /^Usage: bootinfo /m);
    }
  } finally {
    h.cleanup();
  }
});
