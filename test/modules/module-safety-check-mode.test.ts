import { test } from 'node:test';
import assert from 'node:assert/strict';
import { assertFailed, assertOk, msgOf, withModuleHost } from '../helpers/modules.js';

// Issue 8, class 5: check mode across dependent tasks. `--check` of a playbook runs every task in
// check mode, so a task that depends on what an earlier task of the same run would create (the
// copy of phase 1, the disk a clone makes bootable, a script a copy task puts there) is predicted
// as a change with a warning that names the dependency, instead of failing; a real run still
// refuses when the dependency is missing.

test('class 5: check mode of clone phase 1, then phase 3 and a boot list on the clone: predicted changes with warnings, nothing changed', () =>
  withModuleHost([], async (h) => {
    const state = h.stateText();
    const p1 = await h.check('clone', { targets: ['hdisk1'], phase: '1' });
    assertOk(p1);
    assert.equal(p1.json.altinst_state, 'phase1');

    const p3 = await h.check('phase', { phase: '3', targets: ['hdisk1'] });
    assertOk(p3);
    assert.equal(p3.json.changed, true);
    assert.deepEqual(p3.json.commands, [['/usr/sbin/alt_disk_copy', '-d', 'hdisk1', '-P', '3']]);
    assert.equal(p3.json.altinst_state, 'complete');
    assert.match((p3.json.warnings as string[])[0]!, /^check mode: there is no altinst_rootvg yet; this prediction assumes that an earlier task of this run makes one on hdisk1 with phase 1 \(altdisk\.aix\.clone/);

    const bl = await h.check('bootlist', { normal: ['hdisk1', 'hdisk0'] });
    assertOk(bl);
    assert.equal(bl.json.changed, true);
    assert.match((bl.json.warnings as string[])[0]!, /^check mode: normal: hdisk1 holds no bootable rootvg yet; this prediction assumes that an earlier task of this run, a clone or mksysb install onto hdisk1/);

    assert.equal(h.stateText(), state, 'check mode changed nothing');
    assert.deepEqual(h.mutatingSince(0), []);

    // For real, nothing was created: the same tasks refuse.
    assert.match(assertFailed(await h.module('phase', { phase: '3', targets: ['hdisk1'] })), /^there is no altinst_rootvg on this host/);
    assert.match(assertFailed(await h.module('bootlist', { normal: ['hdisk1', 'hdisk0'] })), /^normal: hdisk1 holds no boot logical volume to start from/);
  }));

test('class 5: a script that an earlier copy task would put there is a warning in check mode, a refusal for real', () =>
  withModuleHost([], async (h) => {
    assertOk(await h.module('clone', { targets: ['hdisk1'], phase: '1' }));
    const later = '/tmp/altdisk-not-there-yet/customize.sh';
    const p2 = await h.check('phase', { phase: '2', script: later });
    assertOk(p2);
    assert.match((p2.json.warnings as string[])[0]!, /^check mode: script: \/tmp\/altdisk-not-there-yet\/customize\.sh does not exist yet; this prediction assumes that an earlier task of this run \(a copy or template task\) creates it/);
    assert.equal(assertFailed(await h.module('phase', { phase: '2', script: later })), 'script: /tmp/altdisk-not-there-yet/customize.sh does not exist');
  }));

test('class 5: a refusal that no earlier task could lift stays a refusal in check mode', () =>
  withModuleHost([], async (h) => {
    // hdisk4 holds datavg: no altdisk task makes it a free disk or a bootable rootvg.
    assert.match(assertFailed(await h.check('bootlist', { normal: ['hdisk4'] })), /hdisk4 holds no boot logical volume/);
    assert.match(assertFailed(await h.check('phase', { phase: '3', targets: ['hdisk4'] })), /^there is no altinst_rootvg on this host/);
    assert.match(msgOf(await h.check('clone', { targets: ['hdisk4'] })), /hdisk4 is in volume group datavg/);
  }));
