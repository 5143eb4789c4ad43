import { test } from 'node:test';
import assert from 'node:assert/strict';
import { groundTruth, quiesce } from '../helpers/ground-truth.js';
import { slowModule } from '../helpers/kill.js';
import { aixsim } from '../helpers/sim.js';
import { assertFailed, assertOk, oneJsonLine, withModuleHost, type ModuleHost } from '../helpers/modules.js';

// Issue 8, class 1: a clone cut short at any stage of alt_disk_copy (creating the logical volumes,
// the file systems, the copy of the files, the ODM, the boot image, the rename in the VGDA, the
// unmounts) and by any of the ways it ends (SIGTERM or SIGINT of the module, SIGKILL of its AIX
// command, SIGKILL of the whole process group as an Ansible async timeout does) is never taken for
// a finished copy: the facts do not call it complete or bootable, phase 3 does not continue it, the
// normal boot list still starts the running rootvg, and the host comes up there.

interface Cut {
  /** The alt_disk_copy progress line after which the kill lands. */
  stage: RegExp;
  how: 'module SIGTERM' | 'module SIGINT' | 'aix SIGKILL' | 'group SIGKILL' | 'group SIGTERM';
}

const CUTS: Cut[] = [
  { stage: /Creating logical volume alt_hd5/, how: 'group SIGKILL' },
  { stage: /Creating \/alt_inst\/ file system/, how: 'module SIGTERM' },
  { stage: /Backing-up the rootvg files/, how: 'aix SIGKILL' },
  { stage: /Building boot image on cloned disk/, how: 'module SIGINT' },
  { stage: /Changing logical volume names/, how: 'group SIGTERM' },
  { stage: /forced unmount of \/alt_inst\/usr/, how: 'aix SIGKILL' },
];

/** Run a full clone to hdisk1 and cut it short as planned; the module's answer, or null when it was killed outright. */
async function cutClone(h: ModuleHost, cut: Cut): Promise<Record<string, unknown> | null> {
  const m = slowModule('clone', h.dir, { targets: ['hdisk1'] });
  await m.until(cut.stage);
  const [target, signal] = cut.how.split(' ') as ['module' | 'aix' | 'group', NodeJS.Signals];
  if (target === 'group') process.kill(-m.child.pid!, signal);
  else if (target === 'module') process.kill(m.child.pid!, signal);
  else {
    // The AIX command the module runs now (alt_disk_copy or alt_rootvg_op, as the stage goes).
    const aix = groundTruth(h.dir).processes.find((p) => p.ppid === m.child.pid && p.command.startsWith('alt_'));
    assert.ok(aix, `no AIX command runs under the module after ${cut.stage}`);
    process.kill(aix.pid, signal);
  }
  await m.closed;
  await quiesce(h.dir);
  if (cut.how === 'group SIGKILL') return null;
  return oneJsonLine(m.out(), `clone cut by ${cut.how} after ${cut.stage}`);
}

for (const cut of CUTS) {
  test(`class 1: a clone cut short by ${cut.how} after "${cut.stage.source.replace(/\\/g, '')}": never complete or bootable, not continued, the host boots its rootvg`, () =>
    withModuleHost([], async (h) => {
      const answer = await cutClone(h, cut);
      if (answer) {
        assert.equal(answer.failed, true, `the cut-short clone answered success: ${JSON.stringify(answer)}`);
        assert.equal(answer.altinst_state, 'incomplete', String(answer.msg));
        assert.match(String(answer.msg), /half-made altinst_rootvg on hdisk1/);
      }
      const truth = groundTruth(h.dir);
      const f = (await h.module('facts', {})).json.ansible_facts as { altdisk: { altinst: { state: string }; disks: { name: string; bootable: boolean }[] } };
      assert.equal(f.altdisk.altinst.state, 'incomplete', `the truth: ${JSON.stringify(truth.copies)}`);
      assert.equal(f.altdisk.disks.find((d) => d.name === 'hdisk1')!.bootable, false);
      assert.match(assertFailed(await h.module('phase', { phase: '3' })), /does not continue a half-made copy/);
      assert.equal(truth.nextBoot.disk, 'hdisk0', `the normal boot list: ${truth.nextBoot.bootlist.join(' ')}`);
      const r = aixsim(['reboot', h.dir]);
      assert.equal(r.rc, 0, `the host must come up on its rootvg: ${r.stderr}`);
      assert.equal(h.run('getconf', 'BOOT_DEVICE').stdout.trim(), 'hdisk0');
    }));
}

// -X removes only the ODM definition. A copy cut short after phase 3 renamed its logical volumes
// keeps hd5 and a boot record on its disk, which bootinfo -B calls bootable although it stops at
// LED 518: removing a half-made copy clears its disk too (chpv -C), by cleanup or by force.
for (const remover of ['cleanup', 'a forced clone onto another disk'] as const) {
  test(`class 1/3: a half-made copy with renamed logical volumes removed by ${remover} is cleared from its disk, never called bootable`, () =>
    withModuleHost([], async (h) => {
      await cutClone(h, { stage: /forced unmount of \/alt_inst\/usr/, how: 'aix SIGKILL' });
      const cut = groundTruth(h.dir);
      assert.deepEqual([cut.copies[0]?.state, cut.disks.find((d) => d.name === 'hdisk1')?.bootRecord], ['phase3-broken', 'hd5'], 'the cut leaves renamed LVs and a boot record');
      const mark = h.mark();
      const removed = remover === 'cleanup' ? await h.module('cleanup', {}) : await h.module('clone', { targets: ['hdisk2'], phase: '1', force: true });
      assertOk(removed);
      const ran = h.mutatingSince(mark).map((c) => c.join(' '));
      assert.ok(ran.indexOf('chpv -C hdisk1') > ran.findIndex((c) => c.includes(' -X')), ran.join('; '));
      const f = (await h.module('facts', {})).json.ansible_facts as { altdisk: { disks: { name: string; bootable: boolean; free: boolean }[] } };
      assert.deepEqual(f.altdisk.disks.find((d) => d.name === 'hdisk1'), { ...f.altdisk.disks.find((d) => d.name === 'hdisk1')!, bootable: false, free: true });
    }));
}
