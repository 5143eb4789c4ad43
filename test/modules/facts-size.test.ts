import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkTargets, rootvgSizeNeed, selectDisks, type RootvgSizeNeed } from '../../modules/src/facts/size.js';
import type { DiskFacts } from '../../modules/src/facts/types.js';
import type { LvRow } from '../../modules/src/facts/parse/lsvg.js';

function lv(name: string, lps: number, copies = 1): LvRow {
  return { name, type: 'jfs2', lps, pps: lps * copies, pvs: copies, state: 'open/syncd', mount: null, copies };
}

// The peer's verified example (peer report §3.3): PP 32 MB, TOTAL 1279, USED 240 -> 40928 MB / 7680 MB.
const PEER_NEED: RootvgSizeNeed = { ppSizeMb: 32, copies: 1, usedMb: 7680, totalMb: 40928 };
const PEER_DISKS = [
  { name: 'hdisk1', sizeMb: 20480 },
  { name: 'hdisk2', sizeMb: 40960 },
  { name: 'hdisk3', sizeMb: 61440 },
  { name: 'hdisk4', sizeMb: 5120 },
];

test('rootvgSizeNeed: one copy of the LVs, the total divided by the copies', () => {
  const single = rootvgSizeNeed({ ppSizeMb: 32, totalPps: 1279, usedPps: 240, copies: 1, lvs: [lv('hd4', 40), lv('hd2', 200)] });
  assert.deepEqual(single, PEER_NEED);
  // A mirrored rootvg: USED PPs count both copies, a clone needs one; the dump LV is not mirrored.
  const mirrored = rootvgSizeNeed({
    ppSizeMb: 32,
    totalPps: 1918,
    usedPps: 646,
    copies: 2,
    lvs: [lv('hd5', 1, 2), lv('hd4', 8, 2), lv('hd2', 48, 2), lv('hd6', 256, 2), lv('lg_dumplv', 20, 1)],
  });
  assert.deepEqual(mirrored, { ppSizeMb: 32, copies: 2, usedMb: (1 + 8 + 48 + 256 + 20) * 32, totalMb: 30688 });
});

test('rootvgSizeNeed without LV rows falls back to USED PPs / copies', () => {
  assert.equal(rootvgSizeNeed({ ppSizeMb: 16, totalPps: 1000, usedPps: 301, copies: 2, lvs: [] }).usedMb, 151 * 16);
});

test('selectDisks picks what the peer\'s four policies pick on its verified example [peer §3.3]', () => {
  const pick = (policy: 'minimize' | 'upper' | 'lower' | 'nearest') => selectDisks(policy, PEER_DISKS, PEER_NEED);
  assert.deepEqual(pick('minimize'), {
    ok: true,
    disks: ['hdisk1'],
    sizeMb: 20480,
    warnings: ['hdisk1 (20480 MB) is smaller than rootvg (40928 MB per copy): the clone holds the 7680 MB in use, but rootvg cannot be grown to its current size on it.'],
  });
  assert.deepEqual(pick('upper'), { ok: true, disks: ['hdisk2'], sizeMb: 40960, warnings: [] });
  assert.deepEqual(pick('lower'), pick('minimize'), 'lower takes the largest disk below rootvg: hdisk1, with the same warning');
  assert.deepEqual(pick('nearest'), { ok: true, disks: ['hdisk2'], sizeMb: 40960, warnings: [] });
});

test('selectDisks: an exact size wins for every policy; nearest breaks a tie towards the smaller disk', () => {
  const need: RootvgSizeNeed = { ppSizeMb: 32, copies: 1, usedMb: 1000, totalMb: 30000 };
  const exact = [
    { name: 'hdisk1', sizeMb: 20000 },
    { name: 'hdisk2', sizeMb: 30000 },
    { name: 'hdisk3', sizeMb: 40000 },
  ];
  for (const p of ['upper', 'lower', 'nearest'] as const) assert.deepEqual(selectDisks(p, exact, need), { ok: true, disks: ['hdisk2'], sizeMb: 30000, warnings: [] }, p);
  const tie = [
    { name: 'hdisk1', sizeMb: 25000 },
    { name: 'hdisk2', sizeMb: 35000 },
  ];
  assert.deepEqual((selectDisks('nearest', tie, need) as { disks: string[] }).disks, ['hdisk1']);
  const closerAbove = [
    { name: 'hdisk1', sizeMb: 25000 },
    { name: 'hdisk2', sizeMb: 34999 },
  ];
  assert.deepEqual((selectDisks('nearest', closerAbove, need) as { disks: string[] }).disks, ['hdisk2']);
});

test('selectDisks: when every fitting disk is smaller than rootvg, every policy takes the largest of them', () => {
  const need: RootvgSizeNeed = { ppSizeMb: 32, copies: 1, usedMb: 5000, totalMb: 50000 };
  const small = [
    { name: 'hdisk1', sizeMb: 10000 },
    { name: 'hdisk2', sizeMb: 20000 },
  ];
  for (const p of ['upper', 'lower', 'nearest'] as const) assert.deepEqual((selectDisks(p, small, need) as { disks: string[] }).disks, ['hdisk2'], p);
  assert.deepEqual((selectDisks('minimize', small, need) as { disks: string[] }).disks, ['hdisk1']);
});

test('selectDisks orders equal sizes by disk number, so the choice is stable', () => {
  const same = [
    { name: 'hdisk10', sizeMb: 40960 },
    { name: 'hdisk2', sizeMb: 40960 },
  ];
  assert.deepEqual((selectDisks('minimize', same, PEER_NEED) as { disks: string[] }).disks, ['hdisk2']);
});

test('selectDisks picks ONE disk for a mirrored rootvg: a clone is one copy', () => {
  const need = rootvgSizeNeed({ ppSizeMb: 32, totalPps: 1278, usedPps: 480, copies: 2, lvs: [lv('hd4', 40, 2), lv('hd2', 200, 2)] });
  assert.deepEqual(selectDisks('upper', PEER_DISKS, need), { ok: true, disks: ['hdisk1'], sizeMb: 20480, warnings: [] });
});

test('selectDisks says precisely why nothing fits', () => {
  assert.deepEqual(selectDisks('nearest', [], PEER_NEED), {
    ok: false,
    reason: 'No free disk: every disk belongs to a volume group (lspv shows one, or getlvodm -j knows one).',
  });
  assert.deepEqual(
    selectDisks('upper', [
      { name: 'hdisk4', sizeMb: 5120 },
      { name: 'hdisk7', sizeMb: null },
    ], PEER_NEED),
    {
      ok: false,
      reason: 'No free disk can hold one copy of rootvg (7680 MB in use, 40928 MB in all): the free disks are hdisk4 5120 MB, hdisk7 of unknown size.',
    },
  );
});

function disk(name: string, vg: string | null, free: boolean, sizeMb: number | null): DiskFacts {
  return { name, pvid: null, vg, state: null, active: false, sizeMb, free, unavailable: null, bootable: false, rootvgCopy: false, exportedVg: null };
}

test('checkTargets: named targets must be free and hold one copy; smaller than rootvg only warns [H-1, H-12]', () => {
  const disks = [disk('hdisk0', 'rootvg', false, null), disk('hdisk1', null, true, 20480), disk('hdisk4', null, true, 5120), disk('hdisk5', null, false, null)];
  assert.deepEqual(checkTargets(['hdisk0'], disks, PEER_NEED), { ok: false, reason: 'hdisk0 belongs to volume group rootvg: a target must show None in lspv.' });
  assert.deepEqual(checkTargets(['hdisk5'], disks, PEER_NEED), {
    ok: false,
    reason: 'hdisk5 shows None in lspv, but getlvodm -j finds it in a volume group: it is not free.',
  });
  assert.deepEqual(checkTargets(['hdisk9'], disks, PEER_NEED), { ok: false, reason: 'hdisk9 is not a disk of this system (lspv does not list it).' });
  assert.deepEqual(checkTargets(['hdisk4'], disks, PEER_NEED), { ok: false, reason: 'hdisk4 (5120 MB) cannot hold one copy of rootvg: 7680 MB are in use.' });
  const ok = checkTargets(['hdisk1', 'hdisk4'], disks, PEER_NEED);
  assert.equal(ok.ok, true);
  assert.deepEqual(ok.ok && ok.disks, ['hdisk1', 'hdisk4']);
  assert.deepEqual(ok.ok && ok.warnings, [
    'hdisk1 hdisk4 (25600 MB) is smaller than rootvg (40928 MB per copy): the clone holds the 7680 MB in use, but rootvg cannot be grown to its current size on it.',
  ]);
  assert.deepEqual(checkTargets([], disks, PEER_NEED), { ok: false, reason: 'No target disk given.' });
});
