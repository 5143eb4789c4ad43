import { test } from 'node:test';
import assert from 'node:assert/strict';
import { imageVrm, legacyBootImageName, planMksysbInstall, type MksysbContext, type MksysbParams } from '../../modules/src/plan/mksysb.js';
import type { LsmksysbAnswer } from '../../modules/src/facts/parse/lsmksysb.js';
import { validateParams } from '../../modules/src/runtime/module.js';
import { mksysbInstallSpec } from '../../modules/src/specs/mksysb_install.js';
import { validate } from '../../modules/src/generated/validate-mksysb_install.js';
import { FILE, probeOf, refusal, sceneFacts } from './plan-facts.js';

// planMksysbInstall with the image described in code (what lsmksysb would have said), on facts
// gathered from simulated hosts (AIX 7.3.2 with boot images 7.3.2.1, and AIX 4.3.3).

const MKSYSB = '/usr/sbin/alt_disk_mksysb';
const INSTALL = '/usr/sbin/alt_disk_install';
const SRC = '/export/mksysb/lpar.mksysb';
const files = probeOf({ [SRC]: FILE, '/dev/rmt0': { kind: 'device' } });

function params(raw: Record<string, unknown>): MksysbParams {
  const r = validateParams(mksysbInstallSpec, validate, { source: SRC, ...raw });
  assert.ok('params' in r, `invalid test params: ${JSON.stringify(r)}`);
  return r.params;
}

function image(level: { oslevel?: string; ml?: string; sp?: string }, backupSizeMb: number | null = 10656): LsmksysbAnswer {
  return {
    image: true,
    volumeGroup: 'rootvg',
    oslevel: level.oslevel ?? null,
    maintenanceLevel: level.ml ?? null,
    servicePack: level.sp ?? null,
    backupSizeMb,
    lvs: [],
    fields: new Map(),
  };
}

const IMAGE_732: MksysbContext = { image: image({ oslevel: '7.3.2.1', ml: '7300-02' }), legacyBootImage: null };

test('plan mksysb: the image level V.R.M from lsmksysb, and the 4.3 boot image name', () => {
  const vrm = (l: Parameters<typeof image>[0]) => imageVrm(image(l) as Extract<LsmksysbAnswer, { image: true }>);
  assert.equal(vrm({ ml: '7300-02' }), '7.3.2');
  assert.equal(vrm({ sp: '7200-05-03-2148' }), '7.2.5');
  assert.equal(vrm({ oslevel: '4.3.3.0' }), '4.3.3');
  assert.equal(vrm({}), null);
  assert.equal(legacyBootImageName('rspc', '4.3.3'), 'rspc_4.3.3_boot');
});

test('plan mksysb: a matching image on a free disk: alt_disk_mksysb -m -d, predicted complete', async () => {
  const f = await sceneFacts('fresh');
  const plan = planMksysbInstall(params({ targets: ['hdisk2'] }), f, files, IMAGE_732);
  assert.deepEqual(plan.commands, [{ argv: [MKSYSB, '-m', SRC, '-d', 'hdisk2'], why: `install ${SRC} on hdisk2` }]);
  assert.deepEqual(plan.result, { targets: ['hdisk2'], cmd: [MKSYSB, '-m', SRC, '-d', 'hdisk2'], image_level: '7300-02' });
  assert.equal(plan.msg, `mksysb ${SRC} (7300-02) installed on hdisk2`);
  assert.deepEqual(plan.predicted.altinst, { state: 'complete', disks: ['hdisk2'] });
  assert.deepEqual(plan.predicted.bootlist.normal, ['hdisk2']);
  const tape = planMksysbInstall(params({ source: '/dev/rmt0', targets: ['hdisk2'], mksysb_level: '7.3.2', no_import: true }), f, files, IMAGE_732);
  assert.deepEqual(tape.commands[0]!.argv, [MKSYSB, '-m', '/dev/rmt0', '-d', 'hdisk2', '-L', '7.3.2', '-z']);
});

test('plan mksysb: level checks — earlier version, boot images, mksysb_level, unknown level, not an image', async () => {
  const f = await sceneFacts('fresh');
  const ctx = (l: Parameters<typeof image>[0]): MksysbContext => ({ image: image(l), legacyBootImage: null });
  assert.equal(
    refusal(() => planMksysbInstall(params({ targets: ['hdisk2'] }), f, files, ctx({ ml: '7200-05' }))),
    'source: the image is AIX 7.2 (7200-05), earlier than the running AIX 7.3 (7300-02-01-2346): alt_disk_mksysb cannot install an earlier version than the one installed',
  );
  assert.match(refusal(() => planMksysbInstall(params({ targets: ['hdisk2'] }), f, files, ctx({ ml: '7300-03' }))), /^source: the image is 7\.3\.3 \(7300-03\) but bos\.alt_disk_install\.boot_images is 7\.3\.2\.1/);
  assert.equal(
    refusal(() => planMksysbInstall(params({ targets: ['hdisk2'], mksysb_level: '7.3.0' }), f, files, IMAGE_732)),
    'mksysb_level: 7.3.0 does not match the image, which is 7.3.2 (7300-02): give mksysb_level: 7.3.2, or leave it out',
  );
  assert.match(refusal(() => planMksysbInstall(params({ targets: ['hdisk2'] }), f, files, ctx({}))), /^source: lsmksysb does not say which AIX level/);
  assert.equal(
    refusal(() => planMksysbInstall(params({ targets: ['hdisk2'] }), f, files, { image: { image: false, message: '0512-054 lsmksysb: not a backup' }, legacyBootImage: null })),
    `source: ${SRC} is not a mksysb image (lsmksysb: 0512-054 lsmksysb: not a backup)`,
  );
  assert.equal(refusal(() => planMksysbInstall(params({ source: '/missing.mksysb', targets: ['hdisk2'] }), f, files, IMAGE_732)), 'source: /missing.mksysb does not exist');
});

test('plan mksysb: targets must be free and large enough for the backup', async () => {
  const f = await sceneFacts('fresh');
  assert.match(refusal(() => planMksysbInstall(params({ targets: ['hdisk0'] }), f, files, IMAGE_732)), /^targets: hdisk0 is in volume group rootvg \(AIX would refuse with 0505-126/);
  const big: MksysbContext = { image: image({ ml: '7300-02' }, 50000), legacyBootImage: null };
  assert.equal(refusal(() => planMksysbInstall(params({ targets: ['hdisk2'] }), f, files, big)), 'targets: hdisk2 hold 40960 MB, less than the 50000 MB the image needs: choose larger disks');
  assert.equal(planMksysbInstall(params({ targets: ['hdisk2'], skip_space_check: true }), f, files, big).commands.length, 1);
  assert.equal(planMksysbInstall(params({ targets: ['hdisk2', 'hdisk3'] }), f, files, big).commands.length, 1);
});

test('plan mksysb: an existing phase-1 altinst_rootvg from this image or from another', async () => {
  const f = await sceneFacts('mksysb-phase1');
  const made = f.altRootvg.decidedBy!.words[f.altRootvg.decidedBy!.words.indexOf('-m') + 1]!;
  const probe = probeOf({ [made]: FILE, [SRC]: FILE });
  const same = planMksysbInstall(params({ source: made, targets: ['hdisk2'], phase: '1' }), f, probe, IMAGE_732);
  assert.deepEqual(same.commands, []);
  assert.equal(same.result.image_level, '7300-02');
  assert.match(refusal(() => planMksysbInstall(params({ targets: ['hdisk2'], phase: '1' }), f, probe, IMAGE_732)), /, made from another source, so the mksysb install cannot start\./);
  const forced = planMksysbInstall(params({ targets: ['hdisk2'], force: true }), f, probe, IMAGE_732);
  assert.deepEqual(
    forced.commands.map((c) => c.argv),
    [
      ['/usr/sbin/alt_rootvg_op', '-X', 'altinst_rootvg'],
      [MKSYSB, '-m', SRC, '-d', 'hdisk2'],
    ],
  );
  const p3 = planMksysbInstall(params({ source: made, targets: ['hdisk2'], phase: '3', bootlist: false }), f, probe, IMAGE_732);
  assert.deepEqual(p3.commands.map((c) => c.argv), [[MKSYSB, '-m', made, '-d', 'hdisk2', '-P', '3', '-B']]);
});

test('plan mksysb on AIX 4.3: alt_disk_install -d with the image level as -L, and the boot image file must exist', async () => {
  const f = await sceneFacts('aix43');
  const img43 = image({ oslevel: '4.3.3.0' });
  const ok: MksysbContext = { image: img43, legacyBootImage: { name: 'chrp_4.3.3_boot', platform: 'chrp', exists: true } };
  const plan = planMksysbInstall(params({ targets: ['hdisk2'] }), f, files, ok);
  assert.deepEqual(plan.commands.map((c) => c.argv), [[INSTALL, '-d', SRC, '-L', '4.3.3', 'hdisk2']]);
  const missing: MksysbContext = { image: img43, legacyBootImage: { name: 'rspc_4.3.3_boot', platform: 'rspc', exists: false } };
  assert.equal(
    refusal(() => planMksysbInstall(params({ targets: ['hdisk2'], platform: 'rspc' }), f, files, missing)),
    'there is no boot image /usr/lpp/bos.alt_disk_install/boot_images/rspc_4.3.3_boot for a 4.3.3 image on platform rspc: install bos.alt_disk_install.boot_images at level 4.3.3, or give the platform (-p) the image was made for',
  );
  assert.equal(
    refusal(() => planMksysbInstall(params({ targets: ['hdisk2'], kernel_64: true, import_vg: true }), f, files, ok)),
    'kernel_64 (-K), import_vg (-y): alt_disk_install -d has no such flag below AIX 5.3 (this host runs 4.3.3.0)',
  );
  assert.match(refusal(() => planMksysbInstall(params({ targets: ['hdisk2'], command: 'alt_disk_mksysb' }), f, files, ok)), /^command: alt_disk_mksysb does not exist below AIX 5\.3/);
});
