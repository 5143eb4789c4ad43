import type { HostFacts } from '../facts/types.js';
import type { LsmksysbAnswer } from '../facts/parse/lsmksysb.js';
import type { ParamsOf } from '../schema/types.js';
import type { mksysbInstallSpec } from '../specs/mksysb_install.js';
import type { PathProbe } from '../runtime/probe.js';
import { REAL_RUN, type Plan, type PlanContext, type PlannedCommand } from './types.js';
import { flagValue } from '../facts/parse/alt-disk-log.js';
import { altDiskInstallArgv, altDiskMksysbArgv, phase2Flags, type AltDiskFlags } from './argv.js';
import { checkPaths, describeAltinst, fail, levelText, requireFileset, requireFreeTargets, rootvgCopyWarnings, useLegacy } from './checks.js';
import { clearHalfMadeCommands, decideExisting, predictNewAltinst, removeAltinstCommand } from './altinst.js';
import { planContinuation } from './continuation.js';
import { summarize } from './summary.js';
import { guardBootlist } from './boot-guard.js';

export type MksysbParams = ParamsOf<typeof mksysbInstallSpec>;

// planMksysbInstall: the image's level is checked against everything AIX will check later, before
// any disk is touched: the boot images it needs (H-9), -L, and "no earlier version" (§2.2).

/** What the planner knows about the image and the boot images (read-only queries done by the shell). */
export interface MksysbContext {
  /** lsmksysb's answer; null below AIX 5.3, which has no lsmksysb. */
  image: LsmksysbAnswer | null;
  /** Below AIX 5.3: the boot image file alt_disk_install will look for, and whether it is there. */
  legacyBootImage: { name: string; platform: string; exists: boolean } | null;
}

/** The seed's boot image name: platform (-p, default bootinfo -p) and level (-L, V.R.M), e.g. rspc_4.3.0_boot. */
export function legacyBootImageName(platform: string, vrm: string): string {
  return `${platform}_${vrm}_boot`;
}

const MODERN_ONLY: [keyof MksysbParams, string][] = [
  ['console', '-c'],
  ['device_reset', '-O'],
  ['skip_bootable_check', '-g'],
  ['convert_jfs', '-T'],
  ['skip_space_check', '-S'],
  ['keep_devices', '-k'],
  ['kernel_64', '-K'],
  ['import_vg', '-y'],
  ['no_import', '-z'],
];

export const BOOT_IMAGES_DIR = '/usr/lpp/bos.alt_disk_install/boot_images';

/** The seed: "-L mksysb_level ... The default will be AIX version 4.3.0." */
export const LEGACY_DEFAULT_LEVEL = '4.3.0';

/** V.R.M of an image: 7300-02 → 7.3.2; 4.3.3.0 → 4.3.3. */
export function imageVrm(image: Extract<LsmksysbAnswer, { image: true }>): string | null {
  const ml = image.maintenanceLevel ?? image.servicePack;
  const m = ml ? /^(\d)(\d)00-(\d{2})/.exec(ml) : null;
  if (m) return `${m[1]}.${m[2]}.${Number(m[3])}`;
  const o = image.oslevel ? /^(\d+)\.(\d+)\.(\d+)/.exec(image.oslevel) : null;
  return o ? `${o[1]}.${o[2]}.${o[3]}` : null;
}

function vr(level: string): number[] {
  return level.split('.').slice(0, 2).map(Number);
}

function flagsOf(p: MksysbParams, targets: string[], extra: Partial<AltDiskFlags> = {}): AltDiskFlags {
  return {
    targets,
    ...phase2Flags(p),
    source: p.source,
    imageData: p.image_data,
    platform: p.platform,
    mksysbLevel: p.mksysb_level,
    phase: p.phase,
    console: p.console,
    kernel64: p.kernel_64,
    debug: p.debug,
    noBootlist: !p.bootlist,
    deviceReset: p.device_reset,
    verbose: p.verbose,
    skipBootableCheck: p.skip_bootable_check,
    keepDevices: p.keep_devices,
    reboot: p.reboot,
    importVg: p.import_vg,
    noImport: p.no_import,
    convertJfs: p.convert_jfs,
    skipSpaceCheck: p.skip_space_check,
    ...extra,
  };
}

function checkLevels(p: MksysbParams, f: HostFacts, image: Extract<LsmksysbAnswer, { image: true }>, ctx: MksysbContext): { vrm: string; level: string } {
  const vrm = imageVrm(image);
  const level = image.servicePack ?? image.maintenanceLevel ?? image.oslevel ?? 'unknown';
  if (!vrm) fail(`source: lsmksysb does not say which AIX level ${p.source} holds; altdisk cannot check it against the boot images`);
  if (p.mksysb_level && p.mksysb_level !== vrm) {
    fail(`mksysb_level: ${p.mksysb_level} does not match the image, which is ${vrm} (${level}): give mksysb_level: ${vrm}, or leave it out`);
  }
  const running = f.oslevel.base;
  const [iv, ir] = vr(vrm);
  const [rv, rr] = vr(running);
  if (iv! < rv! || (iv === rv && ir! < rr!)) {
    fail(`source: the image is AIX ${iv}.${ir} (${level}), earlier than the running AIX ${rv}.${rr} (${levelText(f)}): alt_disk_mksysb cannot install an earlier version than the one installed`);
  }
  // Below 5.3 the boot image is a file named by platform and level; from 5.3 on (the alt_disk_install
  // wrapper too) alt_disk_mksysb takes the boot images of the installed fileset.
  if (f.generation === 'legacy') {
    const b = ctx.legacyBootImage;
    if (!b || !b.exists) {
      const name = b?.name ?? legacyBootImageName(p.platform ?? 'chrp', p.mksysb_level ?? vrm);
      fail(`there is no boot image ${BOOT_IMAGES_DIR}/${name} for a ${vrm} image on platform ${b?.platform ?? p.platform ?? 'chrp'}: install bos.alt_disk_install.boot_images at level ${vrm}, or give the platform (-p) the image was made for`);
    }
    return { vrm, level };
  }
  const bi = f.altDiskFilesets.bootImages!;
  const biVrm = bi.split('.').slice(0, 3).join('.');
  if (biVrm !== vrm) {
    fail(`source: the image is ${vrm} (${level}) but bos.alt_disk_install.boot_images is ${bi}: alt_disk_mksysb copies a prebuilt boot image of the image's level, so install bos.alt_disk_install.boot_images ${vrm} first (H-9)`);
  }
  return { vrm, level };
}

export function planMksysbInstall(p: MksysbParams, f: HostFacts, probe: PathProbe, ctx: MksysbContext, pctx: PlanContext = REAL_RUN): Plan {
  const legacy = useLegacy(f, p.command, 'alt_disk_mksysb');
  if (legacy) {
    const unsupported = MODERN_ONLY.filter(([k]) => p[k] !== undefined && p[k] !== false).map(([k, flag]) => `${String(k)} (${flag})`);
    if (unsupported.length) {
      fail(`${unsupported.join(', ')}: alt_disk_install -d has no such flag${f.generation === 'legacy' ? ` below AIX 5.3 (this host runs ${f.oslevel.base})` : ' (the 5.3+ wrapper takes only the old flags); use command: alt_disk_mksysb'}`);
    }
  }
  requireFileset(f, 'rte', 'a mksysb install to an alternate disk');
  requireFileset(f, 'bootImages', 'a mksysb install to an alternate disk');
  checkPaths(
    [
      { option: 'source', value: p.source, kind: 'source' },
      { option: 'image_data', value: p.image_data, kind: 'file' },
      { option: 'script', value: p.script, kind: 'file', executable: true },
      { option: 'resolv_conf', value: p.resolv_conf, kind: 'file' },
    ],
    probe,
  );
  if (p.phase === '2' || p.phase === '3' || p.phase === '23') {
    return planContinuation({ phase: p.phase, targets: p.targets, legacy, source: p.source, flags: flagsOf(p, p.targets) }, f, pctx);
  }
  const image = ctx.image;
  const warnings: string[] = [];
  let vrm: string | null = null;
  let level = 'unknown';
  if (image === null) {
    // Below 5.3: no lsmksysb, so alt_disk_install itself compares the image with -L.
    const b = ctx.legacyBootImage;
    if (!b || !b.exists) fail(`there is no boot image ${BOOT_IMAGES_DIR}/${b?.name ?? legacyBootImageName(p.platform ?? 'chrp', p.mksysb_level ?? LEGACY_DEFAULT_LEVEL)} on this host: install bos.alt_disk_install.boot_images for the image's level, or give mksysb_level (-L) and platform (-p)`);
    if (!p.mksysb_level) warnings.push(`mksysb_level is not given and this AIX level has no lsmksysb to read the image's level: alt_disk_install assumes ${LEGACY_DEFAULT_LEVEL} and refuses an image of another level`);
  } else {
    if (!image.image) fail(`source: ${p.source} is not a mksysb image (lsmksysb: ${image.message})`);
    ({ vrm, level } = checkLevels(p, f, image, ctx));
  }

  const record = f.altRootvg.madeBy;
  const madeFrom = record ? (flagValue(record.words, 'm') ?? (record.program === 'alt_disk_install' ? flagValue(record.words, 'd') : null)) : null;
  const existing = decideExisting(f, { targets: p.targets, phase: p.phase, force: p.force, sameOrigin: madeFrom === null || madeFrom === p.source, what: 'mksysb install' }, pctx);
  if ('done' in existing) return { ...existing.done, result: { ...existing.done.result, image_level: level } };
  const freeing = existing.freeing;

  const disks = requireFreeTargets(f, p.targets, freeing);
  warnings.push(...rootvgCopyWarnings(disks));
  const size = disks.reduce((n, d) => n + (d.sizeMb ?? 0), 0);
  const need = image?.image ? (image.backupSizeMb ?? image.lvs.reduce((n, lv) => n + lv.lps, 0) * f.rootvg.ppSizeMb) : 0;
  if (!p.skip_space_check && need > 0 && disks.every((d) => d.sizeMb !== null) && size < need) {
    fail(`targets: ${p.targets.join(' ')} hold ${size} MB, less than the ${need} MB the image needs: choose larger disks`);
  }

  const commands: PlannedCommand[] = [];
  // Never overwrite or remove what the normal boot list starts: the boot list goes back to the running rootvg first.
  const guard = guardBootlist(f, [...new Set([...freeing, ...p.targets])], freeing.length ? 'frees or overwrites' : 'overwrites');
  if (guard) commands.push(guard.command);
  if (freeing.length) commands.push(removeAltinstCommand(f, legacy, `force: remove ${describeAltinst(f)} before the mksysb install`), ...clearHalfMadeCommands(f, p.targets));
  const flags = flagsOf(p, p.targets, legacy && vrm ? { mksysbLevel: p.mksysb_level ?? vrm } : {});
  const argv = legacy ? altDiskInstallArgv('mksysb', flags) : altDiskMksysbArgv(flags);
  commands.push({ argv, why: `install ${p.source} on ${p.targets.join(' ')}` });
  const now = summarize(f);
  if (guard) now.bootlist.normal = [...guard.list];
  return {
    commands,
    msg: `${freeing.length ? `altinst_rootvg on ${freeing.join(' ')} removed, then ` : ''}mksysb ${p.source} (${level}) installed on ${p.targets.join(' ')}${p.phase === 'all' ? '' : ` (phase ${p.phase})`}${guard ? `; ${guard.note}` : ''}`,
    warnings,
    predicted: predictNewAltinst(now, f, { targets: p.targets, freeing, phase: p.phase, bootlist: p.bootlist, reboot: p.reboot }),
    result: { targets: p.targets, cmd: argv, image_level: level, ...(guard ? { bootlist_set_to: guard.list } : {}) },
  };
}
