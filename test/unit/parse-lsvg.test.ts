import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseLsvg, parseLsvgL, parseLsvgLBlocks, parseLsvgList, parseLsvgP } from '../../modules/src/facts/parse/lsvg.js';
import { AixParseError } from '../../modules/src/facts/parse/text.js';
import { aixFixture, crlf } from '../helpers/aix-fixtures.js';

// IBM's patterns for lsvg rootvg (§11.3), copied from alt_disk.py / nim_select_target_disk.py.
const IBM_TOTAL_PPS = /.*TOTAL PPs:\s+(\d+)\s+\(\d+\s+megabytes\).*/;
const IBM_USED_PPS = /.*USED PPs:\s+(\d+)\s+\(\d+\s+megabytes\).*/;
const IBM_PP_SIZE = /.*PP SIZE:\s+(\d+)\s+megabyte\(s\)/;
const IBM_TOTAL_PVS = /^TOTAL PVs:\s+(\d+)\s+.*/;

function ibm(text: string, re: RegExp): number {
  for (const line of text.split('\n')) {
    const m = re.exec(line);
    if (m) return Number(m[1]);
  }
  throw new Error(`no match for ${re}`);
}

test('parseLsvgList reads lsvg -o [V §11.2], also with CRLF', () => {
  assert.deepEqual(parseLsvgList(aixFixture('lsvg-o.txt')), ['datavg', 'rootvg']);
  assert.deepEqual(parseLsvgList(crlf('old_rootvg\nrootvg\n')), ['old_rootvg', 'rootvg']);
  assert.deepEqual(parseLsvgList(''), []);
});

test('parseLsvgList refuses lines that are not VG names', () => {
  assert.throws(() => parseLsvgList('rootvg\nVOLUME GROUP:       rootvg\n'), AixParseError);
});

test('parseLsvg reads lsvg rootvg of AIX 7.3 and agrees with IBM\'s regexes [V §11.3]', () => {
  const text = aixFixture('lsvg-rootvg-73.txt');
  const v = parseLsvg(text);
  assert.equal(v.vg, 'rootvg');
  assert.equal(v.vgid, '00fa00d600004c000000017d43623707');
  assert.equal(v.state, 'active');
  assert.equal(v.permission, 'read/write');
  assert.equal(v.ppSizeMb, 32);
  assert.equal(v.totalPps, 639);
  assert.equal(v.freePps, 4);
  assert.equal(v.usedPps, 635);
  assert.equal(v.maxLvs, 256);
  assert.equal(v.lvs, 13);
  assert.equal(v.openLvs, 12);
  assert.equal(v.quorum, 2);
  assert.equal(v.fields.get('QUORUM'), '2 (Enabled)');
  assert.equal(v.totalPvs, 1);
  assert.equal(v.activePvs, 1);
  assert.equal(v.stalePvs, 0);
  assert.equal(v.stalePps, 0);
  assert.equal(v.vgDescriptors, 2);
  assert.equal(v.autoOn, 'yes');
  assert.equal(v.maxPpsPerVg, 32512);
  assert.equal(v.maxPvs, 32);
  assert.equal(v.fields.get('MAX PPs per PV'), '1016');
  assert.equal(v.fields.get('LTG size (Dynamic)'), '512 kilobyte(s)');
  assert.equal(v.fields.get('ENCRYPTION'), 'yes');
  assert.equal(v.fields.get('CRITICAL PVs'), 'no');
  assert.equal(v.totalPps, ibm(text, IBM_TOTAL_PPS));
  assert.equal(v.usedPps, ibm(text, IBM_USED_PPS));
  assert.equal(v.ppSizeMb, ibm(text, IBM_PP_SIZE));
  assert.equal(v.totalPvs, ibm(text, IBM_TOTAL_PVS));
});

test('parseLsvg reads the AIX 6.1 variant (QUORUM without "(Enabled)", two PVs) [V §11.3 variant]', () => {
  const text = aixFixture('lsvg-rootvg-61.txt');
  const v = parseLsvg(crlf(text));
  assert.equal(v.vgid, '000dda6e0000d600000001119e467657');
  assert.equal(v.ppSizeMb, 32);
  assert.equal(v.totalPps, 798);
  assert.equal(v.freePps, 201);
  assert.equal(v.usedPps, 597);
  assert.equal(v.quorum, 2);
  assert.equal(v.fields.get('QUORUM'), '2');
  assert.equal(v.totalPvs, 2);
  assert.equal(v.vgDescriptors, 3);
  assert.equal(v.autoOn, 'no');
  assert.equal(v.fields.get('BB POLICY'), 'relocatable');
  assert.equal(v.totalPvs, ibm(text, IBM_TOTAL_PVS));
});

test('parseLsvg reads a scalable VG with trailing blanks and the MIRROR POOL STRICT line [V §11.3 variant]', () => {
  const text = aixFixture('lsvg-testvg-scalable.txt');
  assert.match(text, /relocatable \n/, 'the capture keeps its trailing blank');
  const v = parseLsvg(text);
  assert.equal(v.vg, 'testvg');
  assert.equal(v.ppSizeMb, 16);
  assert.equal(v.totalPps, 2550);
  assert.equal(v.usedPps, 0);
  assert.equal(v.maxPpsPerVg, 32768);
  assert.equal(v.maxPvs, 1024);
  assert.equal(v.fields.get('BB POLICY'), 'relocatable');
  assert.equal(v.fields.get('MIRROR POOL STRICT'), 'off');
  assert.equal(v.fields.get('INFINITE RETRY'), 'no');
});

test('parseLsvg of a varied-off VG fails quoting 0516-010 [V §11.4]', () => {
  assert.throws(
    () => parseLsvg('0516-010 : Volume group must be varied on; use varyonvg command.\n'),
    (e: unknown) => e instanceof AixParseError && e.message === 'lsvg: 0516-010 : Volume group must be varied on; use varyonvg command.',
  );
});

test('parseLsvgL reads lsvg -l rootvg [V §11.4]', () => {
  const b = parseLsvgL(aixFixture('lsvg-l-rootvg.txt'));
  assert.equal(b.vg, 'rootvg');
  assert.deepEqual(
    b.lvs.map((lv) => lv.name),
    ['hd5', 'hd6', 'hd8', 'hd4', 'hd2', 'hd9var', 'hd3', 'hd1', 'hd10opt', 'hd11admin', 'lg_dumplv', 'livedump'],
  );
  assert.deepEqual(b.lvs[0], { name: 'hd5', type: 'boot', lps: 1, pps: 1, pvs: 1, state: 'closed/syncd', mount: null, copies: 1 });
  assert.deepEqual(b.lvs[11], { name: 'livedump', type: 'jfs2', lps: 4, pps: 4, pvs: 1, state: 'open/syncd', mount: '/var/adm/ras/livedump', copies: 1 });
  assert.equal(b.lvs.reduce((n, lv) => n + lv.lps, 0), 333);
});

test('parseLsvgL counts copies of a mirrored rootvg as PPs/LPs, stale LVs included (layout of §11.4)', () => {
  const text = [
    'rootvg:',
    'LV NAME             TYPE       LPs     PPs     PVs  LV STATE      MOUNT POINT',
    'hd5                 boot       1       2       2    closed/syncd  N/A',
    'hd4                 jfs2       8       16      2    open/stale    /',
    'lg_dumplv           sysdump    20      20      1    open/syncd    N/A',
    '',
  ].join('\r\n');
  const b = parseLsvgL(text);
  assert.deepEqual(
    b.lvs.map((lv) => [lv.name, lv.copies, lv.state]),
    [
      ['hd5', 2, 'closed/syncd'],
      ['hd4', 2, 'open/stale'],
      ['lg_dumplv', 1, 'open/syncd'],
    ],
  );
});

test('parseLsvgL of a varied-on place holder is a block without LVs [§19]', () => {
  const b = parseLsvgL('altinst_rootvg:\nLV NAME             TYPE       LPs     PPs     PVs  LV STATE      MOUNT POINT\n');
  assert.deepEqual(b, { vg: 'altinst_rootvg', lvs: [] });
});

test('parseLsvgLBlocks reads several VGs; parseLsvgL insists on one', () => {
  const text =
    'rootvg:\nLV NAME             TYPE       LPs     PPs     PVs  LV STATE      MOUNT POINT\nhd5                 boot       1       1       1    closed/syncd  N/A\n' +
    'datavg:\nLV NAME             TYPE       LPs     PPs     PVs  LV STATE      MOUNT POINT\nfslv00              jfs2       320     320     1    open/syncd    /data\n';
  assert.deepEqual(
    parseLsvgLBlocks(text).map((b) => [b.vg, b.lvs.map((lv) => lv.mount)]),
    [
      ['rootvg', [null]],
      ['datavg', ['/data']],
    ],
  );
  assert.throws(() => parseLsvgL(text), /expected one volume group block, found 2/);
  assert.throws(() => parseLsvgL('0516-010 : Volume group must be varied on; use varyonvg command.\n'), /found 0/);
});

test('parseLsvgP reads lsvg -p rootvg [V §11.5]', () => {
  assert.deepEqual(parseLsvgP(aixFixture('lsvg-p-rootvg.txt')), {
    vg: 'rootvg',
    pvs: [
      { name: 'hdisk1', state: 'active', totalPps: 199, freePps: 68, freeDistribution: [8, 0, 0, 20, 40] },
      { name: 'hdisk0', state: 'active', totalPps: 199, freePps: 84, freeDistribution: [8, 0, 0, 36, 40] },
    ],
  });
});

test('parseLsvgP ignores the mirror pool section that follows the table [V ansible sample]', () => {
  const text = aixFixture('lsvg-testvg-scalable.txt');
  const p = parseLsvgP(text.slice(text.indexOf('testvg:\n')));
  assert.deepEqual(p, { vg: 'testvg', pvs: [{ name: 'hdisk1', state: 'active', totalPps: 1275, freePps: 1275, freeDistribution: [255, 255, 255, 255, 255] }] });
});
