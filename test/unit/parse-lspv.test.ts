import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseLspv, parseLspvDetail } from '../../modules/src/facts/parse/lspv.js';
import { AixParseError } from '../../modules/src/facts/parse/text.js';
import { aixFixture, crlf } from '../helpers/aix-fixtures.js';

const IBM_LSPV = /^(hdisk\S+)\s+(\S+)\s+(\S+)\s*(\S*)/;

test('parseLspv reads the nodejs/build 7.3 capture [V §10.2]', () => {
  assert.deepEqual(parseLspv(aixFixture('lspv-nodejs.txt')), [
    { name: 'hdisk0', pvid: '00fa00d6b552f41b', vg: 'rootvg', state: 'active' },
    { name: 'hdisk1', pvid: null, vg: null, state: null },
  ]);
});

test('parseLspv reads lines padded to 80 columns, also with CRLF [V §10.2]', () => {
  const text = aixFixture('lspv-french-blog.txt');
  // The capture really carries the blanks: a fixture "cleaned" by an editor would make this test pointless.
  for (const line of text.split('\n').filter(Boolean)) assert.equal(line.length, 80);
  const expected = [
    { name: 'hdisk0', pvid: null, vg: null, state: null },
    { name: 'hdisk1', pvid: '00002f8bd1e92b12', vg: 'rootvg', state: 'active' },
  ];
  assert.deepEqual(parseLspv(text), expected);
  assert.deepEqual(parseLspv(crlf(text)), expected);
});

test('parseLspv reads compressed spacing and an altinst_rootvg row without state [V §20]', () => {
  assert.deepEqual(parseLspv(aixFixture('lspv-ibm-cloud-before.txt')), [
    { name: 'hdisk0', pvid: '00f6db0a6c7aece5', vg: 'rootvg', state: 'active' },
    { name: 'hdisk1', pvid: '00c25ab0056a002a', vg: 'mksysbvg', state: 'active' },
    { name: 'hdisk2', pvid: null, vg: null, state: null },
  ]);
  assert.deepEqual(parseLspv(aixFixture('lspv-ibm-cloud-after.txt'))[2], {
    name: 'hdisk2',
    pvid: '00c25ab0062fa576',
    vg: 'altinst_rootvg',
    state: null,
  });
});

test('parseLspv reads a mirrored rootvg cloned to two disks [V §20, issue #354]', () => {
  const rows = parseLspv(aixFixture('lspv-issue354-mirrored.txt'));
  assert.deepEqual(
    rows.map((r) => [r.name, r.vg, r.state]),
    [
      ['hdisk4', 'altinst_rootvg', null],
      ['hdisk5', 'rootvg', 'active'],
      ['hdisk14', 'altinst_rootvg', null],
    ],
  );
});

test('parseLspv keeps hdiskpowerN rows and leaves out other device names, as IBM\'s regex does [V §10.2, §23]', () => {
  const text = [
    'hdiskpower0     00c5a8f2b1e4d6a0                    hbvg                        ',
    'vpath0          00c5a8f2b1e4d6a1                    vpathvg         active      ',
    'hdisk0          00c5a8f2b1e4d6a2                    rootvg          concurrent  ',
    '',
  ].join('\n');
  assert.deepEqual(parseLspv(text), [
    { name: 'hdiskpower0', pvid: '00c5a8f2b1e4d6a0', vg: 'hbvg', state: null },
    { name: 'hdisk0', pvid: '00c5a8f2b1e4d6a2', vg: 'rootvg', state: 'concurrent' },
  ]);
});

test('parseLspv agrees with IBM\'s regex on every capture [§23]', () => {
  for (const name of ['lspv-nodejs.txt', 'lspv-french-blog.txt', 'lspv-ibm-cloud-before.txt', 'lspv-ibm-cloud-after.txt', 'lspv-issue354-mirrored.txt']) {
    const text = aixFixture(name);
    const ibm = text
      .split('\n')
      .map((l) => IBM_LSPV.exec(l))
      .filter((m) => m !== null)
      .map((m) => ({ name: m[1], pvid: m[2] === 'none' ? null : m[2], vg: m[3] === 'None' ? null : m[3], state: m[4] === '' ? null : m[4] }));
    assert.deepEqual(parseLspv(text), ibm, name);
  }
});

test('parseLspv of empty output is an empty list', () => {
  assert.deepEqual(parseLspv(''), []);
});

test('parseLspvDetail reads lspv hdisk0 of a varied-on rootvg [V §10.3]', () => {
  const d = parseLspvDetail(aixFixture('lspv-hdisk0-active.txt'));
  assert.equal(d.pv, 'hdisk0');
  assert.equal(d.vg, 'rootvg');
  assert.equal(d.pvid, '00fa00d6b552f41b');
  assert.equal(d.vgid, '00fa00d600004c000000017d43623707');
  assert.equal(d.pvState, 'active');
  assert.equal(d.stalePartitions, 0);
  assert.equal(d.ppSizeMb, 32);
  assert.equal(d.totalPps, 639);
  assert.equal(d.freePps, 4);
  assert.equal(d.usedPps, 635);
  assert.equal(d.logicalVolumes, 13);
  assert.equal(d.vgDescriptors, 2);
  assert.equal(d.allocatable, 'yes');
  assert.equal(d.hotSpare, 'no');
  assert.equal(d.fields.get('MAX REQUEST'), '512 kilobytes');
  assert.equal(d.fields.get('FREE DISTRIBUTION'), '00..00..00..00..04');
  assert.equal(d.fields.get('USED DISTRIBUTION'), '128..128..127..128..124');
  assert.equal(d.fields.get('MIRROR POOL'), 'None');
  assert.deepEqual(d.messages, []);
});

test('parseLspvDetail reads the ??????? table of a varied-off altinst_rootvg with the merged 0516-010 and CRLF [V §10.3]', () => {
  const d = parseLspvDetail(crlf(aixFixture('lspv-hdisk1-altinst.txt')));
  assert.deepEqual(d.messages, ['0516-010 : Volume group must be varied on; use varyonvg command.']);
  assert.equal(d.pv, 'hdisk1');
  assert.equal(d.vg, 'altinst_rootvg');
  assert.equal(d.pvid, '00c6ce9d53fc4e84');
  assert.equal(d.vgid, '00c6ce9d00004c00000001436b015eb8');
  assert.equal(d.pvState, null);
  assert.equal(d.stalePartitions, null);
  assert.equal(d.ppSizeMb, null);
  assert.equal(d.totalPps, null);
  assert.equal(d.freePps, null);
  assert.equal(d.usedPps, null);
  assert.equal(d.logicalVolumes, null);
  assert.equal(d.allocatable, null);
  assert.equal(d.fields.get('MAX REQUEST'), '256 kilobytes');
  assert.equal(d.fields.get('MIRROR POOL'), null);
});

test('parseLspvDetail refuses output without the PHYSICAL VOLUME line', () => {
  assert.throws(
    () => parseLspvDetail('0516-1396 : The physical volume hdisk3, was not found in the\nsystem database.\n'),
    (e: unknown) => e instanceof AixParseError && /PHYSICAL VOLUME/.test(e.message),
  );
});
