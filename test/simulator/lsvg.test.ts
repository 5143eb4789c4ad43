import { test } from 'node:test';
import assert from 'node:assert/strict';
import { type SimHost, withHost, outputLines } from '../helpers/sim.js';
import { addAltRootvg, readHostState, setDisk, setVgActive } from '../helpers/state-fixtures.js';

// Reference §11 (lsvg) and §23 (the parsers real consumers run on it).

const lines = outputLines;


function rootVgid(h: SimHost): string {
  const s = readHostState(h);
  return s.booted.vgid;
}

/** IBM alt_disk.py / nim_select_target_disk.py regexes [V §11.3], as re.match applies them. */
const IBM = {
  totalPps: /^.*TOTAL PPs:\s+(\d+)\s+\(\d+\s+megabytes\).*/,
  usedPps: /^.*USED PPs:\s+(\d+)\s+\(\d+\s+megabytes\).*/,
  ppSize: /^.*PP SIZE:\s+(\d+)\s+megabyte\(s\)/,
  totalPvs: /^TOTAL PVs:\s+(\d+)\s+.*/,
};

function ibmMatch(out: string, re: RegExp): number | null {
  for (const l of lines(out)) {
    const m = re.exec(l);
    if (m) return Number(m[1]);
  }
  return null;
}

/** IBM lvm_facts parse_vgs [V §23]: every line cut at the index of "VG IDENTIFIER" in line 1. */
function lvmFactsParseVgs(out: string): Record<string, string> {
  const ls = lines(out);
  const cut = ls[0]!.indexOf('VG IDENTIFIER');
  assert.ok(cut > 0, 'VG IDENTIFIER not found in line 1');
  const data: Record<string, string> = {};
  for (const l of ls) {
    for (const col of [l.slice(0, cut), l.slice(cut)]) {
      const i = col.indexOf(':');
      if (i >= 0) data[col.slice(0, i)] = col.slice(i + 1).trim();
    }
  }
  return data;
}

/** IBM lvm_facts parse_lvs [V §23]: columns cut where the header's headings start. */
function lvmFactsParseLvs(out: string): Record<string, Record<string, string>> {
  const ls = lines(out);
  const header = ls[1]!;
  const heads = ['LV NAME', 'TYPE', 'LPs', 'PPs', 'PVs', 'LV STATE', 'MOUNT POINT'].map((x) => header.indexOf(x));
  assert.ok(heads.every((i) => i >= 0), 'lsvg -l header lacks a heading');
  const data: Record<string, Record<string, string>> = {};
  for (const raw of ls.slice(2)) {
    const l = raw.padEnd(header.length);
    const col = (i: number) => l.slice(heads[i], i + 1 < heads.length ? heads[i + 1] : undefined).trim();
    data[col(0)] = { type: col(1), LPs: col(2), PPs: col(3), PVs: col(4), lv_state: col(5), mount_point: col(6) };
  }
  return data;
}

test('lsvg lists every ODM volume group in ODM order, lsvg -o only the varied-on ones [V §11.2]', () => {
  withHost([], (h) => {
    addAltRootvg(h, { disks: ['hdisk1'], phase: 3 });
    assert.deepEqual(h.run('lsvg'), { stdout: 'rootvg\ndatavg\naltinst_rootvg\n', stderr: '', rc: 0 });
    assert.deepEqual(h.run('lsvg', '-o'), { stdout: 'rootvg\ndatavg\n', stderr: '', rc: 0 });
  });
});

test('lsvg rootvg reproduces the AIX 7.3 layout of §11.3 line by line [V]', () => {
  withHost([], (h) => {
    const r = h.run('lsvg', 'rootvg');
    assert.equal(r.rc, 0);
    assert.equal(r.stderr, '');
    const vgid = rootVgid(h);
    // §11.3 with this host's numbers: 959 PPs of 32 MB on a 30 GB disk, 333 used by the 12 LVs.
    const expected = [
      `VOLUME GROUP:       rootvg                   VG IDENTIFIER:  ${vgid}`,
      'VG STATE:           active                   PP SIZE:        32 megabyte(s)',
      'VG PERMISSION:      read/write               TOTAL PPs:      959 (30688 megabytes)',
      'MAX LVs:            256                      FREE PPs:       626 (20032 megabytes)',
      'LVs:                12                       USED PPs:       333 (10656 megabytes)',
      'OPEN LVs:           11                       QUORUM:         2 (Enabled)',
      'TOTAL PVs:          1                        VG DESCRIPTORS: 2',
      'STALE PVs:          0                        STALE PPs:      0',
      'ACTIVE PVs:         1                        AUTO ON:        yes',
      'MAX PPs per VG:     32512',
      'MAX PPs per PV:     1016                     MAX PVs:        32',
      'LTG size (Dynamic): 512 kilobyte(s)          AUTO SYNC:      no',
      'HOT SPARE:          no                       BB POLICY:      relocatable',
      'PV RESTRICTION:     none                     INFINITE RETRY: no',
      'DISK BLOCK SIZE:    512                      CRITICAL VG:    no',
      'FS SYNC OPTION:     no                       CRITICAL PVs:   no',
      'ENCRYPTION:         yes',
    ];
    assert.deepEqual(lines(r.stdout), expected);
    for (const l of lines(r.stdout)) {
      assert.equal(l.slice(0, 20).trimEnd().endsWith(':') || l.startsWith('LTG size (Dynamic): '), true, l);
      if (l.length > 45) {
        assert.match(l.slice(45, 61), /^[A-Z][A-Za-z ]+: *$/, `right label not at col 45 / 16 wide: ${l}`);
        assert.notEqual(l[61], ' ', `right value not at col 61: ${l}`);
      }
    }
  });
});

test('lsvg rootvg satisfies IBM alt_disk regexes and lvm_facts column split [V §11.3, §23]', () => {
  withHost([], (h) => {
    const out = h.run('lsvg', 'rootvg').stdout;
    assert.equal(ibmMatch(out, IBM.totalPps), 959);
    assert.equal(ibmMatch(out, IBM.usedPps), 333);
    assert.equal(ibmMatch(out, IBM.ppSize), 32);
    assert.equal(ibmMatch(out, IBM.totalPvs), 1);
    const f = lvmFactsParseVgs(out);
    assert.equal(f['VOLUME GROUP'], 'rootvg');
    assert.equal(f['VG IDENTIFIER'], rootVgid(h));
    assert.equal(f['VG STATE'], 'active');
    assert.equal(f['PP SIZE'], '32 megabyte(s)');
    assert.equal(f['TOTAL PPs'], '959 (30688 megabytes)');
    assert.equal(f['FREE PPs'], '626 (20032 megabytes)');
    assert.equal(f['LVs'], '12');
    assert.equal(f['TOTAL PVs'], '1');
    assert.equal(f['MAX PPs per VG'], '32512');
  });
});

test('lsvg of a varied-off VG: 0516-010 on stderr, nothing on stdout, non-zero [V §11.3]', () => {
  withHost([], (h) => {
    addAltRootvg(h, { phase: 3 });
    for (const args of [['altinst_rootvg'], ['-l', 'altinst_rootvg'], ['-p', 'altinst_rootvg'], ['-M', 'altinst_rootvg']]) {
      const r = h.run('lsvg', ...args);
      assert.deepEqual(r, { stdout: '', stderr: '0516-010 : Volume group must be varied on; use varyonvg command.\n', rc: 1 }, args.join(' '));
    }
  });
});

test('lsvg of an unknown VG fails with a diagnostic; several VGs print one block each', () => {
  withHost([], (h) => {
    const r = h.run('lsvg', 'nosuchvg');
    assert.equal(r.rc, 1);
    assert.equal(r.stdout, '');
    assert.equal(r.stderr, 'lsvg: Unable to find volume group nosuchvg in the Device Configuration Database.\n');
    const both = h.run('lsvg', '-l', 'rootvg', 'datavg');
    assert.equal(both.rc, 0);
    const ls = lines(both.stdout);
    assert.equal(ls[0], 'rootvg:');
    assert.equal(ls[14], 'datavg:');
    assert.equal(ls[15], 'LV NAME             TYPE       LPs     PPs     PVs  LV STATE      MOUNT POINT');
    assert.equal(ls.length, 14 + 4);
    const mixed = h.run('lsvg', 'nosuchvg', 'datavg');
    assert.equal(mixed.rc, 1);
    assert.match(mixed.stdout, /^VOLUME GROUP: {7}datavg /);
  });
});

test('lsvg -l rootvg is §11.4 verbatim: columns 0, 20, 31, 39, 47, 52, 66, LV STATE per LV kind [V]', () => {
  withHost([], (h) => {
    const r = h.run('lsvg', '-l', 'rootvg');
    assert.equal(r.rc, 0);
    assert.equal(
      r.stdout,
      [
        'rootvg:',
        'LV NAME             TYPE       LPs     PPs     PVs  LV STATE      MOUNT POINT',
        'hd5                 boot       1       1       1    closed/syncd  N/A',
        'hd6                 paging     129     129     1    open/syncd    N/A',
        'hd8                 jfs2log    1       1       1    open/syncd    N/A',
        'hd4                 jfs2       8       8       1    open/syncd    /',
        'hd2                 jfs2       48      48      1    open/syncd    /usr',
        'hd9var              jfs2       16      16      1    open/syncd    /var',
        'hd3                 jfs2       64      64      1    open/syncd    /tmp',
        'hd1                 jfs2       8       8       1    open/syncd    /home',
        'hd10opt             jfs2       32      32      1    open/syncd    /opt',
        'hd11admin           jfs2       2       2       1    open/syncd    /admin',
        'lg_dumplv           sysdump    20      20      1    open/syncd    N/A',
        'livedump            jfs2       4       4       1    open/syncd    /var/adm/ras/livedump',
        '',
      ].join('\n'),
    );
    const f = lvmFactsParseLvs(r.stdout);
    assert.deepEqual(f.hd2, { type: 'jfs2', LPs: '48', PPs: '48', PVs: '1', lv_state: 'open/syncd', mount_point: '/usr' });
    assert.equal(f.hd5!.lv_state, 'closed/syncd');
    // IBM alt_disk takes the first token of every line after the first two as an LV name.
    assert.deepEqual(
      lines(r.stdout).slice(2).map((l) => l.split(/\s+/)[0]),
      ['hd5', 'hd6', 'hd8', 'hd4', 'hd2', 'hd9var', 'hd3', 'hd1', 'hd10opt', 'hd11admin', 'lg_dumplv', 'livedump'],
    );
  });
});

test('lsvg -p rootvg: columns 0, 18, 36, 48, 60 with the free distribution [V §11.5]', () => {
  withHost([], (h) => {
    const r = h.run('lsvg', '-p', 'rootvg');
    assert.equal(r.rc, 0);
    assert.deepEqual(lines(r.stdout), [
      'rootvg:',
      'PV_NAME           PV STATE          TOTAL PPs   FREE PPs    FREE DISTRIBUTION',
      'hdisk0            active            959         626         00..51..191..192..192',
    ]);
    // IBM's nim_vios_alt_disk parser for lsvg -p rows.
    const m = /^(\S+)\s+\S+\s+(\d+)\s+\d+\s+\S+/.exec(lines(r.stdout)[2]!);
    assert.deepEqual(m?.slice(1), ['hdisk0', '959']);
  });
});

test('lsvg -M lists used PPs as IBM parses them, then free ranges [V §18, I]', () => {
  withHost([], (h) => {
    const r = h.run('lsvg', '-M', 'rootvg');
    assert.equal(r.rc, 0);
    const ls = lines(r.stdout);
    assert.equal(ls[0], 'rootvg');
    assert.equal(ls[1], 'hdisk0:1        hd5:1');
    assert.equal(ls[2], 'hdisk0:2        hd6:1');
    assert.equal(ls[333], 'hdisk0:333      livedump:4');
    assert.equal(ls[334], 'hdisk0:334-959');
    assert.equal(ls.length, 335);
    const single = /^(\S+):\d+\s+\S+:\d+$/;
    assert.equal(ls.filter((l) => single.test(l)).length, 333);
  });
});

test('mirrored rootvg: lsvg shows 2 PVs, 3 descriptors, PPs = 2 x LPs; lsvg -M shows copy numbers per disk [V §11.3-11.4, §18]', () => {
  withHost(['--mirrored'], (h) => {
    const vg = h.run('lsvg', 'rootvg').stdout;
    assert.match(vg, /^TOTAL PVs: {10}2 {24}VG DESCRIPTORS: 3$/m);
    assert.match(vg, /^ACTIVE PVs: {9}2 {24}AUTO ON: {8}yes$/m);
    assert.equal(ibmMatch(vg, IBM.totalPvs), 2);
    assert.equal(ibmMatch(vg, IBM.usedPps), 666);
    assert.equal(ibmMatch(vg, IBM.totalPps), 959 + 639);
    const l = h.run('lsvg', '-l', 'rootvg').stdout;
    assert.match(l, /^hd2 {17}jfs2 {7}48 {6}96 {6}2 {4}open\/syncd {4}\/usr$/m);
    assert.match(l, /^hd5 {17}boot {7}1 {7}2 {7}2 {4}closed\/syncd {2}N\/A$/m);
    const p = lines(h.run('lsvg', '-p', 'rootvg').stdout);
    assert.equal(p.length, 4);
    assert.match(p[3]!, /^hdisk1 {12}active {12}639 {9}306 {9}/);
    // IBM nim_vios_alt_disk mirror check: each disk holds exactly one copy number.
    const m = lines(h.run('lsvg', '-M', 'rootvg').stdout);
    const copyOfDisk = new Map<string, Set<number>>();
    for (const line of m) {
      const mm = /^(\S+):\d+\s+\S+:\d+:(\d+)$/.exec(line);
      if (!mm) continue;
      if (!copyOfDisk.has(mm[1]!)) copyOfDisk.set(mm[1]!, new Set());
      copyOfDisk.get(mm[1]!)!.add(Number(mm[2]));
    }
    assert.deepEqual([...copyOfDisk.entries()].map(([d, c]) => [d, [...c]]), [
      ['hdisk0', [1]],
      ['hdisk1', [2]],
    ]);
    assert.ok(m.includes('hdisk1:1        hd5:1:2'));
  });
});

test('lsvg datavg: the scalable VG lines, trailing blanks as captured [V sample_lsvg_output1]', () => {
  withHost([], (h) => {
    const ls = lines(h.run('lsvg', 'datavg').stdout);
    assert.equal(ls[9], 'MAX PPs per VG:     32768                    MAX PVs:        1024');
    assert.equal(ls[11], 'HOT SPARE:          no                       BB POLICY:      relocatable ');
    assert.equal(ls[12], 'MIRROR POOL STRICT: off                                       ');
    assert.equal(ls[ls.length - 1], 'ENCRYPTION:         no');
    assert.equal(ls.length, 17);
  });
});

test('lsvg by release: aix72 keeps the 7.x lines, aix53 drops them, QUORUM without (Enabled) [V/U §11.3]', () => {
  withHost(['--profile', 'aix72'], (h) => {
    const out = h.run('lsvg', 'rootvg').stdout;
    assert.match(out, /QUORUM: {9}2 \(Enabled\)$/m);
    assert.match(out, /^ENCRYPTION: {9}no$/m);
    assert.equal(lines(out).length, 17);
  });
  withHost(['--profile', 'aix53'], (h) => {
    const out = h.run('lsvg', 'rootvg').stdout;
    assert.match(out, /^OPEN LVs: {11}9 {24}QUORUM: {9}2$/m);
    assert.match(out, /^LTG size \(Dynamic\): 256 kilobyte\(s\) {10}AUTO SYNC: {6}no$/m);
    assert.doesNotMatch(out, /PV RESTRICTION|ENCRYPTION|INFINITE RETRY/);
    assert.equal(lines(out).length, 13);
    assert.equal(ibmMatch(out, IBM.usedPps), 327);
  });
});

test('lsvg on AIX 4.3: the older 16-wide layout, still readable by the IBM regexes [V 5.x capture / U 4.3]', () => {
  withHost(['--profile', 'aix43'], (h) => {
    const r = h.run('lsvg', 'rootvg');
    assert.equal(r.rc, 0);
    const ls = lines(r.stdout);
    assert.equal(ls.length, 10);
    assert.match(ls[0]!, /^VOLUME GROUP: {3}rootvg {19}VG IDENTIFIER: {2}[0-9a-f]{32}$/);
    assert.equal(ls[1], 'VG STATE:       active                   PP SIZE:        16 megabyte(s)');
    assert.equal(ls[5], 'OPEN LVs:       7                        QUORUM:         2');
    assert.equal(ls[9], 'MAX PPs per PV: 1016                     MAX PVs:        32');
    assert.equal(ibmMatch(r.stdout, IBM.totalPvs), 1);
    assert.equal(ibmMatch(r.stdout, IBM.ppSize), 16);
    assert.equal(lvmFactsParseVgs(r.stdout)['TOTAL PPs'], '541 (8656 megabytes)');
    const l = h.run('lsvg', '-l', 'rootvg').stdout;
    assert.match(l, /^hd8 {17}jfslog {5}1 {7}1 {7}1 {4}open\/syncd {4}N\/A$/m);
    assert.match(l, /^hd4 {17}jfs {8}4 {7}4 {7}1 {4}open\/syncd {4}\/$/m);
  });
});

test('lsvg -l of an altinst_rootvg in phase 1 lists the alt_ LVs mounted under /alt_inst [U §11.4]', () => {
  withHost([], (h) => {
    addAltRootvg(h, { phase: 1 });
    assert.deepEqual(h.run('lsvg', '-o').stdout, 'rootvg\ndatavg\naltinst_rootvg\n');
    const f = lvmFactsParseLvs(h.run('lsvg', '-l', 'altinst_rootvg').stdout);
    assert.deepEqual(f.alt_hd4, { type: 'jfs2', LPs: '8', PPs: '8', PVs: '1', lv_state: 'open/syncd', mount_point: '/alt_inst' });
    assert.equal(f.alt_hd2!.mount_point, '/alt_inst/usr');
    assert.equal(f.alt_hd8!.lv_state, 'open/syncd');
    assert.equal(f.alt_hd6!.lv_state, 'closed/syncd');
    assert.equal(f.alt_hd5!.lv_state, 'closed/syncd');
    const vg = h.run('lsvg', 'altinst_rootvg').stdout;
    assert.match(vg, /^LVs: {16}12 {23}USED PPs: {7}333 /m);
    // 8 file systems and their log; paging and dump of a clone are not in use.
    assert.match(vg, /^OPEN LVs: {11}9 /m);
    assert.match(vg, /AUTO ON: {8}no$/m);
  });
});

test('a varied-on place holder owns no logical volumes: lsvg -l prints the header only [V §3.2, I §19]', () => {
  withHost([], (h) => {
    addAltRootvg(h, { phase: 3 });
    assert.equal(h.run('varyonvg', 'altinst_rootvg').rc, 0);
    const r = h.run('lsvg', '-l', 'altinst_rootvg');
    assert.deepEqual(r, { stdout: 'altinst_rootvg:\nLV NAME             TYPE       LPs     PPs     PVs  LV STATE      MOUNT POINT\n', stderr: '', rc: 0 });
    const vg = h.run('lsvg', 'altinst_rootvg').stdout;
    assert.match(vg, /^LVs: {16}0 {24}USED PPs: {7}333 \(10656 megabytes\)$/m);
  });
});

test('lsvg flags: unknown flags and conflicting views are usage errors; a gone disk shows missing', () => {
  withHost([], (h) => {
    const bad = h.run('lsvg', '-z');
    assert.equal(bad.rc, 2);
    assert.equal(lines(bad.stderr)[0], 'lsvg: Not a recognized flag: z');
    assert.match(bad.stderr, /^Usage: lsvg /m);
    assert.equal(h.run('lsvg', '-l', '-p', 'rootvg').rc, 2);
    assert.equal(h.run('lsvg', '-l').rc, 2);
    setVgActive(h, 'datavg', true);
    setDisk(h, 'hdisk4', { present: false });
    assert.match(h.run('lsvg', '-p', 'datavg').stdout, /^hdisk4 {12}missing {11}799 /m);
    assert.match(h.run('lsvg', 'datavg').stdout, /^ACTIVE PVs: {9}0 /m);
  });
});
