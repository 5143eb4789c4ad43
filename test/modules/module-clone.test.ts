import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { assertFailed, assertOk, msgOf, oneJsonLine, spawnModule, withModuleHost, type ModuleHost } from '../helpers/modules.js';

// altdisk.aix.clone end to end: the bundled module against a simulated AIX 7.3 host (profile
// aix73: hdisk0 rootvg 30720 MB with 10656 MB in use, hdisk1 20480, hdisk2 40960, hdisk3 61440
// without PVID, hdisk4 datavg).

const COPY = '/usr/sbin/alt_disk_copy';
const ROOTVG_OP = '/usr/sbin/alt_rootvg_op';

/** One line of the module's lspv-like diff: name, PVID, VG, state in fixed columns. */
function diffLine(name: string, pvid: string, vg: string, active = false): string {
  return `${name.padEnd(16)}${pvid.padEnd(20)}${vg.padEnd(16)}${active ? 'active' : ''}`.trimEnd();
}

function pvids(h: ModuleHost): Record<string, string> {
  return Object.fromEntries(
    h
      .run('lspv')
      .stdout.split('\n')
      .filter(Boolean)
      .map((l) => l.split(/\s+/))
      .map((w) => [w[0]!, w[1]!]),
  );
}

function summaryText(h: ModuleHost, rows: [string, string, boolean][], tail: string[]): string {
  const p = pvids(h);
  return [...rows.map(([d, vg, active], i) => diffLine(d, p[d] ?? `?${i}`, vg, active)), '', ...tail].join('\n') + '\n';
}

test('clone: check mode plans alt_disk_copy -d hdisk1, predicts complete + bootlist, diffs lspv, runs nothing', () =>
  withModuleHost([], async (h) => {
    const state = h.stateText();
    const mark = h.mark();
    const a = await h.check('clone', { targets: ['hdisk1'] }, true);
    assertOk(a);
    assert.equal(a.json.changed, true);
    assert.deepEqual(a.json.commands, [[COPY, '-d', 'hdisk1']]);
    assert.deepEqual(a.json.cmd, [COPY, '-d', 'hdisk1']);
    assert.equal(a.json.altinst_state, 'complete');
    assert.deepEqual(a.json.bootlist, ['hdisk1']);
    assert.deepEqual(a.json.targets, ['hdisk1']);
    assert.equal(msgOf(a), 'check mode: would run alt_disk_copy: rootvg cloned to hdisk1');
    assert.deepEqual(a.json.warnings, [
      "targets hdisk1 (20480 MB) are smaller than rootvg (30688 MB): the clone fits the 10656 MB in use but cannot grow to rootvg's full size.",
    ]);
    assert.equal(a.json.rc, undefined, 'check mode runs no command, so there is no rc');
    const disks: [string, string, boolean][] = [
      ['hdisk0', 'rootvg', true],
      ['hdisk1', 'None', false],
      ['hdisk2', 'None', false],
      ['hdisk3', 'None', false],
      ['hdisk4', 'datavg', true],
    ];
    assert.deepEqual(a.json.diff, {
      before: summaryText(h, disks, ['altinst_rootvg: none', 'old_rootvg: none', 'bootlist normal: hdisk0', 'bootlist service: hdisk0']),
      after: summaryText(
        h,
        disks.map(([d, vg, act]) => (d === 'hdisk1' ? [d, 'altinst_rootvg', false] : [d, vg, act])),
        ['altinst_rootvg: complete on hdisk1', 'old_rootvg: none', 'bootlist normal: hdisk1', 'bootlist service: hdisk0'],
      ),
      before_header: 'alternate disk (before)',
      after_header: 'alternate disk (after)',
    });
    assert.deepEqual(h.mutatingSince(mark), [], 'check mode ran only read-only commands');
    assert.ok(h.callsSince(mark).length > 10, 'facts were gathered');
    assert.equal(h.stateText(), state, 'state.json is byte-identical after check mode');
  }));

test('clone: a disk without PVID is predicted to get one ("(new)") in the diff', () =>
  withModuleHost([], async (h) => {
    const a = await h.check('clone', { targets: ['hdisk3'] }, true);
    assertOk(a);
    const after = String((a.json.diff as Record<string, string>).after);
    assert.ok(after.includes(`${diffLine('hdisk3', '(new)', 'altinst_rootvg')}\n`), after);
  }));

test('clone: success, a second identical run is changed=false, rootvg untouched', () =>
  withModuleHost([], async (h) => {
    const root = h.lspvLine('hdisk0');
    const mark = h.mark();
    const a = await h.module('clone', { targets: ['hdisk1'], _ansible_diff: true });
    assertOk(a);
    assert.equal(a.json.changed, true);
    assert.equal(a.json.rc, 0);
    assert.deepEqual(a.json.cmd, [COPY, '-d', 'hdisk1']);
    assert.deepEqual(a.json.commands, [[COPY, '-d', 'hdisk1']]);
    assert.equal(a.json.altinst_state, 'complete');
    assert.deepEqual(a.json.bootlist, ['hdisk1']);
    assert.equal(msgOf(a), 'rootvg cloned to hdisk1');
    const out = a.json.stdout_lines as string[];
    assert.equal(out[0], 'Calling mkszfile to create new /image.data file.');
    assert.equal(out.at(-1), 'Bootlist is set to the boot disk: hdisk1 blv=hd5');
    assert.ok(a.stderr.includes('Creating logical volume alt_hd5.'), 'the AIX output streams to stderr as it comes');
    assert.deepEqual(h.mutatingSince(mark), [['alt_disk_copy', '-d', 'hdisk1']]);
    const diff = a.json.diff as Record<string, string>;
    assert.ok(diff.after!.includes('altinst_rootvg: complete on hdisk1\n'), diff.after);
    assert.ok(diff.after!.includes('bootlist normal: hdisk1\n'), diff.after);
    assert.ok(diff.before!.includes('bootlist normal: hdisk0\n'), diff.before);
    assert.equal(h.lspvLine('hdisk0'), root, 'rootvg is untouched');
    assert.match(h.lspvLine('hdisk1'), /^hdisk1\s+\S+\s+altinst_rootvg\s*$/);
    assert.equal(h.run('bootlist', '-m', 'normal', '-o').stdout.split('\n')[0], 'hdisk1 blv=hd5 pathid=0');

    const state = h.stateText();
    const mark2 = h.mark();
    const again = await h.module('clone', { targets: ['hdisk1'] });
    assertOk(again);
    assert.equal(again.json.changed, false);
    assert.deepEqual(again.json.commands, []);
    assert.equal(msgOf(again), 'altinst_rootvg is already complete on hdisk1: nothing to do');
    assert.equal(again.json.altinst_state, 'complete');
    assert.deepEqual(again.json.bootlist, ['hdisk1']);
    assert.deepEqual(h.mutatingSince(mark2), []);
    assert.equal(h.stateText(), state);

    const checked = await h.check('clone', { targets: ['hdisk1'] });
    assert.equal(checked.json.changed, false, 'check mode on a done clone predicts no change');
    assert.deepEqual(checked.json.commands, []);
  }));

test('clone: disk_size_policy picks one free disk, and an existing clone satisfies it on the next run', () =>
  withModuleHost([], async (h) => {
    const upper = await h.check('clone', { disk_size_policy: 'upper' });
    assert.deepEqual(upper.json.targets, ['hdisk2'], 'upper: the smallest disk at least as large as rootvg (30688 MB)');
    assert.deepEqual(upper.json.commands, [[COPY, '-d', 'hdisk2']]);
    const a = await h.module('clone', { disk_size_policy: 'nearest', bootlist: false });
    assertOk(a);
    assert.deepEqual(a.json.commands, [[COPY, '-d', 'hdisk1', '-B']], 'nearest: hdisk1 (20480 MB) is 10208 MB from rootvg, hdisk2 10272 MB');
    assert.deepEqual(a.json.bootlist, ['hdisk0'], 'bootlist: false (-B) leaves the boot list alone');
    const again = await h.module('clone', { disk_size_policy: 'nearest', bootlist: false });
    assertOk(again);
    assert.equal(again.json.changed, false);
    assert.deepEqual(again.json.targets, ['hdisk1']);
  }));

test('clone onto two disks: the target list is ONE argv word, and the rerun is unchanged', () =>
  withModuleHost([], async (h) => {
    const mark = h.mark();
    const a = await h.module('clone', { targets: ['hdisk1', 'hdisk2'] });
    assertOk(a);
    assert.deepEqual(h.mutatingSince(mark), [['alt_disk_copy', '-d', 'hdisk1 hdisk2']]);
    assert.deepEqual(a.json.bootlist, ['hdisk1']);
    const again = await h.module('clone', { targets: ['hdisk2', 'hdisk1'] });
    assertOk(again);
    assert.equal(again.json.changed, false, 'the same disks in another order are the same clone');
  }));

test('clone onto a disk in a volume group: the 0505-126 explanation, nothing run', () =>
  withModuleHost([], async (h) => {
    const state = h.stateText();
    const mark = h.mark();
    const a = await h.module('clone', { targets: ['hdisk4'] });
    assert.equal(
      assertFailed(a),
      'targets: hdisk4 is in volume group datavg (AIX would refuse with 0505-126: target disk hdisk4 has a volume group assigned to it). Choose a disk that lspv shows with None.',
    );
    assert.equal(a.json.changed, false);
    const root = await h.module('clone', { targets: ['hdisk1', 'hdisk0'] });
    assert.match(assertFailed(root), /^targets: hdisk0 is in volume group rootvg \(AIX would refuse with 0505-126/);
    const gone = await h.module('clone', { targets: ['hdisk9'] });
    assert.equal(assertFailed(gone), 'targets: hdisk9 does not exist on this host (lspv lists hdisk0, hdisk1, hdisk2, hdisk3, hdisk4)');
    assert.deepEqual(h.mutatingSince(mark), []);
    assert.equal(h.stateText(), state);
  }));

test('clone: an existing altinst_rootvg elsewhere fails with what to do; force removes it only after the other checks', () =>
  withModuleHost([], async (h) => {
    assertOk(await h.module('clone', { targets: ['hdisk1'] }));
    const state = h.stateText();
    const mark = h.mark();
    const other = await h.module('clone', { targets: ['hdisk2'] });
    assert.equal(
      assertFailed(other),
      'this host already has a complete altinst_rootvg on hdisk1, so the clone cannot start. Remove it with altdisk.aix.cleanup (alt_rootvg_op -X altinst_rootvg) or set force: true to have this task remove it once its other checks have passed.',
    );
    assert.equal(other.json.altinst_state, 'complete');
    assert.deepEqual(other.json.targets, ['hdisk1']);

    // force with an invalid target, a missing script, a disk too small: each fails before alt_rootvg_op -X.
    const inVg = await h.module('clone', { targets: ['hdisk4'], force: true });
    assert.match(assertFailed(inVg), /^targets: hdisk4 is in volume group datavg \(AIX would refuse with 0505-126/);
    const noScript = await h.module('clone', { targets: ['hdisk2'], force: true, script: '/nonexistent/altdisk/script.sh' });
    assert.equal(assertFailed(noScript), 'script: /nonexistent/altdisk/script.sh does not exist');
    const unknown = await h.module('clone', { targets: ['hdisk7'], force: true });
    assert.match(assertFailed(unknown), /^targets: hdisk7 does not exist on this host/);
    assert.deepEqual(h.mutatingSince(mark), [], 'no alt_rootvg_op -X ran for a task that fails its checks');
    assert.equal(h.stateText(), state);

    // The first clone took the boot list: it goes back to the running rootvg before the removal (issue 8, class 2).
    const planned = await h.check('clone', { targets: ['hdisk2'], force: true });
    assert.deepEqual(planned.json.commands, [
      ['/usr/bin/bootlist', '-m', 'normal', 'hdisk0'],
      [ROOTVG_OP, '-X', 'altinst_rootvg'],
      [COPY, '-d', 'hdisk2'],
    ]);
    assert.deepEqual(h.mutatingSince(mark), []);

    const forced = await h.module('clone', { targets: ['hdisk2'], force: true });
    assertOk(forced);
    assert.equal(
      msgOf(forced),
      'altinst_rootvg on hdisk1 removed, then rootvg cloned to hdisk2; the normal boot list named hdisk1, which this task frees or overwrites: it was set to the running rootvg (hdisk0) first, so the next reboot starts that',
    );
    assert.deepEqual(h.mutatingSince(mark), [
      ['bootlist', '-m', 'normal', 'hdisk0'],
      ['alt_rootvg_op', '-X', 'altinst_rootvg'],
      ['alt_disk_copy', '-d', 'hdisk2'],
    ]);
    assert.match(h.lspvLine('hdisk1'), /^hdisk1\s+\S+\s+None\s*$/);
    assert.match(h.lspvLine('hdisk2'), /^hdisk2\s+\S+\s+altinst_rootvg\s*$/);
  }));

test('clone: an unfinished (phase 1) altinst_rootvg fails the task unless force', () =>
  withModuleHost([], async (h) => {
    const p1 = await h.module('clone', { targets: ['hdisk1'], phase: '1' });
    assertOk(p1);
    assert.deepEqual(p1.json.commands, [[COPY, '-d', 'hdisk1', '-P', '1']]);
    assert.equal(p1.json.altinst_state, 'phase1');
    assert.deepEqual(p1.json.bootlist, ['hdisk0']);
    const same = await h.module('clone', { targets: ['hdisk1'], phase: '1' });
    assert.equal(same.json.changed, false, 'phase 1 again on the same disk: already there');

    const mark = h.mark();
    const all = await h.module('clone', { targets: ['hdisk1'] });
    assert.equal(
      assertFailed(all),
      'this host already has an unfinished altinst_rootvg on hdisk1 (phase 1 done, /alt_inst still mounted), so the clone cannot start. Finish it with altdisk.aix.phase (phase: "23"), remove it with altdisk.aix.cleanup, or set force: true to have this task remove it once its other checks have passed.',
    );
    assert.deepEqual(h.mutatingSince(mark), []);
    const forced = await h.module('clone', { targets: ['hdisk1'], force: true });
    assertOk(forced);
    assert.deepEqual(h.mutatingSince(mark), [
      ['alt_rootvg_op', '-X', 'altinst_rootvg'],
      ['alt_disk_copy', '-d', 'hdisk1'],
    ]);
    assert.equal(forced.json.altinst_state, 'complete');
  }));

test('clone: a target too small for rootvg in use is refused before phase 1 (0516-404)', () =>
  withModuleHost(['--disk', 'hdisk5:8192'], async (h) => {
    const mark = h.mark();
    const a = await h.module('clone', { targets: ['hdisk5'] });
    assert.equal(
      assertFailed(a),
      'targets: hdisk5 hold 8192 MB, less than the 10656 MB of rootvg in use: the clone would fail in phase 1 (0516-404 allocp). Choose larger disks.',
    );
    const skipped = await h.check('clone', { targets: ['hdisk5'], skip_space_check: true });
    assert.deepEqual(skipped.json.commands, [[COPY, '-d', 'hdisk5', '-S']]);
    assert.deepEqual(h.mutatingSince(mark), []);
  }));

test('clone: missing bos.alt_disk_install.rte fails with the lslpp message and the install command', () =>
  withModuleHost(['--no-fileset', 'rte'], async (h) => {
    const a = await h.module('clone', { targets: ['hdisk1'] });
    assert.equal(
      assertFailed(a),
      'bos.alt_disk_install.rte is not installed on this host (lslpp: 0504-132), and cloning rootvg (alt_disk_copy) needs it. Install it from the AIX base media at the running level (7300-02-01-2346), e.g. installp -acgXd <media> bos.alt_disk_install.rte',
    );
  }));

test('clone: files named in options are checked first (exists, is a file, executable)', () =>
  withModuleHost([], async (h) => {
    const dir = h.scratch();
    const plain = h.scratchFile('not-executable.sh');
    const mark = h.mark();
    const a = await h.module('clone', { targets: ['hdisk1'], script: plain, image_data: dir, first_boot_script: '/nonexistent/fb.sh' });
    assert.equal(
      assertFailed(a),
      `image_data: ${dir} is not a file; script: ${plain} is not executable (AIX requires it; chmod +x ${plain}); first_boot_script: /nonexistent/fb.sh does not exist`,
    );
    assert.deepEqual(h.mutatingSince(mark), []);
  }));

test('clone: every flag lands in alt_disk_copy argv in the documented order', () =>
  withModuleHost([], async (h) => {
    const dir = h.scratch();
    const file = h.scratchFile;
    const imageData = file('image.data');
    const script = file('custom.sh', 0o755);
    const resolv = file('resolv.conf');
    const exclude = file('exclude.list');
    const fb = file('firstboot.sh', 0o755);
    const lpp = path.join(dir, 'lpp');
    fs.mkdirSync(lpp);
    const a = await h.check('clone', {
      targets: ['hdisk1', 'hdisk2'],
      image_data: imageData,
      script,
      resolv_conf: resolv,
      exclude_list: exclude,
      bundle: 'update_all',
      images_location: lpp,
      fixes: ['IJ12345', 'IJ23456'],
      filesets: ['bos.rte.install'],
      installp_flags: '-acgXY',
      remain_nim_client: true,
      phase: '12',
      console: '/dev/vty0',
      device_reset: true,
      first_boot_script: fb,
      bootlist: false,
      verbose: true,
      debug: true,
      skip_bootable_check: true,
      convert_jfs: true,
      skip_space_check: true,
    });
    assertOk(a);
    assert.deepEqual(a.json.commands, [
      [
        COPY,
        '-d', 'hdisk1 hdisk2',
        '-i', imageData,
        '-s', script,
        '-b', 'update_all',
        '-I', '-acgXY',
        '-l', lpp,
        '-F', 'IJ12345 IJ23456',
        '-e', exclude,
        '-w', 'bos.rte.install',
        '-n',
        '-P', '12',
        '-c', '/dev/vty0',
        '-x', fb,
        '-R', resolv,
        '-D', '-B', '-O', '-V', '-g', '-T', '-S',
      ],
    ]);
    assert.equal(a.json.altinst_state, 'phase1', 'phase 12 leaves altinst_rootvg mounted');
    assert.deepEqual(a.json.bootlist, ['hdisk0']);
  }));

test('clone: force on a complete altinst_rootvg asked for phase 1 starts over, as the warning promises', () =>
  withModuleHost([], async (h) => {
    assertOk(await h.module('clone', { targets: ['hdisk1'] }));
    const asked = await h.module('clone', { targets: ['hdisk1'], phase: '1' });
    assertOk(asked);
    assert.equal(asked.json.changed, false);
    assert.deepEqual(asked.json.warnings, [
      'phase 1 was asked for, but altinst_rootvg on hdisk1 already went through phase 3; to change it, wake it up (alt_rootvg_op -W -d hdisk1) and customize it, or start again (force: true on altdisk.aix.clone or altdisk.aix.mksysb_install removes it first)',
    ]);
    const forced = await h.check('clone', { targets: ['hdisk1'], phase: '1', force: true });
    assert.deepEqual(forced.json.commands, [
      ['/usr/bin/bootlist', '-m', 'normal', 'hdisk0'],
      [ROOTVG_OP, '-X', 'altinst_rootvg'],
      [COPY, '-d', 'hdisk1', '-P', '1'],
    ]);
  }));

test('clone: AIX progress lines reach stderr while alt_disk_copy is still copying, not at the end', () =>
  withModuleHost([], async (h) => {
    // A slowed-down host: the backup/restore step alone takes seconds. When the first progress line
    // arrives, the clone must still be in its early steps: no answer on stdout, bootlist not yet set.
    const child = spawnModule('clone', h.dir, { AIXSIM_SPEED: '0.004' });
    let stdout = '';
    let stderr = '';
    let seenEarly: { stdoutSoFar: string; bootlist: string } | null = null;
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString('latin1')));
    child.stderr.on('data', (d: Buffer) => {
      stderr += d.toString('utf8');
      if (!seenEarly && stderr.includes('Creating logical volume alt_hd5.')) {
        seenEarly = { stdoutSoFar: stdout, bootlist: h.run('bootlist', '-m', 'normal', '-o').stdout };
      }
    });
    child.stdin.end(JSON.stringify({ targets: ['hdisk1'] }));
    const rc = await new Promise<number>((resolve) => child.on('close', (code) => resolve(code ?? -1)));
    assert.equal(rc, 0, stderr.slice(-500));
    assert.ok(seenEarly, 'no progress line came at all');
    const early = seenEarly as { stdoutSoFar: string; bootlist: string };
    assert.equal(early.stdoutSoFar, '', 'the answer was written before the progress lines: they were held back');
    assert.match(early.bootlist, /^hdisk0 /, 'the clone had already finished when its first progress line arrived');
    assert.ok(stderr.trimEnd().endsWith('Bootlist is set to the boot disk: hdisk1 blv=hd5'), stderr.slice(-300));
    assert.equal(oneJsonLine(stdout).changed, true);
  }));
