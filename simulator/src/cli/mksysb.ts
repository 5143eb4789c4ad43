import * as fs from 'node:fs';
import * as path from 'node:path';
import { readState } from '../state/store.js';
import { parseLevel, filesetLevel } from '../state/levels.js';
import { altDiskFilesets, baseFilesets, sortFilesets, ALT_DISK_BOOT_IMAGES, ALT_DISK_RTE } from '../state/filesets.js';
import { generationOf } from '../state/profiles.js';
import { bootImageFiles, BOOT_IMAGES_DIR } from '../fs/boot-images.js';
import { writeMksysb, type MksysbImage } from '../mksysb/image.js';
import { runningImage, vgdaOf } from '../views/host.js';
import { readImageFiles } from '../altdisk/files.js';
import { devicePath } from '../altdisk/paths.js';
import { checkKnown, opt, parseCli } from './args.js';

// `aixsim mksysb <dir> <file> [--level L]`: a mksysb image of the running system, or a made-up one
// at another level (its filesets at that level) to rehearse installs across levels.

export function mksysb(argv: string[]): number {
  const a = parseCli(argv);
  checkKnown(a, ['level'], 'mksysb');
  const [dir, file, ...extra] = a.positional;
  if (!dir || !file || extra.length > 0) throw new Error('aixsim mksysb: usage: aixsim mksysb <dir> <file|/dev/rmtN> [--level 7300-02-01-2346]');
  const abs = path.resolve(dir);
  const state = readState(abs);
  const running = runningImage(state);
  const vgda = vgdaOf(state, state.booted.vgid);
  const files = readImageFiles(path.join(abs, running.fsDir));
  let level = running.level;
  let filesets = running.filesets.map((f) => ({ ...f }));
  const wanted = opt(a, 'level');
  if (wanted) {
    level = parseLevel(wanted);
    const fl = filesetLevel(level);
    const has = (n: string) => running.filesets.some((f) => f.name === n);
    filesets = sortFilesets([...baseFilesets(level), ...altDiskFilesets({ rte: has(ALT_DISK_RTE) ? fl : null, bootImages: has(ALT_DISK_BOOT_IMAGES) ? fl : null })]);
    for (const name of Object.keys(files)) if (name.startsWith(BOOT_IMAGES_DIR + '/')) delete files[name];
    if (has(ALT_DISK_BOOT_IMAGES)) {
      for (const [name, text] of Object.entries(bootImageFiles('', fl, generationOf(wanted) === 'legacy'))) files[name.replace(/^\/+/, '')] = text;
    }
    files['etc/motd'] = `Welcome to ${state.hostname} (simulated AIX ${level.base}).\n`;
  }
  const image: MksysbImage = {
    createdAt: new Date().toISOString(),
    hostname: state.hostname,
    level,
    platform: state.platform,
    kernel64: running.kernel64,
    ppSizeMb: vgda.ppSizeMb,
    lvs: vgda.lvs.map((lv) => ({ ...lv })),
    filesets,
    files,
    otherVgs: state.odm.filter((v) => v.vgid !== state.booted.vgid && v.alt === null && v.name !== 'old_rootvg').map((v) => v.name),
  };
  const target = devicePath(abs, file);
  fs.mkdirSync(path.dirname(path.resolve(target)), { recursive: true });
  writeMksysb(target, image);
  process.stdout.write(`aixsim: mksysb of ${state.hostname} at ${level.sp ?? level.base} written to ${target}\n`);
  return 0;
}
