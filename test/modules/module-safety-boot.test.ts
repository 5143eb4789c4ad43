import { test } from 'node:test';
import assert from 'node:assert/strict';
import { aixsim } from '../helpers/sim.js';
import { assertFailed, assertOk, msgOf, withModuleHost, type ModuleHost } from '../helpers/modules.js';

// Issue 8, class 2: never remove (or overwrite) what the normal boot list starts. Every path that
// frees or overwrites a disk the normal boot list names first points the boot list at the running
// rootvg's boot disks — shown in check mode, said in the answer — so the next reboot starts a
// complete rootvg whatever happens after. Each test ends with a real (simulated) reboot.

const BOOTLIST = '/usr/bin/bootlist';

/** Reboot the simulated host; the disk it came up on (fails the test when it does not come up). */
function rebootsOn(h: ModuleHost): string {
  const r = aixsim(['reboot', h.dir]);
  assert.equal(r.rc, 0, `the host must come up after the reboot: ${r.stdout.slice(-400)}${r.stderr}`);
  return h.run('getconf', 'BOOT_DEVICE').stdout.trim();
}

test('class 2: cleanup with clear_pvid after a clone that took the boot list puts the boot list back on rootvg first (issue example)', () =>
  withModuleHost([], async (h) => {
    assertOk(await h.module('clone', { targets: ['hdisk1'] }));
    assert.equal(h.run('bootlist', '-m', 'normal', '-o').stdout.split(' ')[0], 'hdisk1', 'the clone took the boot list');

    const state = h.stateText();
    const preview = await h.check('cleanup', { clear_pvid: true });
    assertOk(preview);
    assert.deepEqual((preview.json.commands as string[][])[0], [BOOTLIST, '-m', 'normal', 'hdisk0'], 'check mode shows the boot list step first');
    assert.match(msgOf(preview), /the normal boot list named hdisk1, which this task frees: it was set to the running rootvg \(hdisk0\) first/);
    assert.deepEqual(preview.json.bootlist_set_to, ['hdisk0']);
    assert.equal(h.stateText(), state, 'check mode changed nothing');

    const mark = h.mark();
    const done = await h.module('cleanup', { clear_pvid: true });
    assertOk(done);
    assert.deepEqual(h.mutatingSince(mark), [
      ['bootlist', '-m', 'normal', 'hdisk0'],
      ['alt_rootvg_op', '-X', 'altinst_rootvg'],
      ['chpv', '-C', 'hdisk1'],
    ]);
    assert.match(msgOf(done), /set to the running rootvg \(hdisk0\) first/);
    assert.deepEqual(done.json.next_boot, { device: 'hdisk0', complete_rootvg: true });
    assert.equal(rebootsOn(h), 'hdisk0');
  }));

test('class 2: cleanup without clear_pvid: the removed clone still boots from its disk, so the boot list leaves it too', () =>
  withModuleHost([], async (h) => {
    assertOk(await h.module('clone', { targets: ['hdisk1'] }));
    const done = await h.module('cleanup', {});
    assertOk(done);
    assert.deepEqual((done.json.commands as string[][]).map((c) => c[0]), [BOOTLIST, '/usr/sbin/alt_rootvg_op']);
    // The next reboot must not start the copy the admin asked to remove.
    assert.equal(rebootsOn(h), 'hdisk0');
  }));

test('class 2: a forced redo that fails says what it removed, never "Nothing was left behind", and the host still boots', () =>
  withModuleHost([], async (h) => {
    assertOk(await h.module('clone', { targets: ['hdisk1'] }));
    h.sim('fault', 'phase1-space');
    const failed = await h.module('clone', { targets: ['hdisk2'], force: true });
    const msg = assertFailed(failed);
    assert.doesNotMatch(msg, /Nothing was left behind/);
    assert.match(msg, /Done before it stopped: set the normal boot list to hdisk0 \(the running rootvg\); removed a complete altinst_rootvg on hdisk1 \(force\)\. Nothing else was left behind/);
    assert.equal(failed.json.changed, true, 'this call removed the old clone and moved the boot list');
    assert.equal(rebootsOn(h), 'hdisk0');
  }));

test('class 2: removing old_rootvg that the boot list starts (a rollback not rebooted yet) points the boot list at the running rootvg', () =>
  withModuleHost([], async (h) => {
    assertOk(await h.module('clone', { targets: ['hdisk1'] }));
    assert.equal(rebootsOn(h), 'hdisk1');
    assertOk(await h.module('bootlist', { normal: ['hdisk0'] }), 'the rollback boot list');
    const done = await h.module('cleanup', { volume_group: 'old_rootvg' });
    assertOk(done);
    assert.deepEqual((done.json.commands as string[][])[0], [BOOTLIST, '-m', 'normal', 'hdisk1']);
    assert.equal(rebootsOn(h), 'hdisk1');
  }));
