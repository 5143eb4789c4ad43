import { test } from 'node:test';
import assert from 'node:assert/strict';
import { newHost } from '../helpers/sim.js';
import { readHostState } from '../helpers/state-fixtures.js';

// lsattr (reference §16): pvid = PVID + 16 zeros or none; size_in_mb; the -O colon form.

test('lsattr -El hdiskN: dynamic columns, pvid and size_in_mb [V §16]', () => {
  const h = newHost();
  try {
    const pvid = readHostState(h).disks[0]!.pvid!;
    const r = h.run('lsattr', '-El', 'hdisk0');
    assert.equal(r.rc, 0);
    const ls = r.stdout.replace(/\n$/, '').split('\n');
    const row = (attr: string) => ls.find((l) => l.startsWith(attr + ' '))!;
    assert.equal(row('pvid'), `pvid            ${pvid}0000000000000000 Physical volume identifier       False`);
    assert.equal(row('size_in_mb'), 'size_in_mb      30720                            Size in Megabytes                False');
    // Every value starts at the same column: widest attribute (hcheck_interval) + 1.
    for (const l of ls) assert.notEqual(l[16], ' ', l);
    assert.equal(h.run('lsattr', '-El', 'hdisk3', '-a', 'pvid').stdout, 'pvid none Physical volume identifier False\n');
  } finally {
    h.cleanup();
  }
});

test('lsattr -EOl hdiskN -a size_in_mb prints "#size_in_mb" then the value [V §16]; -F value', () => {
  const h = newHost();
  try {
    assert.deepEqual(h.run('lsattr', '-EOl', 'hdisk1', '-a', 'size_in_mb'), { stdout: '#size_in_mb\n20480\n', stderr: '', rc: 0 });
    assert.equal(h.run('lsattr', '-El', 'hdisk3', '-a', 'pvid', '-F', 'value').stdout, 'none\n');
    assert.equal(h.run('lsattr', '-El', 'hdisk1', '-a', 'size_in_mb', '-a', 'queue_depth', '-O').stdout, '#size_in_mb:queue_depth\n20480:20\n');
  } finally {
    h.cleanup();
  }
});

test('lsattr errors: unknown device, unknown attribute, missing -E/-D [U texts]', () => {
  const h = newHost();
  try {
    assert.deepEqual(h.run('lsattr', '-El', 'hdisk9'), {
      stdout: '',
      stderr: 'lsattr: The following device was not found in the customized\n\tdevice configuration database:  hdisk9\n',
      rc: 1,
    });
    assert.deepEqual(h.run('lsattr', '-El', 'hdisk0', '-a', 'colour'), {
      stdout: '',
      stderr: 'lsattr: The "colour" attribute does not exist in the predefined device configuration database.\n',
      rc: 1,
    });
    assert.equal(h.run('lsattr', '-l', 'hdisk0').rc, 2);
    assert.equal(h.run('lsattr', '-E').rc, 2);
  } finally {
    h.cleanup();
  }
});
