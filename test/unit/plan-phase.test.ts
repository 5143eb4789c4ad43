import { test } from 'node:test';
import assert from 'node:assert/strict';
import { planContinuation } from '../../modules/src/plan/continuation.js';
import { planPhase, type PhaseParams } from '../../modules/src/plan/phase.js';
import type { AltDiskLogRecord } from '../../modules/src/facts/parse/alt-disk-log.js';
import type { HostFacts } from '../../modules/src/facts/types.js';
import { validateParams } from '../../modules/src/runtime/module.js';
import { phaseSpec } from '../../modules/src/specs/phase.js';
import { validate } from '../../modules/src/generated/validate-phase.js';
import { DIR, probeOf, refusal, SCRIPT, sceneFacts } from './plan-facts.js';

// planPhase and planContinuation: which command continues an altinst_rootvg (the one that made it,
// from its alt_disk_inst.log record), and what each state allows.

const COPY = '/usr/sbin/alt_disk_copy';
const MKSYSB = '/usr/sbin/alt_disk_mksysb';
const INSTALL = '/usr/sbin/alt_disk_install';
const noFiles = probeOf({});

function params(raw: Record<string, unknown>): PhaseParams {
  const r = validateParams(phaseSpec, validate, raw);
  assert.ok('params' in r, `invalid test params: ${JSON.stringify(r)}`);
  return r.params;
}

function record(commandLine: string): AltDiskLogRecord {
  const words = commandLine.split(/\s+/);
  return { date: 'Mon Nov 23 20:00:00 UTC 2026', commandLine, words, program: words[0]!.split('/').pop()!, output: [] };
}

function madeBy(f: HostFacts, commandLine: string | null): HostFacts {
  const g = structuredClone(f);
  g.altRootvg.decidedBy = commandLine === null ? null : record(commandLine);
  g.altRootvg.madeBy = g.altRootvg.decidedBy;
  return g;
}

test('plan phase: phase 2 and 3 of a clone continue with alt_disk_copy; 2 predicts no change of state, 3 completes it', async () => {
  const f = await sceneFacts('phase1');
  const p2 = planPhase(params({ phase: '2' }), f, noFiles);
  assert.deepEqual(p2.commands, [{ argv: [COPY, '-d', 'hdisk1', '-P', '2'], why: 'phase 2 on altinst_rootvg (hdisk1)' }]);
  assert.deepEqual(p2.predicted.altinst, { state: 'phase1', disks: ['hdisk1'] });
  assert.deepEqual(p2.predicted.bootlist.normal, ['hdisk0']);
  assert.equal(p2.msg, 'phase 2 run on altinst_rootvg (hdisk1)');
  const p3 = planPhase(params({ phase: '3' }), f, noFiles);
  assert.deepEqual(p3.predicted.altinst, { state: 'complete', disks: ['hdisk1'] });
  assert.deepEqual(p3.predicted.bootlist.normal, ['hdisk1']);
  assert.equal(p3.predicted.disks.find((d) => d.name === 'hdisk1')!.active, false, 'phase 3 varies altinst_rootvg off');
  const reboot = planPhase(params({ phase: '23', reboot: true }), f, noFiles);
  assert.deepEqual(reboot.commands[0]!.argv, [COPY, '-d', 'hdisk1', '-P', '23', '-r']);
  assert.deepEqual(reboot.predicted.rootvgDisks, ['hdisk1']);
  assert.deepEqual(reboot.predicted.oldRootvg, ['hdisk0']);
});

test('plan phase: phase-2 options in alt_disk_copy order; files probed first', async () => {
  const f = await sceneFacts('phase1');
  const probe = probeOf({ '/s/c.sh': SCRIPT, '/s/lpp': DIR, '/s/r.conf': { kind: 'file' } });
  const p = planPhase(params({ phase: '2', script: '/s/c.sh', resolv_conf: '/s/r.conf', filesets: ['bos.rte', 'bos.net'], installp_flags: '-acgX', images_location: '/s/lpp', remain_nim_client: true, debug: true }), f, probe);
  assert.deepEqual(p.commands[0]!.argv, [COPY, '-d', 'hdisk1', '-s', '/s/c.sh', '-I', '-acgX', '-l', '/s/lpp', '-w', 'bos.rte bos.net', '-n', '-P', '2', '-R', '/s/r.conf', '-D']);
  assert.equal(refusal(() => planPhase(params({ phase: '2', script: '/s/none.sh' }), f, probe)), 'script: /s/none.sh does not exist');
});

test('plan phase: the command that made altinst_rootvg continues it (log record), unknown -> clone with a warning', async () => {
  const f = await sceneFacts('phase1');
  const mk = madeBy(f, '/usr/sbin/alt_disk_mksysb -m /export/img.mksysb -d hdisk1 -P 1');
  assert.deepEqual(planPhase(params({ phase: '3' }), mk, noFiles).commands[0]!.argv, [MKSYSB, '-m', '/export/img.mksysb', '-d', 'hdisk1', '-P', '3']);
  const old = madeBy(f, '/usr/sbin/alt_disk_install -d /dev/rmt0 -P 1 hdisk1');
  assert.deepEqual(planPhase(params({ phase: '3' }), old, noFiles).commands[0]!.argv, [MKSYSB, '-m', '/dev/rmt0', '-d', 'hdisk1', '-P', '3'], 'a 5.3+ host continues with the modern command');
  assert.deepEqual(planPhase(params({ phase: '3', command: 'alt_disk_install' }), old, noFiles).commands[0]!.argv, [INSTALL, '-d', '/dev/rmt0', '-P', '3', 'hdisk1']);
  const unknown = planPhase(params({ phase: '3' }), madeBy(f, null), noFiles);
  assert.deepEqual(unknown.commands[0]!.argv, [COPY, '-d', 'hdisk1', '-P', '3']);
  assert.deepEqual(unknown.warnings, ['/var/adm/ras/alt_disk_inst.log does not say which command made altinst_rootvg: continuing it as a clone']);
  const noSource = madeBy(f, '/usr/sbin/alt_disk_mksysb -d hdisk1 -P 1');
  assert.match(refusal(() => planPhase(params({ phase: '3' }), noSource, noFiles)), /^cannot tell which mksysb image made altinst_rootvg/);
  assert.match(
    refusal(() => planPhase(params({ phase: '2', bundle: 'update_all', images_location: '/s/lpp' }), mk, probeOf({ '/s/lpp': DIR }))),
    /^bundle, fix_bundle, fixes, filesets, installp_flags and images_location apply to clones only/,
  );
});

test('plan phase: what each altinst_rootvg state allows', async () => {
  const fresh = await sceneFacts('fresh');
  assert.match(refusal(() => planPhase(params({ phase: '3' }), fresh, noFiles)), /^there is no altinst_rootvg on this host, so phase 3 has nothing to continue: start with phase 1 \([^)]*\)\.$/);
  // Check mode cannot guess the disks of an earlier task's phase 1: the refusal says how to let it predict.
  assert.match(
    refusal(() => planPhase(params({ phase: '3' }), fresh, noFiles, { checkMode: true, changedBy: null })),
    / In check mode a phase 1 of an earlier task has not run yet: give targets \(the disks it copies to\) and check mode predicts from the copy it would make\.$/,
  );
  const complete = await sceneFacts('complete');
  const p3 = planPhase(params({ phase: '3' }), complete, noFiles);
  assert.deepEqual(p3.commands, []);
  assert.equal(p3.msg, 'altinst_rootvg on hdisk1 is already complete: phase 3 has nothing to do');
  assert.match(refusal(() => planPhase(params({ phase: '23' }), complete, noFiles)), /^altinst_rootvg on hdisk1 is complete \(phase 3 done\): phase 2 can no longer run on it/);
  const awake = await sceneFacts('awake');
  assert.equal(awake.altRootvg.state, 'awake');
  assert.match(refusal(() => planPhase(params({ phase: '3' }), awake, noFiles)), /^a woken-up altinst_rootvg on hdisk1 .* cannot go through phase 3: .* alt_rootvg_op -S/);
  const byHand = await sceneFacts('varied-on-by-hand');
  assert.equal(byHand.altRootvg.state, 'varied-on-by-hand');
  assert.match(refusal(() => planPhase(params({ phase: '2' }), byHand, noFiles)), /its logical volumes are not in the ODM, so no phase can run on it\. Remove it \(altdisk\.aix\.cleanup\) and clone again\.$/);
  const phase1 = await sceneFacts('phase1');
  assert.equal(refusal(() => planPhase(params({ phase: '2', targets: ['hdisk1', 'hdisk2'] }), phase1, noFiles)), 'targets: altinst_rootvg is on hdisk1, not on hdisk1 hdisk2');
});

test('plan continuation on AIX 4.3: alt_disk_install -C -P 3 with the targets last', async () => {
  const f = await sceneFacts('aix43-phase1');
  const plan = planContinuation({ phase: '3', legacy: true, flags: { targets: [], noBootlist: true } }, f);
  assert.deepEqual(plan.commands[0]!.argv, [INSTALL, '-C', '-B', '-P', '3', 'hdisk1']);
  assert.deepEqual(plan.predicted.bootlist.normal, ['hdisk0'], '-B keeps the boot list');
});
