import { test } from 'node:test';
import assert from 'node:assert/strict';
import { newHost, outputLines } from '../helpers/sim.js';
import { addAltRootvg, setVgActive } from '../helpers/state-fixtures.js';

// mount without arguments: the AIX table of mounted file systems [U layout from IBM's fixtures].

const lines = outputLines;
const HEADER = [
  '  node       mounted        mounted over    vfs       date        options      ',
  '-------- ---------------  ---------------  ------ ------------ --------------- ',
];
const DATE = '[A-Z][a-z]{2} \\d{2} \\d{2}:\\d{2}';

function row(dev: string, over: string, vfs: string, opts: string): RegExp {
  const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
  return new RegExp(`^ {9}${esc(dev.padEnd(16))} ${esc(over.padEnd(16))} ${esc(vfs.padEnd(6))} ${DATE} ${esc(opts.padEnd(15))} $`);
}

test('mount: header lines, then rootvg file systems in boot order, /proc, data VGs [U]', () => {
  const h = newHost();
  try {
    const r = h.run('mount');
    assert.equal(r.rc, 0);
    const ls = lines(r.stdout);
    assert.deepEqual(ls.slice(0, 2), HEADER);
    const expected: [string, string, string, string][] = [
      ['/dev/hd4', '/', 'jfs2', 'rw,log=/dev/hd8'],
      ['/dev/hd2', '/usr', 'jfs2', 'rw,log=/dev/hd8'],
      ['/dev/hd9var', '/var', 'jfs2', 'rw,log=/dev/hd8'],
      ['/dev/hd3', '/tmp', 'jfs2', 'rw,log=/dev/hd8'],
      ['/dev/hd1', '/home', 'jfs2', 'rw,log=/dev/hd8'],
      ['/dev/hd11admin', '/admin', 'jfs2', 'rw,log=/dev/hd8'],
      ['/proc', '/proc', 'procfs', 'rw'],
      ['/dev/hd10opt', '/opt', 'jfs2', 'rw,log=/dev/hd8'],
      ['/dev/livedump', '/var/adm/ras/livedump', 'jfs2', 'rw,log=/dev/hd8'],
      ['/dev/fslv00', '/data', 'jfs2', 'rw,log=/dev/loglv00'],
    ];
    assert.equal(ls.length, 2 + expected.length);
    expected.forEach((e, i) => assert.match(ls[2 + i]!, row(...e)));
    // Columns: device at 9, mount point at 26, vfs at 43, date at 50, options at 63.
    assert.equal(ls[2]!.indexOf('/dev/hd4'), 9);
    assert.equal(ls[2]!.indexOf('jfs2'), 43);
    assert.equal(ls[2]!.indexOf('rw,'), 63);
    setVgActive(h, 'datavg', false);
    assert.doesNotMatch(h.run('mount').stdout, /fslv00/);
  } finally {
    h.cleanup();
  }
});

test('mount shows an altinst_rootvg in phase 1 at /alt_inst... with its alt_ names and log [U]', () => {
  const h = newHost();
  try {
    addAltRootvg(h, { phase: 1 });
    const ls = lines(h.run('mount').stdout);
    const alt = ls.filter((l) => l.includes('/alt_inst'));
    assert.deepEqual(
      alt.map((l) => l.trim().split(/\s+/).slice(0, 2)),
      [
        ['/dev/alt_hd4', '/alt_inst'],
        ['/dev/alt_hd11admin', '/alt_inst/admin'],
        ['/dev/alt_hd1', '/alt_inst/home'],
        ['/dev/alt_hd10opt', '/alt_inst/opt'],
        ['/dev/alt_hd3', '/alt_inst/tmp'],
        ['/dev/alt_hd2', '/alt_inst/usr'],
        ['/dev/alt_hd9var', '/alt_inst/var'],
        ['/dev/alt_livedump', '/alt_inst/var/adm/ras/livedump'],
      ],
    );
    assert.match(alt[0]!, row('/dev/alt_hd4', '/alt_inst', 'jfs2', 'rw,log=/dev/alt_hd8'));
    assert.equal(ls.indexOf(alt[0]!), ls.length - alt.length, 'the clone is mounted last');
  } finally {
    h.cleanup();
  }
  const s = newHost();
  try {
    addAltRootvg(s, { phase: 3 });
    assert.doesNotMatch(s.run('mount').stdout, /alt_inst/);
  } finally {
    s.cleanup();
  }
});

test('mount on AIX 4.3: jfs with jfslog, no /proc; mounting something is a usage error', () => {
  const h = newHost('--profile', 'aix43');
  try {
    const ls = lines(h.run('mount').stdout);
    assert.match(ls[2]!, row('/dev/hd4', '/', 'jfs', 'rw,log=/dev/hd8'));
    assert.doesNotMatch(ls.join('\n'), /procfs/);
    const r = h.run('mount', '/dev/hd4', '/mnt');
    assert.equal(r.rc, 2);
    assert.match(r.stderr, /^Usage: mount /);
  } finally {
    h.cleanup();
  }
});
