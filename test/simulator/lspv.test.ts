import { test } from 'node:test';
import assert from 'node:assert/strict';
import { newHost } from '../helpers/sim.js';

// Reference §10 and §23: the lspv layouts and the regex IBM's alt_disk module parses them with.

const IBM_LSPV = /^(hdisk\S+)\s+(\S+)\s+(\S+)\s*(\S*)/;

test('lspv prints the four columns at 0, 16, 52, 68, padded to 80 [V §10.2]', () => {
  const h = newHost();
  try {
    const r = h.run('lspv');
    assert.equal(r.rc, 0);
    const lines = r.stdout.split('\n').filter(Boolean);
    assert.equal(lines.length, 5);
    for (const l of lines) assert.equal(l.length, 80, `line not padded to 80: ${JSON.stringify(l)}`);
    const [h0, h1, , h3, h4] = lines;
    assert.match(h0!, /^hdisk0 {10}[0-9a-f]{16} {20}rootvg {10}active {6}$/);
    assert.match(h1!, /^hdisk1 {10}[0-9a-f]{16} {20}None {24}$/);
    assert.equal(h3, 'hdisk3          none                                None                        ');
    assert.equal(h4!.slice(52, 68), 'datavg          ');
    const parsed = lines.map((l) => IBM_LSPV.exec(l)!.slice(1));
    assert.deepEqual(parsed[0]!.slice(2), ['rootvg', 'active']);
    assert.deepEqual(parsed[1]!.slice(2), ['None', '']);
  } finally {
    h.cleanup();
  }
});

test('lspv <pv> prints the AIX two-column table [V §10.3]', () => {
  const h = newHost();
  try {
    const r = h.run('lspv', 'hdisk0');
    assert.equal(r.rc, 0);
    const lines = r.stdout.split('\n');
    assert.equal(lines[0]!.indexOf('VOLUME GROUP:'), 45);
    assert.equal(lines[0]!.indexOf('rootvg'), 63);
    assert.match(lines[1]!, /^PV IDENTIFIER: {6}[0-9a-f]{16} VG IDENTIFIER {5}[0-9a-f]{32}$/);
    assert.match(r.stdout, /^PP SIZE: {12}32 megabyte\(s\) {11}LOGICAL VOLUMES: {2}12$/m);
    assert.match(r.stdout, /^TOTAL PPs: {10}959 \(30688 megabytes\) {4}VG DESCRIPTORS: {3}2$/m);
    assert.match(r.stdout, /^USED PPs: {11}333 \(10656 megabytes\) {4}MAX REQUEST: {6}512 kilobytes$/m);
    assert.match(r.stdout, /^USED DISTRIBUTION: {2}\d{2,3}\.\.\d{2,3}\.\.\d{2,3}\.\.\d{2,3}\.\.\d{2,3}$/m);
  } finally {
    h.cleanup();
  }
});

test('lspv on a disk without PVID gives 0516-1396 and a non-zero code [V §8]', () => {
  const h = newHost();
  try {
    const r = h.run('lspv', 'hdisk3');
    assert.notEqual(r.rc, 0);
    assert.equal(r.stdout, '');
    assert.equal(r.stderr, '0516-1396 : The physical volume hdisk3, was not found in the\nsystem database.\n');
  } finally {
    h.cleanup();
  }
});

test('lspv -l lists the LVs of a disk at columns 0, 22, 30, 38, 60 [V §10.4]', () => {
  const h = newHost();
  try {
    const r = h.run('lspv', '-l', 'hdisk0');
    assert.equal(r.rc, 0);
    const lines = r.stdout.split('\n').filter(Boolean);
    assert.equal(lines[0], 'hdisk0:');
    assert.equal(lines[1], 'LV NAME               LPs     PPs     DISTRIBUTION          MOUNT POINT');
    const hd4 = lines.find((l) => l.startsWith('hd4 '))!;
    assert.equal(hd4.slice(22, 30).trim(), '8');
    assert.equal(hd4.slice(60), '/');
  } finally {
    h.cleanup();
  }
});

test('every simulated command call is logged with argv and exit code', () => {
  const h = newHost();
  try {
    h.run('lspv');
    h.run('lspv', 'hdisk3');
    const calls = h.calls();
    assert.deepEqual(
      calls.map((c) => [c.argv, c.rc]),
      [
        [['lspv'], 0],
        [['lspv', 'hdisk3'], 1],
      ],
    );
  } finally {
    h.cleanup();
  }
});
