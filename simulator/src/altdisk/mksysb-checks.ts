import * as fs from 'node:fs';
import * as path from 'node:path';
import type { HostState, OsImage, Platform } from '../state/types.js';
import { readMksysb, type MksysbImage } from '../mksysb/image.js';
import { compareLevels, versionRelease, vrm } from '../state/levels.js';
import { ALT_DISK_BOOT_IMAGES } from '../state/filesets.js';
import { BOOT_IMAGES_DIR, legacyBootImageName } from '../fs/boot-images.js';
import { runningImage } from '../views/host.js';
import { ERR } from './texts.js';
import { fail } from './failure.js';

// What an mksysb install checks before phase 1 [V §4, H-9, §2.2, seed]: the image is an mksysb,
// its V.R.M matches -L and the boot images fileset (the boot image comes from that fileset), it
// is not an earlier AIX version than the running one, and the platform is known.

export const PLATFORMS: Platform[] = ['chrp', 'rspc', 'rs6k'];

export function loadMksysb(prog: string, file: string, shown: string): MksysbImage {
  const img = readMksysb(file);
  if (!img) fail(ERR.notMksysb(prog, shown));
  return img;
}

function filesetVrm(image: OsImage, name: string): string | null {
  const f = image.filesets.find((x) => x.name === name);
  return f ? f.level.split('.').slice(0, 3).join('.') : null;
}

export interface MksysbCheckOptions {
  prog: string;
  level: string | null;
  platform: string | null;
  /** -C (5.3+): use bosboot.disk.chrp of the running rootvg only. */
  runningBootImageOnly: boolean;
  /** AIX 4.3: the boot image is <platform>_<V.R.M>_boot and -L defaults to 4.3.0 [V seed]. */
  legacy: boolean;
}

export function checkMksysb(dir: string, state: HostState, img: MksysbImage, o: MksysbCheckOptions): void {
  const { prog } = o;
  const running = runningImage(state);
  const imageVrm = vrm(img.level);
  const level = o.level ?? (o.legacy ? '4.3.0' : null);
  if (level !== null) {
    if (!/^\d+\.\d+\.\d+$/.test(level)) fail(ERR.badLevelForm(prog, level));
    if (level !== imageVrm) fail(ERR.mksysbLevelVsL(prog, imageVrm, level));
  }
  const platform = o.platform ?? state.platform;
  if (!PLATFORMS.includes(platform as Platform)) fail(ERR.unknownPlatform(prog, platform));
  if (compareLevels(versionRelease(img.level), versionRelease(running.level)) < 0) {
    fail(ERR.earlierVersion(prog, versionRelease(img.level), versionRelease(running.level)));
  }
  const biVrm = filesetVrm(running, ALT_DISK_BOOT_IMAGES);
  if (biVrm !== null && biVrm !== imageVrm) fail(ERR.mksysbLevelVsBootImages(prog, imageVrm, biVrm));
  const bootImage = o.legacy ? legacyBootImageName(platform, level ?? imageVrm) : o.runningBootImageOnly ? 'bosboot.disk.chrp' : null;
  if (bootImage) {
    const file = path.join(dir, running.fsDir, BOOT_IMAGES_DIR, bootImage);
    if (!fs.existsSync(file)) fail(ERR.bootImageMissing(prog, `/${BOOT_IMAGES_DIR}/${bootImage}`));
  }
}
