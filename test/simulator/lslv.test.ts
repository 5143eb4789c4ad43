import { test } from 'node:test';
import assert from 'node:assert/strict';
import { type SimHost, withHost, outputLines } from '../helpers/sim.js';
import { addAltRootvg, readHostState, setVgActive } from '../helpers/state-fixtures.js';

// lslv and lslv -l (reference §18, §23: IBM counts mirror copies as `lslv -l` line count − 2).

const lines = outputLines;


/** IBM alt_disk check_mirrors: the most PV rows any rootvg LV has in lslv -l. */
function ibmMirrors(h: SimHost): number {
  const lvs = lines(h.run('lsvg', '-l', 'rootvg').stdout)
    .slice(2)
    .map((l) => l.split(/\s+/)[0]!);
  return Math.max(1, ...lvs.map((lv) => lines(h.run('lslv', '-l', lv).stdout).length - 2));
}

test('lslv -l: "<lv>:<mount>", the column header, one row per PV at columns 0, 18, 32, 46 [V §18, I]', () => {
  withHost([], (h) => {
    const r = h.run('lslv', '-l', 'hd2');
    assert.equal(r.rc, 0);
    assert.equal(r.stderr, '');
    assert.deepEqual(lines(r.stdout), [
      'hd2:/usr',
      'PV                COPIES        IN BAND       DISTRIBUTION',
      'hdisk0            048:000:000   0%            048:000:000:000:000',
    ]);
    assert.equal(lines(h.run('lslv', '-l', 'hd5').stdout)[0], 'hd5:N/A');
    assert.equal(ibmMirrors(h), 1);
  });
});

test('lslv -l on a mirrored rootvg has two PV rows, so IBM counts 2 copies [V §11.4]', () => {
  withHost(['--mirrored'], (h) => {
    const ls = lines(h.run('lslv', '-l', 'hd4').stdout);
    assert.equal(ls.length, 4);
    assert.match(ls[2]!, /^hdisk0 {12}008:000:000 {3}\d+% +\d{3}:\d{3}:\d{3}:\d{3}:\d{3}$/);
    assert.match(ls[3]!, /^hdisk1 {12}008:000:000 {3}/);
    assert.equal(ibmMirrors(h), 2);
  });
});

test('lslv <lv>: the two-column layout with COPIES and EACH LP COPY ON A SEPARATE PV [U layout]', () => {
  withHost([], (h) => {
    const r = h.run('lslv', 'hd4');
    assert.equal(r.rc, 0);
    const vgid = readHostState(h).booted.vgid;
    assert.deepEqual(lines(r.stdout), [
      'LOGICAL VOLUME:     hd4                    VOLUME GROUP:   rootvg',
      `LV IDENTIFIER:      ${vgid}.4 PERMISSION:     read/write`,
      'VG STATE:           active/complete        LV STATE:       opened/syncd',
      'TYPE:               jfs2                   WRITE VERIFY:   off',
      'MAX LPs:            512                    PP SIZE:        32 megabyte(s)',
      'COPIES:             1                      SCHED POLICY:   parallel',
      'LPs:                8                      PPs:            8',
      'STALE PPs:          0                      BB POLICY:      relocatable',
      'INTER-POLICY:       minimum                RELOCATABLE:    yes',
      'INTRA-POLICY:       center                 UPPER BOUND:    32',
      'MOUNT POINT:        /                      LABEL:          /',
      'MIRROR WRITE CONSISTENCY: on/ACTIVE',
      'EACH LP COPY ON A SEPARATE PV ?: yes',
      'Serialize IO ?:     NO',
      'INFINITE RETRY:     no                     PREFERRED READ: 0',
      'ENCRYPTION:         no',
    ]);
    assert.match(h.run('lslv', 'hd5').stdout, /^VG STATE: {11}active\/complete {8}LV STATE: {7}closed\/syncd$/m);
  });
  withHost(['--mirrored'], (h) => {
    const out = h.run('lslv', 'hd2').stdout;
    assert.match(out, /^COPIES: {13}2 {22}SCHED POLICY: {3}parallel$/m);
    assert.match(out, /^LPs: {16}48 {21}PPs: {12}96$/m);
  });
});

test('lslv finds LVs by ODM name only: unknown, place-holder and varied-off cases [U]', () => {
  withHost([], (h) => {
    const unknown = h.run('lslv', 'nosuchlv');
    assert.deepEqual(unknown, { stdout: '', stderr: 'lslv: Unable to find nosuchlv in the Device Configuration Database.\n', rc: 1 });
    // After phase 3 the clone's LVs are named hd4... in its VGDA but are not in the ODM: lslv hd4 is the running one.
    addAltRootvg(h, { phase: 3 });
    assert.match(h.run('lslv', 'hd4').stdout, /VOLUME GROUP: {3}rootvg$/m);
    setVgActive(h, 'datavg', false);
    assert.deepEqual(h.run('lslv', 'fslv00'), { stdout: '', stderr: '0516-010 : Volume group must be varied on; use varyonvg command.\n', rc: 1 });
    assert.equal(h.run('lslv').rc, 2);
    assert.equal(h.run('lslv', '-x', 'hd4').rc, 2);
  });
});

test('lslv of a clone in phase 1 shows its alt_ name under /alt_inst', () => {
  withHost([], (h) => {
    addAltRootvg(h, { phase: 1 });
    assert.equal(lines(h.run('lslv', '-l', 'alt_hd2').stdout)[0], 'alt_hd2:/alt_inst/usr');
    assert.match(h.run('lslv', 'alt_hd4').stdout, /^MOUNT POINT: {8}\/alt_inst {14}LABEL: {10}\/alt_inst$/m);
  });
});

test('lslv of a data LV in a scalable VG carries the scalable-only lines [V sample_lslv_output1]', () => {
  withHost([], (h) => {
    const ls = lines(h.run('lslv', 'fslv00').stdout);
    assert.ok(ls.includes('DEVICE PERMISSIONS: 432                                    '));
    assert.ok(ls.includes('COPY 3 MIRROR POOL: None                                   '));
    assert.ok(ls.includes('INTRA-POLICY:       middle                 UPPER BOUND:    1024'));
  });
});
