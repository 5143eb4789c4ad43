import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { withHost, outputLines } from '../helpers/sim.js';
import { addAltRootvg, addFault, readHostState, setDisk } from '../helpers/state-fixtures.js';

// bootlist (reference §12, §23: IBM's bootlist module and PTXray parse `-o` lines as `dev attr=val ...`).

const lines = outputLines;


/** IBM bootlist module: first token the device, k=v tokens its attributes [V §23]. */
function ibmParse(out: string): Record<string, string>[] {
  return lines(out).map((l) => {
    const [device, ...rest] = l.split(/\s+/);
    return { device: device!, ...Object.fromEntries(rest.map((kv) => kv.split('=') as [string, string])) };
  });
}

const PTXRAY_LINE = /^hdisk\d+( \S+=\S+)*$/;

test('bootlist -m normal -o: one line per path [V §12.2], as PTXray and IBM parse it', () => {
  withHost([], (h) => {
    const r = h.run('bootlist', '-m', 'normal', '-o');
    assert.deepEqual(r, { stdout: 'hdisk0 blv=hd5 pathid=0\nhdisk0 blv=hd5 pathid=1\nhdisk0 blv=hd5 pathid=2\nhdisk0 blv=hd5 pathid=3\n', stderr: '', rc: 0 });
    for (const l of lines(r.stdout)) assert.match(l, PTXRAY_LINE);
    assert.deepEqual(ibmParse(r.stdout)[0], { device: 'hdisk0', blv: 'hd5', pathid: '0' });
    assert.equal(h.run('bootlist', '-m', 'service', '-o').stdout, r.stdout);
  });
});

test('setting a list prints nothing; -o then lists the disks in the order given [V §12.2, I]', () => {
  withHost([], (h) => {
    addAltRootvg(h, { disks: ['hdisk1'] });
    assert.deepEqual(h.run('bootlist', '-m', 'normal', 'hdisk1', 'hdisk0'), { stdout: '', stderr: '', rc: 0 });
    assert.deepEqual(lines(h.run('bootlist', '-m', 'normal', '-o').stdout), [
      'hdisk1 blv=hd5 pathid=0',
      'hdisk1 blv=hd5 pathid=1',
      'hdisk1 blv=hd5 pathid=2',
      'hdisk1 blv=hd5 pathid=3',
      'hdisk0 blv=hd5 pathid=0',
      'hdisk0 blv=hd5 pathid=1',
      'hdisk0 blv=hd5 pathid=2',
      'hdisk0 blv=hd5 pathid=3',
    ]);
    // The service list is a list of its own.
    assert.equal(lines(h.run('bootlist', '-m', 'service', '-o').stdout)[0], 'hdisk0 blv=hd5 pathid=0');
  });
});

test("IBM's module form: bootlist -v -m normal -F hdisk2 blv=hd5 pathid=0 hdisk0, then -o [V §23]", () => {
  withHost([], (h) => {
    addAltRootvg(h, { disks: ['hdisk2'] });
    const set = h.run('bootlist', '-v', '-m', 'normal', '-F', 'hdisk2', 'blv=hd5', 'pathid=0', 'hdisk0');
    assert.equal(set.rc, 0);
    assert.equal(set.stderr, '');
    const o = h.run('bootlist', '-m', 'normal', '-o').stdout;
    // [U] -v echoes the list it set, in -o form.
    assert.equal(set.stdout, o);
    assert.deepEqual(ibmParse(o), [
      { device: 'hdisk2', blv: 'hd5', pathid: '0' },
      { device: 'hdisk0', blv: 'hd5', pathid: '0' },
      { device: 'hdisk0', blv: 'hd5', pathid: '1' },
      { device: 'hdisk0', blv: 'hd5', pathid: '2' },
      { device: 'hdisk0', blv: 'hd5', pathid: '3' },
    ]);
    assert.equal(lines(h.run('bootlist', '-m', 'normal', 'hdisk0', 'pathid=1,3').stdout).length, 0);
    assert.deepEqual(lines(h.run('bootlist', '-m', 'normal', '-o').stdout), ['hdisk0 blv=hd5 pathid=1', 'hdisk0 blv=hd5 pathid=3']);
  });
});

test('-m both sets and shows both lists; -i invalidates; prevboot shows the boot disk [V §12.1, U output]', () => {
  withHost([], (h) => {
    assert.equal(h.run('bootlist', '-m', 'both', 'hdisk0', 'pathid=0').rc, 0);
    assert.deepEqual(lines(h.run('bootlist', '-m', 'both', '-o').stdout), ['hdisk0 blv=hd5 pathid=0', 'hdisk0 blv=hd5 pathid=0']);
    assert.deepEqual(h.run('bootlist', '-m', 'service', '-i'), { stdout: '', stderr: '', rc: 0 });
    assert.equal(h.run('bootlist', '-m', 'service', '-o').stdout, '');
    assert.equal(h.run('bootlist', '-m', 'normal', '-o').stdout, 'hdisk0 blv=hd5 pathid=0\n');
    assert.equal(h.run('bootlist', '-m', 'prevboot', '-o').stdout, 'hdisk0 blv=hd5 pathid=0\n');
    assert.equal(h.run('bootlist', '-m', 'prevboot', 'hdisk0').rc, 1);
  });
});

test('bootlist -f reads back what -o wrote [V §12.1]', () => {
  withHost([], (h) => {
    addAltRootvg(h, { disks: ['hdisk1'] });
    assert.equal(h.run('bootlist', '-m', 'normal', 'hdisk0', 'hdisk1').rc, 0);
    const saved = h.run('bootlist', '-m', 'normal', '-o').stdout;
    const file = path.join(h.dir, 'bootlist.save');
    fs.writeFileSync(file, saved);
    assert.equal(h.run('bootlist', '-m', 'normal', 'hdisk1').rc, 0);
    assert.notEqual(h.run('bootlist', '-m', 'normal', '-o').stdout, saved);
    assert.deepEqual(h.run('bootlist', '-m', 'normal', '-f', file), { stdout: '', stderr: '', rc: 0 });
    assert.equal(h.run('bootlist', '-m', 'normal', '-o').stdout, saved);
    assert.equal(h.run('bootlist', '-m', 'normal', '-f', path.join(h.dir, 'nope')).rc, 1);
  });
});

test('bootlist errors leave the list unchanged [U texts]', () => {
  withHost([], (h) => {
    const before = readHostState(h).bootlists;
    const fail = (args: string[], stderr: string) => {
      assert.deepEqual(h.run('bootlist', ...args), { stdout: '', stderr, rc: 1 }, args.join(' '));
      assert.deepEqual(readHostState(h).bootlists, before);
    };
    fail(['-m', 'normal', 'hdisk1', 'hdisk9'], 'bootlist: Invalid device name hdisk9.\n');
    fail(['-m', 'normal', 'hdisk0', 'colour=blue'], 'bootlist: Invalid attribute colour=blue for device hdisk0.\n');
    fail(['-m', 'normal', 'hdisk0', 'pathid=4'], 'bootlist: Invalid attribute pathid=4 for device hdisk0: it has paths 0 to 3.\n');
    setDisk(h, 'hdisk2', { present: false });
    fail(['-m', 'normal', 'hdisk2'], 'bootlist: Device hdisk2 is not available.\n');
    for (const args of [['-m', 'normal'], ['-o'], ['-m', 'sideways', '-o'], ['-m', 'normal', 'blv=hd5'], ['-m', 'normal', '-i', 'hdisk0'], ['-m', 'normal', '-x']]) {
      const r = h.run('bootlist', ...args);
      assert.equal(r.rc, 2, args.join(' '));
      assert.match(r.stderr, /^Usage: bootlist \[ \{ -m Mode \}/m);
    }
    assert.deepEqual(readHostState(h).bootlists, before);
  });
});

test('a pending bootlist fault fails one set operation and is used up [U text]', () => {
  withHost([], (h) => {
    addFault(h, 'bootlist');
    assert.deepEqual(h.run('bootlist', '-m', 'normal', 'hdisk1'), { stdout: '', stderr: 'bootlist: Unable to update the boot list in NVRAM.\n', rc: 1 });
    assert.equal(h.run('bootlist', '-m', 'normal', '-o').stdout.split('\n')[0], 'hdisk0 blv=hd5 pathid=0');
    assert.deepEqual(readHostState(h).faults, []);
    assert.equal(h.run('bootlist', '-m', 'normal', 'hdisk1').rc, 0);
    assert.equal(h.run('bootlist', '-m', 'normal', '-o').stdout.split('\n')[0], 'hdisk1 pathid=0');
  });
});

test('a disk that disappears shows as "-" in -o [V §12.1]', () => {
  withHost([], (h) => {
    addAltRootvg(h, { disks: ['hdisk1'] });
    assert.equal(h.run('bootlist', '-m', 'normal', 'hdisk1', 'hdisk0').rc, 0);
    setDisk(h, 'hdisk1', { present: false });
    assert.deepEqual(lines(h.run('bootlist', '-m', 'normal', '-o').stdout).slice(0, 2), ['-', 'hdisk0 blv=hd5 pathid=0']);
  });
});

test('AIX 4.3: no path ids in -o, and none of the 5.2 flags (-v, -F) [U, V 4.3 syntax]', () => {
  withHost(['--profile', 'aix43'], (h) => {
    assert.deepEqual(h.run('bootlist', '-m', 'normal', '-o'), { stdout: 'hdisk0 blv=hd5\n', stderr: '', rc: 0 });
    const r = h.run('bootlist', '-v', '-m', 'normal', 'hdisk0');
    assert.equal(r.rc, 2);
    assert.equal(lines(r.stderr)[0], 'bootlist: Not a recognized flag: v');
    assert.equal(h.run('bootlist', '-m', 'normal', 'hdisk1', 'hdisk0').rc, 0);
    assert.deepEqual(lines(h.run('bootlist', '-m', 'normal', '-o').stdout), ['hdisk1', 'hdisk0 blv=hd5']);
  });
});

test('flags may follow the devices (`... hdisk0 -v`, as the syntax shows); -r prints firmware paths [V syntax, U -r form]', () => {
  withHost([], (h) => {
    const r = h.run('bootlist', '-m', 'normal', 'hdisk0', 'pathid=0', '-o');
    assert.deepEqual(r, { stdout: 'hdisk0 blv=hd5 pathid=0\n', stderr: '', rc: 0 });
    assert.equal(h.run('bootlist', '-m', 'normal', 'hdisk0', '-v', '-o').stdout.split('\n').filter(Boolean).length, 4);
    assert.equal(h.run('bootlist', '-m', 'normal', 'hdisk0', '-q').rc, 2);
    const fw = lines(h.run('bootlist', '-m', 'normal', '-r').stdout);
    assert.equal(fw.length, 4);
    for (const l of fw) assert.match(l, /^\/pci@[0-9a-f]+\/pci@\d+\/fibre-channel@\d\/disk@[0-9a-f]{16},0:2$/);
  });
});
