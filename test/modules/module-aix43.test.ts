import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { assertFailed, assertOk, msgOf, withModuleHost } from '../helpers/modules.js';

// The legacy profile (AIX 4.3.3, only alt_disk_install, seed syntax): every module plans
// alt_disk_install -C / -d / -X with the flags first and the target disks positional, last.

const INSTALL = '/usr/sbin/alt_disk_install';
const AIX43 = ['--profile', 'aix43'];

test('aix43 clone: alt_disk_install -C hdisk1, success, rerun unchanged, rootvg untouched', () =>
  withModuleHost(AIX43, async (h) => {
    const root = h.lspvLine('hdisk0');
    const state = h.stateText();
    const mark = h.mark();
    const planned = await h.check('clone', { targets: ['hdisk1'] }, true);
    assertOk(planned);
    assert.deepEqual(planned.json.commands, [[INSTALL, '-C', 'hdisk1']]);
    assert.equal(planned.json.altinst_state, 'complete');
    assert.deepEqual(planned.json.bootlist, ['hdisk1']);
    assert.ok(String((planned.json.diff as Record<string, string>).after).includes('altinst_rootvg: complete on hdisk1\n'));
    assert.deepEqual(h.mutatingSince(mark), []);
    assert.equal(h.stateText(), state);

    const a = await h.module('clone', { targets: ['hdisk1'] });
    assertOk(a);
    assert.deepEqual(h.mutatingSince(mark), [['alt_disk_install', '-C', 'hdisk1']]);
    assert.equal(a.json.altinst_state, 'complete');
    assert.equal(h.lspvLine('hdisk0'), root);
    assert.match(h.lspvLine('hdisk1'), /^hdisk1\s+\S+\s+altinst_rootvg\s*$/);
    const again = await h.module('clone', { targets: ['hdisk1'] });
    assertOk(again);
    assert.equal(again.json.changed, false);
  }));

test('aix43 clone: flags before the positional targets; 5.3-only flags and commands are refused', () =>
  withModuleHost(AIX43, async (h) => {
    const script = h.scratchFile('custom.sh', 0o755);
    const a = await h.check('clone', { targets: ['hdisk1', 'hdisk2'], phase: '12', bootlist: false, verbose: true, script, fixes: ['IX12345'], images_location: h.scratch() });
    assertOk(a);
    assert.deepEqual(a.json.commands, [[INSTALL, '-C', '-s', script, '-B', '-V', '-l', h.scratch(), '-F', 'IX12345', '-P', '12', 'hdisk1', 'hdisk2']]);
    const mark = h.mark();
    assert.equal(
      assertFailed(await h.module('clone', { targets: ['hdisk1'], device_reset: true, skip_space_check: true })),
      'device_reset (-O), skip_space_check (-S): alt_disk_install has no such flag below AIX 5.3 (this host runs 4.3.3.0)',
    );
    assert.equal(
      assertFailed(await h.module('clone', { targets: ['hdisk1'], command: 'alt_disk_copy' })),
      'command: alt_disk_copy does not exist below AIX 5.3 (this host runs 4330-11); use command: auto or alt_disk_install',
    );
    assert.deepEqual(h.mutatingSince(mark), []);
  }));

test('aix43 phases: phase 1 with -C, phase 3 with alt_disk_install -P 3, cleanup with alt_disk_install -X', () =>
  withModuleHost(AIX43, async (h) => {
    const mark = h.mark();
    const p1 = await h.module('clone', { targets: ['hdisk1'], phase: '1' });
    assertOk(p1);
    assert.equal(p1.json.altinst_state, 'phase1');
    const p3 = await h.module('phase', { phase: '3' });
    assertOk(p3);
    assert.equal(p3.json.altinst_state, 'complete');
    assert.deepEqual(h.mutatingSince(mark), [
      ['alt_disk_install', '-C', '-P', '1', 'hdisk1'],
      ['alt_disk_install', '-C', '-P', '3', 'hdisk1'],
    ]);
    const old = await h.module('cleanup', { volume_group: 'old_rootvg' });
    assertOk(old);
    assert.equal(old.json.changed, false);
    assert.equal(msgOf(old), 'nothing to remove: AIX 4.3 keeps no old_rootvg, and no disk holds a former rootvg copy (lqueryvg)');
    const x = await h.module('cleanup', {});
    assertOk(x);
    // Phase 3 pointed the boot list at hdisk1: it goes back to the running rootvg first (issue 8, class 2).
    assert.deepEqual(x.json.commands, [['/usr/bin/bootlist', '-m', 'normal', 'hdisk0'], [INSTALL, '-X']]);
    assert.deepEqual(h.mutatingSince(mark).at(-1), ['alt_disk_install', '-X']);
    assert.match(h.lspvLine('hdisk1'), /^hdisk1\s+\S+\s+None\s*$/);
  }));

test('aix43: the advice for a complete altinst_rootvg names the 4.3 command, not alt_rootvg_op', () =>
  withModuleHost(AIX43, async (h) => {
    assertOk(await h.module('clone', { targets: ['hdisk1'] }));
    const asked = await h.module('clone', { targets: ['hdisk1'], phase: '1' });
    assertOk(asked);
    assert.equal(asked.json.changed, false);
    const warning = (asked.json.warnings as string[])[0]!;
    // alt_rootvg_op does not exist on AIX 4.3, and the seed's alt_disk_install has no wake-up (-W) either.
    assert.ok(!warning.includes('alt_rootvg_op'), `the advice names a command AIX 4.3 does not have: ${warning}`);
    const p2 = await h.module('phase', { phase: '2' });
    assert.ok(!assertFailed(p2).includes('alt_rootvg_op'), `the advice names a command AIX 4.3 does not have: ${msgOf(p2)}`);
  }));

test('aix43 mksysb_install: alt_disk_install -d <image> -L <level> <target>, then unchanged', () =>
  withModuleHost(AIX43, async (h) => {
    const src = path.join(h.scratch(), 'aix43.mksysb');
    h.sim('mksysb', src);
    const mark = h.mark();
    const planned = await h.check('mksysb_install', { source: src, targets: ['hdisk2'], mksysb_level: '4.3.3' });
    assertOk(planned);
    assert.deepEqual(planned.json.commands, [[INSTALL, '-d', src, '-L', '4.3.3', 'hdisk2']]);
    assert.deepEqual(h.mutatingSince(mark), []);
    const a = await h.module('mksysb_install', { source: src, targets: ['hdisk2'], mksysb_level: '4.3.3' });
    assertOk(a);
    assert.deepEqual(h.mutatingSince(mark), [['alt_disk_install', '-d', src, '-L', '4.3.3', 'hdisk2']]);
    assert.equal(a.json.altinst_state, 'complete');
    const again = await h.module('mksysb_install', { source: src, targets: ['hdisk2'], mksysb_level: '4.3.3' });
    assertOk(again);
    assert.equal(again.json.changed, false);
  }));

test('aix43 mksysb_install without mksysb_level: no lsmksysb below 5.3, so the seed\'s 4.3.0 default is checked and refused before anything runs', () =>
  withModuleHost(AIX43, async (h) => {
    // mksysb_install spec, mksysb_level: "Below 5.3 there is no lsmksysb: give the level here, or
    // alt_disk_install assumes 4.3.0 (the seed's default) and refuses an image of another level."
    const src = path.join(h.scratch(), 'aix43.mksysb');
    h.sim('mksysb', src);
    const mark = h.mark();
    const a = await h.module('mksysb_install', { source: src, targets: ['hdisk2'] });
    assert.equal(a.json.failed, true);
    assert.equal(
      a.json.msg,
      "there is no boot image /usr/lpp/bos.alt_disk_install/boot_images/chrp_4.3.0_boot on this host: install bos.alt_disk_install.boot_images for the image's level, or give mksysb_level (-L) and platform (-p)",
    );
    assert.deepEqual(a.json.commands, []);
    assert.deepEqual(h.mutatingSince(mark), []);
  }));

test('aix43 after booting the clone: the former rootvg looks free in lspv, facts and clone know better, rollback by bootlist works', () =>
  withModuleHost(AIX43, async (h) => {
    assertOk(await h.module('clone', { targets: ['hdisk1'] }));
    h.sim('reboot');
    assert.match(h.lspvLine('hdisk0'), /^hdisk0\s+\S+\s+None\s*$/, 'the seed: the former rootvg shows no volume group');

    const facts = await h.module('facts', {});
    assertOk(facts);
    const altdisk = (facts.json.ansible_facts as Record<string, Record<string, unknown>>).altdisk!;
    const hdisk0 = (altdisk.disks as Record<string, unknown>[]).find((d) => d.name === 'hdisk0')!;
    assert.equal(hdisk0.free, true, 'AIX calls it free (lspv None, getlvodm 0516-320)');
    assert.equal(hdisk0.rootvg_copy, true);
    assert.equal(hdisk0.bootable, true, 'the seed: the bootlist can still boot the old rootvg');
    assert.deepEqual((altdisk.free_disks as Record<string, unknown>[]).map((d) => d.name), ['hdisk2', 'hdisk3'], 'free_disks are clone candidates');
    const warnings = facts.json.warnings as string[];
    assert.ok(warnings.some((w) => w.startsWith('hdisk0 shows no volume group in lspv, but holds a rootvg copy (lqueryvg -p hdisk0 -L lists hd5)')), warnings.join('\n'));

    // Left to itself, the smallest disk would be hdisk0 (8678 MB): disk_size_policy never picks it.
    const picked = await h.check('clone', { disk_size_policy: 'minimize' });
    assertOk(picked);
    assert.deepEqual(picked.json.targets, ['hdisk2']);
    const named = await h.check('clone', { targets: ['hdisk0'] });
    assertOk(named);
    assert.ok((named.json.warnings as string[]).some((w) => w.includes('hdisk0 shows no volume group, but holds a rootvg copy')), String(named.json.warnings));

    // Rollback as the seed describes it: the bootlist back to the old disk (verify accepts it), reboot.
    const mark = h.mark();
    const back = await h.module('bootlist', { normal: ['hdisk0'], verify: true });
    assertOk(back);
    assert.deepEqual(h.mutatingSince(mark), [['bootlist', '-m', 'normal', 'hdisk0']]);
    h.sim('reboot');
    assert.match(h.lspvLine('hdisk0'), /^hdisk0\s+\S+\s+rootvg\s+active\s*$/);
  }));

test('from AIX 5.3 on facts ask lqueryvg only of disks lspv shows without a VG (old_rootvg has its name there)', () =>
  withModuleHost([], async (h) => {
    assertOk(await h.module('clone', { targets: ['hdisk1'] }));
    h.sim('reboot');
    const mark = h.mark();
    assertOk(await h.module('facts', {}));
    // hdisk2 has a PVID and no VG (hdisk3 has no PVID): its VGDA could hold an exported VG (issue 8, class 3).
    assert.deepEqual(h.callsSince(mark).filter((c) => c.argv[0] === 'lqueryvg').map((c) => c.argv.join(' ')), ['lqueryvg -p hdisk2 -L']);
  }));

test('aix43 cleanup: include_old_rootvg clears the hidden former rootvg with chpv -C (the boot list moved off it first, as on every level), then unchanged', () =>
  withModuleHost(AIX43, async (h) => {
    assertOk(await h.module('clone', { targets: ['hdisk1'] }));
    h.sim('reboot');

    // The boot list starts the former rootvg: the plan points it at the running rootvg first (issue 8, class 2; was refused).
    assertOk(await h.module('bootlist', { normal: ['hdisk0'] }));
    const guarded = await h.check('cleanup', { include_old_rootvg: true });
    assertOk(guarded);
    assert.deepEqual(guarded.json.commands, [['/usr/bin/bootlist', '-m', 'normal', 'hdisk1'], ['/usr/sbin/chpv', '-C', 'hdisk0']]);
    assertOk(await h.module('bootlist', { normal: ['hdisk1'] }));

    const planned = await h.check('cleanup', { include_old_rootvg: true });
    assertOk(planned);
    assert.deepEqual(planned.json.commands, [['/usr/sbin/chpv', '-C', 'hdisk0']]);
    const mark = h.mark();
    const done = await h.module('cleanup', { include_old_rootvg: true, clear_pvid: true });
    assertOk(done);
    assert.deepEqual(done.json.removed, ['old_rootvg']);
    assert.deepEqual(done.json.freed_disks, ['hdisk0']);
    assert.deepEqual(h.mutatingSince(mark), [['chpv', '-C', 'hdisk0']], 'clear_pvid does not clear it twice');
    assert.equal(h.run('lqueryvg', '-p', 'hdisk0', '-L').rc, 1);

    const facts = await h.module('facts', {});
    assertOk(facts);
    assert.equal(facts.json.warnings, undefined, String(facts.json.warnings));
    const again = await h.module('cleanup', { include_old_rootvg: true });
    assertOk(again);
    assert.equal(again.json.changed, false);
  }));

test('aix43 cleanup of altinst_rootvg: alt_disk_install -X leaves the clone on disk, and the answer says how to clear it', () =>
  withModuleHost(AIX43, async (h) => {
    assertOk(await h.module('clone', { targets: ['hdisk1'] }));
    const a = await h.module('cleanup', {});
    assertOk(a);
    assert.deepEqual(a.json.warnings, [
      'alt_disk_install -X removes only the ODM definition: hdisk1 still holds the copy on disk, which the facts report as a rootvg copy and disk_size_policy does not pick; clear_pvid: true (chpv -C) clears it, now or with include_old_rootvg: true later',
    ]);
    assert.match(msgOf(a), /the normal boot list named hdisk1, which this task frees: it was set to the running rootvg \(hdisk0\) first/);
  }));
