import { test } from 'node:test';
import assert from 'node:assert/strict';
import { planClone, type CloneParams } from '../../modules/src/plan/clone.js';
import { validateParams } from '../../modules/src/runtime/module.js';
import { cloneSpec } from '../../modules/src/specs/clone.js';
import { validate } from '../../modules/src/generated/validate-clone.js';
import type { HostFacts } from '../../modules/src/facts/types.js';
import { DIR, FILE, probeOf, refusal, SCRIPT, sceneFacts } from './plan-facts.js';

// planClone: options + facts -> the exact commands, the predicted state, or a refusal. Facts come
// from simulated hosts gathered once; nothing here runs a command.

const COPY = '/usr/sbin/alt_disk_copy';
const INSTALL = '/usr/sbin/alt_disk_install';
const noFiles = probeOf({});

function params(raw: Record<string, unknown>): CloneParams {
  const r = validateParams(cloneSpec, validate, raw);
  assert.ok('params' in r, `invalid test params: ${JSON.stringify(r)}`);
  return r.params;
}

function disk(f: HostFacts, name: string) {
  return f.disks.find((d) => d.name === name)!;
}

test('plan clone: targets on a fresh host: one alt_disk_copy, predicted complete with the boot list on the first target', async () => {
  const f = await sceneFacts('fresh');
  const plan = planClone(params({ targets: ['hdisk2', 'hdisk3'] }), f, noFiles);
  assert.deepEqual(plan.commands, [{ argv: [COPY, '-d', 'hdisk2 hdisk3'], why: 'clone rootvg to hdisk2 hdisk3' }]);
  assert.equal(plan.msg, 'rootvg cloned to hdisk2 hdisk3');
  assert.deepEqual(plan.warnings, []);
  assert.deepEqual(plan.result, { targets: ['hdisk2', 'hdisk3'], cmd: [COPY, '-d', 'hdisk2 hdisk3'] });
  assert.deepEqual(plan.predicted.altinst, { state: 'complete', disks: ['hdisk2', 'hdisk3'] });
  assert.deepEqual(plan.predicted.bootlist, { normal: ['hdisk2'], service: ['hdisk0'] });
  assert.deepEqual(
    plan.predicted.disks.map((d) => [d.name, d.vg, d.active, d.pvid === null ? null : d.pvid === '(new)' ? 'new' : 'kept']),
    [
      ['hdisk0', 'rootvg', true, 'kept'],
      ['hdisk1', null, false, 'kept'],
      ['hdisk2', 'altinst_rootvg', false, 'kept'],
      ['hdisk3', 'altinst_rootvg', false, 'new'],
      ['hdisk4', 'datavg', true, 'kept'],
    ],
  );
});

test('plan clone: phases, bootlist and reboot shape the prediction', async () => {
  const f = await sceneFacts('fresh');
  const p1 = planClone(params({ targets: ['hdisk2'], phase: '1' }), f, noFiles);
  assert.deepEqual(p1.commands[0]!.argv, [COPY, '-d', 'hdisk2', '-P', '1']);
  assert.deepEqual(p1.predicted.altinst, { state: 'phase1', disks: ['hdisk2'] });
  assert.equal(p1.predicted.disks[2]!.active, true, 'phase 1 leaves altinst_rootvg varied on');
  assert.deepEqual(p1.predicted.bootlist.normal, ['hdisk0']);
  assert.equal(p1.msg, 'rootvg cloned to hdisk2 (phase 1)');

  const noBoot = planClone(params({ targets: ['hdisk2'], bootlist: false }), f, noFiles);
  assert.deepEqual(noBoot.commands[0]!.argv, [COPY, '-d', 'hdisk2', '-B']);
  assert.deepEqual(noBoot.predicted.bootlist.normal, ['hdisk0']);

  const reboot = planClone(params({ targets: ['hdisk2'], reboot: true }), f, noFiles);
  assert.deepEqual(reboot.commands[0]!.argv, [COPY, '-d', 'hdisk2', '-r']);
  assert.deepEqual(reboot.predicted.rootvgDisks, ['hdisk2'], 'after the reboot the clone is rootvg');
  assert.deepEqual(reboot.predicted.oldRootvg, ['hdisk0']);
  assert.deepEqual(reboot.predicted.altinst, { state: 'none', disks: [] });
});

test('plan clone: disk_size_policy picks one disk by size (rootvg 30688 MB, 10656 MB in use)', async () => {
  const f = await sceneFacts('fresh');
  const pick = (policy: string) => planClone(params({ disk_size_policy: policy }), f, noFiles).result.targets;
  assert.deepEqual(pick('minimize'), ['hdisk1'], 'the smallest disk that holds the used partitions');
  assert.deepEqual(pick('upper'), ['hdisk2'], 'the smallest disk at least as large as rootvg');
  assert.deepEqual(pick('lower'), ['hdisk1'], 'the largest disk smaller than rootvg');
  assert.deepEqual(pick('nearest'), ['hdisk1'], '20480 is 10208 MB away, 40960 is 10272 MB away');

  const small = structuredClone(f);
  for (const d of small.disks) if (d.free) d.sizeMb = 4096;
  assert.equal(
    refusal(() => planClone(params({ disk_size_policy: 'upper' }), small, noFiles)),
    'disk_size_policy upper: No free disk can hold one copy of rootvg (10656 MB in use, 30688 MB in all): the free disks are hdisk1 4096 MB, hdisk2 4096 MB, hdisk3 4096 MB.',
  );
});

test('plan clone: a mirrored rootvg is cloned as ONE copy, with a warning', async () => {
  const f = await sceneFacts('mirrored');
  const plan = planClone(params({ disk_size_policy: 'minimize' }), f, noFiles);
  assert.deepEqual(plan.result.targets, ['hdisk2'], 'hdisk1 holds the mirror: it is not free');
  assert.deepEqual(plan.warnings, ['rootvg is mirrored (2 copies): the clone on hdisk2 is a single copy; mirror it after booting it if you need to.']);
});

test('plan clone: target checks, in the words an admin acts on', async () => {
  const f = await sceneFacts('fresh');
  assert.match(refusal(() => planClone(params({ targets: ['hdisk4'] }), f, noFiles)), /^targets: hdisk4 is in volume group datavg \(AIX would refuse with 0505-126: target disk hdisk4 has a volume group assigned to it\)/);
  assert.equal(refusal(() => planClone(params({ targets: ['hdisk12'] }), f, noFiles)), 'targets: hdisk12 does not exist on this host (lspv lists hdisk0, hdisk1, hdisk2, hdisk3, hdisk4)');

  const odm = structuredClone(f);
  disk(odm, 'hdisk2').free = false;
  assert.equal(
    refusal(() => planClone(params({ targets: ['hdisk2'] }), odm, noFiles)),
    'targets: hdisk2 shows None in lspv but the ODM still places it in a volume group (getlvodm -j); clear it (chpv -C hdisk2) or choose another disk',
  );

  const tiny = structuredClone(f);
  disk(tiny, 'hdisk1').sizeMb = 10000;
  assert.match(refusal(() => planClone(params({ targets: ['hdisk1'] }), tiny, noFiles)), /^targets: hdisk1 hold 10000 MB, less than the 10656 MB of rootvg in use/);
  assert.deepEqual(planClone(params({ targets: ['hdisk1'], skip_space_check: true }), tiny, noFiles).warnings, [], 'skip_space_check skips the size checks');
  assert.deepEqual(planClone(params({ targets: ['hdisk1', 'hdisk2'] }), f, noFiles).warnings, [], 'two disks together hold rootvg');
});

test('plan clone: option files are probed (exists, kind, executable), all problems in one message', async () => {
  const f = await sceneFacts('fresh');
  const probe = probeOf({ '/s/custom.sh': SCRIPT, '/s/plain.sh': FILE, '/s/image.data': FILE, '/s/lpp': DIR, '/s/dir': DIR });
  assert.doesNotThrow(() => planClone(params({ targets: ['hdisk1'], script: '/s/custom.sh', image_data: '/s/image.data', bundle: 'update_all', images_location: '/s/lpp' }), f, probe));
  assert.equal(
    refusal(() => planClone(params({ targets: ['hdisk1'], script: '/s/plain.sh', image_data: '/s/dir', exclude_list: '/s/none', images_location: '/s/plain.sh', bundle: '/s/none.bnd' }), f, probe)),
    'image_data: /s/dir is not a file; script: /s/plain.sh is not executable (AIX requires it; chmod +x /s/plain.sh); exclude_list: /s/none does not exist; bundle: /s/none.bnd does not exist; images_location: /s/plain.sh is not a directory or a device',
  );
  const unreadable = probeOf({ '/s/resolv.conf': { kind: 'file', readable: false } });
  assert.equal(refusal(() => planClone(params({ targets: ['hdisk1'], resolv_conf: '/s/resolv.conf' }), f, unreadable)), 'resolv_conf: /s/resolv.conf is not readable');
});

test('plan clone: an existing altinst_rootvg — done, in the way, or removed first with force', async () => {
  const complete = await sceneFacts('complete');
  const done = planClone(params({ targets: ['hdisk1'] }), complete, noFiles);
  assert.deepEqual(done.commands, []);
  assert.equal(done.msg, 'altinst_rootvg is already complete on hdisk1: nothing to do');
  assert.deepEqual(done.predicted.altinst, { state: 'complete', disks: ['hdisk1'] });

  assert.match(refusal(() => planClone(params({ targets: ['hdisk2'] }), complete, noFiles)), /^this host already has a complete altinst_rootvg on hdisk1, so the clone cannot start\. Remove it with altdisk\.aix\.cleanup/);
  const forced = planClone(params({ targets: ['hdisk2'], force: true }), complete, noFiles);
  assert.deepEqual(
    forced.commands.map((c) => c.argv),
    [
      // The old clone is what the boot list starts: the boot list goes back to rootvg first (issue 8, class 2).
      ['/usr/bin/bootlist', '-m', 'normal', 'hdisk0'],
      ['/usr/sbin/alt_rootvg_op', '-X', 'altinst_rootvg'],
      [COPY, '-d', 'hdisk2'],
    ],
  );
  assert.equal(forced.commands[1]!.why, 'force: remove a complete altinst_rootvg on hdisk1 before cloning');
  assert.deepEqual(forced.predicted.disks.find((d) => d.name === 'hdisk1')!.vg, null, 'the old clone disk is predicted free');
  assert.deepEqual(forced.predicted.altinst, { state: 'complete', disks: ['hdisk2'] });
  assert.equal(
    forced.msg,
    'altinst_rootvg on hdisk1 removed, then rootvg cloned to hdisk2; the normal boot list named hdisk1, which this task frees or overwrites: it was set to the running rootvg (hdisk0) first, so the next reboot starts that',
  );

  // force onto the disk being freed: it counts as free once the old clone is removed.
  const reuse = planClone(params({ targets: ['hdisk1', 'hdisk2'], force: true }), complete, noFiles);
  assert.equal(reuse.commands.length, 3);
  // and force never skips a check: an invalid target fails first, with no plan at all.
  assert.match(refusal(() => planClone(params({ targets: ['hdisk4'], force: true }), complete, noFiles)), /^targets: hdisk4 is in volume group datavg/);
  assert.equal(refusal(() => planClone(params({ targets: ['hdisk2'], force: true, script: '/nope.sh' }), complete, noFiles)), 'script: /nope.sh does not exist');
});

test('plan clone: a complete clone found by disk_size_policy is "the clone"; with another bootlist first, a warning', async () => {
  const complete = await sceneFacts('complete');
  const same = planClone(params({ disk_size_policy: 'nearest' }), complete, noFiles);
  assert.deepEqual(same.commands, []);
  assert.deepEqual(same.result.targets, ['hdisk1']);
  const other = structuredClone(complete);
  other.bootlists.normal = [{ device: 'hdisk0', attrs: { blv: 'hd5' }, pathIds: [] }];
  assert.deepEqual(planClone(params({ targets: ['hdisk1'] }), other, noFiles).warnings, [
    'the normal boot list starts with hdisk0, not with altinst_rootvg on hdisk1: the next reboot does not start the clone. Set it with altdisk.aix.bootlist when you want to boot it.',
  ]);
  assert.deepEqual(planClone(params({ targets: ['hdisk1'], bootlist: false }), other, noFiles).warnings, [], 'bootlist: false asked for exactly that');
});

test('plan clone: an unfinished (phase 1) altinst_rootvg', async () => {
  const f = await sceneFacts('phase1');
  assert.equal(planClone(params({ targets: ['hdisk1'], phase: '1' }), f, noFiles).commands.length, 0);
  const p12 = planClone(params({ targets: ['hdisk1'], phase: '12' }), f, noFiles);
  assert.deepEqual(p12.commands, []);
  assert.deepEqual(p12.warnings, ['phase 2 is not run again on an existing phase-1 altinst_rootvg; run it with altdisk.aix.phase (phase: "2")']);
  assert.match(refusal(() => planClone(params({ targets: ['hdisk1'] }), f, noFiles)), /Finish it with altdisk\.aix\.phase \(phase: "23"\), remove it with altdisk\.aix\.cleanup, or set force: true/);
  const p23 = planClone(params({ targets: ['hdisk1'], phase: '23' }), f, noFiles);
  assert.deepEqual(p23.commands.map((c) => c.argv), [[COPY, '-d', 'hdisk1', '-P', '23']], 'phase 2/3 continue it');
  assert.deepEqual(p23.predicted.altinst, { state: 'complete', disks: ['hdisk1'] });
});

test('plan clone: the AIX 4.3 syntax, and the 5.3+ alt_disk_install wrapper', async () => {
  const legacy = await sceneFacts('aix43');
  const plan = planClone(params({ targets: ['hdisk1', 'hdisk2'], phase: '1', verbose: true }), legacy, noFiles);
  assert.deepEqual(plan.commands.map((c) => c.argv), [[INSTALL, '-C', '-V', '-P', '1', 'hdisk1', 'hdisk2']]);
  assert.equal(refusal(() => planClone(params({ targets: ['hdisk1'], convert_jfs: true }), legacy, noFiles)), 'convert_jfs (-T): alt_disk_install has no such flag below AIX 5.3 (this host runs 4.3.3.0)');

  const modern = await sceneFacts('fresh');
  const wrapper = planClone(params({ targets: ['hdisk1'], command: 'alt_disk_install', debug: true }), modern, noFiles);
  assert.deepEqual(wrapper.commands.map((c) => c.argv), [[INSTALL, '-C', '-D', 'hdisk1']]);
  assert.equal(
    refusal(() => planClone(params({ targets: ['hdisk1'], command: 'alt_disk_install', first_boot_script: '/fb' }), modern, probeOf({ '/fb': SCRIPT }))),
    'first_boot_script (-x): alt_disk_install has no such flag (the 5.3+ wrapper takes only the old flags); use command: alt_disk_copy',
  );
  const p43 = await sceneFacts('aix43-phase1');
  assert.deepEqual(planClone(params({ targets: ['hdisk1'], phase: '3' }), p43, noFiles).commands.map((c) => c.argv), [[INSTALL, '-C', '-P', '3', 'hdisk1']]);
});

test('plan clone: without bos.alt_disk_install.rte nothing is planned', async () => {
  const f = await sceneFacts('fresh');
  f.altDiskFilesets.rte = null;
  assert.match(refusal(() => planClone(params({ targets: ['hdisk1'] }), f, noFiles)), /^bos\.alt_disk_install\.rte is not installed on this host \(lslpp: 0504-132\)/);
});
