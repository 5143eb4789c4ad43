import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseLslv, parseLslvL } from '../../modules/src/facts/parse/lslv.js';
import { AixParseError } from '../../modules/src/facts/parse/text.js';
import { aixFixture, crlf } from '../helpers/aix-fixtures.js';

test('parseLslvL reads a mirrored LV: one row per PV, each with all 80 LPs [V blog capture]', () => {
  const text = aixFixture('lslv-l-mirrored.txt');
  assert.match(text, /DISTRIBUTION \n/, 'the capture keeps its trailing blank');
  assert.deepEqual(parseLslvL(crlf(text)), {
    lv: null,
    mount: null,
    pvs: [
      { pv: 'hdisk5', copies: [80, 0, 0], inBand: 100, distribution: [0, 0, 58, 22, 0] },
      { pv: 'hdisk1', copies: [80, 0, 0], inBand: 100, distribution: [0, 0, 4, 76, 0] },
    ],
  });
});

test('parseLslvL reads the "<lv>:<mount point>" line', () => {
  const hd4 = parseLslvL('hd4:/\nPV                COPIES        IN BAND       DISTRIBUTION  \nhdisk0            008:000:000   100%          000:008:000:000:000 \n');
  assert.equal(hd4.lv, 'hd4');
  assert.equal(hd4.mount, '/');
  assert.deepEqual(hd4.pvs.map((p) => p.pv), ['hdisk0']);
  const hd5 = parseLslvL('hd5:N/A\nPV                COPIES        IN BAND       DISTRIBUTION\nhdisk0            001:000:000   100%          001:000:000:000:000\nhdisk1            001:000:000   100%          001:000:000:000:000\n');
  assert.equal(hd5.mount, null);
  assert.deepEqual(hd5.pvs.map((p) => p.pv), ['hdisk0', 'hdisk1']);
});

test('parseLslvL refuses output without the header (an unknown LV)', () => {
  assert.throws(() => parseLslvL('0516-306 lslv: Unable to find hd99 in the Device\n\tConfiguration Database.\n'), (e: unknown) => e instanceof AixParseError && /header/.test(e.message));
  assert.throws(() => parseLslvL('PV                COPIES        IN BAND       DISTRIBUTION\nhdisk0 garbage\n'), AixParseError);
});

test('parseLslv reads lslv <lv> where a value overflows into the right column [V ansible sample]', () => {
  const lv = parseLslv(aixFixture('lslv-testlv.txt'));
  assert.equal(lv.lv, 'testlv');
  assert.equal(lv.vg, 'testvg');
  assert.equal(lv.type, 'jfs2');
  assert.equal(lv.copies, 1);
  assert.equal(lv.lps, 10);
  assert.equal(lv.pps, 10);
  assert.equal(lv.state, 'closed/syncd');
  assert.equal(lv.mount, null);
  assert.equal(lv.fields.get('LV IDENTIFIER'), '00f6f42a00004c0000000179c407a0bb.1');
  assert.equal(lv.fields.get('PERMISSION'), 'read/write');
  assert.equal(lv.fields.get('STALE PPs'), '0');
  assert.equal(lv.fields.get('BB POLICY'), 'relocatable');
  assert.equal(lv.fields.get('EACH LP COPY ON A SEPARATE PV ?'), 'yes');
  assert.equal(lv.fields.get('DEVICE PERMISSIONS'), '432');
  assert.equal(lv.fields.get('MIRROR WRITE CONSISTENCY'), 'on/ACTIVE');
});
