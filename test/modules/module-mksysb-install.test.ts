import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { assertFailed, assertOk, msgOf, withModuleHost, type ModuleHost } from '../helpers/modules.js';

// altdisk.aix.mksysb_install end to end on a simulated AIX 7.3 host (7300-02-01-2346, boot images
// 7.3.2.1). Images are written by `aixsim mksysb` into a scratch folder outside the host.

const MKSYSB = '/usr/sbin/alt_disk_mksysb';

function image(h: ModuleHost, name: string, level?: string): string {
  const file = path.join(h.scratch(), name);
  h.sim('mksysb', file, ...(level ? ['--level', level] : []));
  return file;
}

test('mksysb_install: check mode, diff, success, then changed=false; rootvg untouched', () =>
  withModuleHost([], async (h) => {
    const src = image(h, 'lpar.mksysb');
    const root = h.lspvLine('hdisk0');
    const state = h.stateText();
    const mark = h.mark();
    const planned = await h.check('mksysb_install', { source: src, targets: ['hdisk2'] }, true);
    assertOk(planned);
    assert.equal(planned.json.changed, true);
    assert.deepEqual(planned.json.commands, [[MKSYSB, '-m', src, '-d', 'hdisk2']]);
    assert.equal(planned.json.altinst_state, 'complete');
    assert.deepEqual(planned.json.bootlist, ['hdisk2']);
    assert.equal(planned.json.image_level, '7300-02');
    assert.equal(msgOf(planned), `check mode: would run alt_disk_mksysb: mksysb ${src} (7300-02) installed on hdisk2`);
    const diff = planned.json.diff as Record<string, string>;
    assert.match(diff.before!, /^hdisk2 {10}\S{16} {4}None\n/m);
    assert.match(diff.after!, /^hdisk2 {10}\S{16} {4}altinst_rootvg\n/m);
    assert.ok(diff.after!.endsWith('altinst_rootvg: complete on hdisk2\nold_rootvg: none\nbootlist normal: hdisk2\nbootlist service: hdisk0\n'), diff.after);
    assert.deepEqual(h.mutatingSince(mark), [], 'check mode: lsmksysb and the facts queries only');
    assert.ok(h.callsSince(mark).some((c) => c.argv.join(' ') === `lsmksysb -l -f ${src}`), 'the image level was read with lsmksysb');
    assert.equal(h.stateText(), state);

    const a = await h.module('mksysb_install', { source: src, targets: ['hdisk2'] });
    assertOk(a);
    assert.equal(a.json.changed, true);
    assert.equal(a.json.rc, 0);
    assert.deepEqual(h.mutatingSince(mark), [['alt_disk_mksysb', '-m', src, '-d', 'hdisk2']]);
    assert.equal((a.json.stdout_lines as string[])[0], 'Restoring /image.data from mksysb image.');
    assert.equal(a.json.altinst_state, 'complete');
    assert.deepEqual(a.json.bootlist, ['hdisk2']);
    assert.equal(h.lspvLine('hdisk0'), root);
    assert.match(h.lspvLine('hdisk2'), /^hdisk2\s+\S+\s+altinst_rootvg\s*$/);

    const mark2 = h.mark();
    const again = await h.module('mksysb_install', { source: src, targets: ['hdisk2'] });
    assertOk(again);
    assert.equal(again.json.changed, false);
    assert.deepEqual(again.json.commands, []);
    assert.equal(msgOf(again), 'altinst_rootvg is already complete on hdisk2: nothing to do');
    assert.deepEqual(h.mutatingSince(mark2), []);
  }));

test('mksysb_install: the image level is checked against the running level, the boot images and mksysb_level first', () =>
  withModuleHost([], async (h) => {
    const older = image(h, 'old.mksysb', '7200-05-01-2038');
    const newer = image(h, 'new.mksysb', '7300-03-01-2420');
    const same = image(h, 'same.mksysb');
    const mark = h.mark();
    assert.equal(
      assertFailed(await h.module('mksysb_install', { source: older, targets: ['hdisk2'] })),
      'source: the image is AIX 7.2 (7200-05), earlier than the running AIX 7.3 (7300-02-01-2346): alt_disk_mksysb cannot install an earlier version than the one installed',
    );
    assert.equal(
      assertFailed(await h.module('mksysb_install', { source: newer, targets: ['hdisk2'] })),
      "source: the image is 7.3.3 (7300-03) but bos.alt_disk_install.boot_images is 7.3.2.1: alt_disk_mksysb copies a prebuilt boot image of the image's level, so install bos.alt_disk_install.boot_images 7.3.3 first (H-9)",
    );
    assert.equal(
      assertFailed(await h.module('mksysb_install', { source: same, targets: ['hdisk2'], mksysb_level: '7.3.1' })),
      'mksysb_level: 7.3.1 does not match the image, which is 7.3.2 (7300-02): give mksysb_level: 7.3.2, or leave it out',
    );
    const notImage = path.join(h.scratch(), 'hosts');
    fs.writeFileSync(notImage, '127.0.0.1 localhost\n');
    assert.equal(
      assertFailed(await h.module('mksysb_install', { source: notImage, targets: ['hdisk2'] })),
      `source: ${notImage} is not a mksysb image (lsmksysb: 0512-054 lsmksysb: The ${notImage} device or file does not contain a valid backup image.)`,
    );
    assert.equal(assertFailed(await h.module('mksysb_install', { source: '/nonexistent/lpar.mksysb', targets: ['hdisk2'] })), 'source: /nonexistent/lpar.mksysb does not exist');
    assert.match(assertFailed(await h.module('mksysb_install', { source: same, targets: ['hdisk4'] })), /^targets: hdisk4 is in volume group datavg \(AIX would refuse with 0505-126/);
    assert.deepEqual(h.mutatingSince(mark), []);
  }));

test('mksysb_install: without bos.alt_disk_install.boot_images it fails before reading the image', () =>
  withModuleHost(['--no-fileset', 'boot_images'], async (h) => {
    const src = image(h, 'lpar.mksysb');
    const a = await h.module('mksysb_install', { source: src, targets: ['hdisk2'] });
    assert.match(assertFailed(a), /^bos\.alt_disk_install\.boot_images is not installed on this host \(lslpp: 0504-132\), and a mksysb install to an alternate disk needs it\./);
  }));

test('mksysb_install: phase 1, then phase 23 continues with the same image; another image is refused', () =>
  withModuleHost([], async (h) => {
    const a = image(h, 'a.mksysb');
    const b = image(h, 'b.mksysb');
    const p1 = await h.module('mksysb_install', { source: a, targets: ['hdisk2'], phase: '1' });
    assertOk(p1);
    assert.deepEqual(p1.json.commands, [[MKSYSB, '-m', a, '-d', 'hdisk2', '-P', '1']]);
    assert.equal(p1.json.altinst_state, 'phase1');

    const other = await h.module('mksysb_install', { source: b, targets: ['hdisk2'], phase: '1' });
    assert.equal(
      assertFailed(other),
      'this host already has an unfinished altinst_rootvg on hdisk2 (phase 1 done, /alt_inst still mounted), made from another source, so the mksysb install cannot start. Remove it with altdisk.aix.cleanup (alt_rootvg_op -X altinst_rootvg) or set force: true to have this task remove it once its other checks have passed.',
    );
    const mark = h.mark();
    const p23 = await h.module('mksysb_install', { source: a, targets: ['hdisk2'], phase: '23' });
    assertOk(p23);
    assert.deepEqual(h.mutatingSince(mark), [['alt_disk_mksysb', '-m', a, '-d', 'hdisk2', '-P', '23']]);
    assert.equal(p23.json.altinst_state, 'complete');
    assert.deepEqual(p23.json.bootlist, ['hdisk2']);
  }));

test('mksysb_install: a complete altinst_rootvg made from ANOTHER image is not "already done"', () =>
  withModuleHost([], async (h) => {
    const a = image(h, 'a.mksysb');
    const b = image(h, 'b.mksysb');
    assertOk(await h.module('mksysb_install', { source: a, targets: ['hdisk2'] }));
    const mark = h.mark();
    const other = await h.module('mksysb_install', { source: b, targets: ['hdisk2'] });
    // The spec: "a complete altinst_rootvg from this image on exactly these targets reports
    // changed=false". From another image the task must not claim success with nothing done.
    assert.equal(other.json.failed, true, `expected a refusal naming the other source, got: ${JSON.stringify(other.json.msg)}`);
    assert.match(msgOf(other), /made from another source/);
    assert.deepEqual(h.mutatingSince(mark), []);
  }));

test('mksysb_install: every flag lands in alt_disk_mksysb argv in the documented order', () =>
  withModuleHost([], async (h) => {
    const src = image(h, 'lpar.mksysb');
    const file = h.scratchFile;
    const imageData = file('image.data');
    const script = file('custom.sh', 0o755);
    const resolv = file('resolv.conf');
    const a = await h.check('mksysb_install', {
      source: src,
      targets: ['hdisk2', 'hdisk3'],
      image_data: imageData,
      script,
      resolv_conf: resolv,
      platform: 'chrp',
      mksysb_level: '7.3.2',
      remain_nim_client: true,
      phase: '12',
      console: '/dev/vty0',
      kernel_64: true,
      debug: true,
      bootlist: false,
      device_reset: true,
      verbose: true,
      skip_bootable_check: true,
      keep_devices: true,
      no_import: true,
      convert_jfs: true,
      skip_space_check: true,
    });
    assertOk(a);
    assert.deepEqual(a.json.commands, [
      [
        MKSYSB,
        '-m', src,
        '-d', 'hdisk2 hdisk3',
        '-i', imageData,
        '-s', script,
        '-R', resolv,
        '-p', 'chrp',
        '-L', '7.3.2',
        '-n',
        '-P', '12',
        '-c', '/dev/vty0',
        '-K', '-D', '-B', '-O', '-V', '-g', '-k', '-z', '-T', '-S',
      ],
    ]);
    assert.equal(a.json.altinst_state, 'phase1');
  }));
