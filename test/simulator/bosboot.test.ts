import { test } from 'node:test';
import assert from 'node:assert/strict';
import { newHost } from '../helpers/sim.js';
import { addFault, diskNamed, readHostState } from '../helpers/state-fixtures.js';

// bosboot (reference §17).

const IMAGE = 'bosboot: Boot image is 53276 512 byte blocks.\n';

test('bosboot -ad /dev/hdiskN writes the boot record on a rootvg disk holding hd5 [V §17]', () => {
  const h = newHost();
  try {
    assert.equal(h.run('chpv', '-c', 'hdisk0').rc, 0);
    assert.equal(h.run('bootinfo', '-B', 'hdisk0').stdout, '0\n');
    assert.deepEqual(h.run('bosboot', '-ad', '/dev/hdisk0'), { stdout: IMAGE, stderr: '', rc: 0 });
    assert.equal(diskNamed(readHostState(h), 'hdisk0').bootRecord, 'hd5');
    assert.deepEqual(h.run('bosboot', '-a'), { stdout: IMAGE, stderr: '', rc: 0 });
    assert.deepEqual(h.run('bosboot', '-ad', '/dev/ipldevice'), { stdout: IMAGE, stderr: '', rc: 0 });
    assert.deepEqual(h.run('bosboot', '-a', '-d', '/dev/hdisk0'), { stdout: IMAGE, stderr: '', rc: 0 });
  } finally {
    h.cleanup();
  }
});

test('bosboot on a disk outside the running rootvg fails and changes nothing [U text]', () => {
  const h = newHost();
  try {
    assert.deepEqual(h.run('bosboot', '-ad', '/dev/hdisk1'), {
      stdout: '',
      stderr: 'bosboot: The current boot logical volume, /dev/hd5, does not exist on /dev/hdisk1.\n',
      rc: 1,
    });
    assert.equal(diskNamed(readHostState(h), 'hdisk1').bootRecord, null);
    assert.equal(h.run('bosboot', '-ad', '/dev/hdisk9').stderr, 'bosboot: Device /dev/hdisk9 is not available.\n');
    assert.equal(h.run('bosboot', '-d', '/dev/hdisk0').rc, 2);
    assert.equal(h.run('bosboot').rc, 2);
  } finally {
    h.cleanup();
  }
});

test('bosboot on the second disk of a mirrored rootvg works; a bosboot fault fails once [V §8 0516-1126, U text]', () => {
  const h = newHost('--mirrored');
  try {
    assert.equal(h.run('chpv', '-c', 'hdisk1').rc, 0);
    addFault(h, 'bosboot');
    assert.deepEqual(h.run('bosboot', '-ad', '/dev/hdisk1'), { stdout: '', stderr: 'bosboot: Unable to write the boot image to /dev/hdisk1.\n', rc: 1 });
    assert.equal(diskNamed(readHostState(h), 'hdisk1').bootRecord, null);
    assert.deepEqual(h.run('bosboot', '-ad', '/dev/hdisk1'), { stdout: IMAGE, stderr: '', rc: 0 });
    assert.equal(diskNamed(readHostState(h), 'hdisk1').bootRecord, 'hd5');
  } finally {
    h.cleanup();
  }
});
