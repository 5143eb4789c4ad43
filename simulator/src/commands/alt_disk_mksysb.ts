import type { CommandContext } from '../runtime/context.js';
import { has, value } from '../runtime/getopt.js';
import { runningImage } from '../views/host.js';
import { ALT_DISK_BOOT_IMAGES, ALT_DISK_RTE } from '../state/filesets.js';
import type { MksysbImage } from '../mksysb/image.js';
import { usageError } from './usage.js';
import { diskList, getoptPermuting, parsePhases, values } from '../altdisk/args.js';
import { installFaultSteps, runJob } from '../altdisk/job.js';
import { runAltInstall } from '../altdisk/flow.js';
import { mksysbSource } from '../altdisk/source.js';
import { requireFile } from '../altdisk/check-files.js';
import { requireFileset } from '../altdisk/targets.js';
import { checkMksysb, loadMksysb } from '../altdisk/mksysb-checks.js';
import { devicePath } from '../altdisk/paths.js';
import { ERR, USAGE_ERR } from '../altdisk/texts.js';

/** [V §4.1] AIX 7.2 syntax; the "Usage: " prefix is [U]. */
export const ALT_DISK_MKSYSB_USAGE = [
  'Usage: alt_disk_mksysb -m device -d target_disks... [ -i image.data ] [ -s script ] [-R resolv_conf ] [ -p platform ] [ -L mksysb_level ] [ -n ] [ -P phase_option ] [ -c console ] [ -K ] [ -D B O V g k r y z T S C ]',
];

const SPEC = 'm:d:i:s:R:p:L:nP:c:KDBOVgkryzTSC';

export function altDiskMksysb(ctx: CommandContext, logAs?: { name: string; args: string[] }): number {
  const prog = ctx.name;
  let p;
  try {
    p = getoptPermuting(ctx.args, SPEC);
  } catch (e) {
    return usageError(ctx, e, ALT_DISK_MKSYSB_USAGE);
  }
  const bad = (msg: string) => {
    ctx.err(msg);
    return usageError(ctx, null, ALT_DISK_MKSYSB_USAGE);
  };
  const targets = diskList(values(p, 'd'), p.operands);
  const device = value(p, 'm');
  if (device === null) return bad(USAGE_ERR.mRequired(prog));
  if (!has(p, 'd') || targets.length === 0) return bad(USAGE_ERR.dRequired(prog));
  if (has(p, 'B') && has(p, 'r')) return bad(USAGE_ERR.bWithR(prog));
  // No "-c needs -O" rule here: IBM's own transcript runs alt_disk_mksysb -c /dev/vty0 without -O [V §7.1].
  const phases = parsePhases(value(p, 'P'));
  if (!phases) return bad(ERR.badPhase(prog, value(p, 'P')!));

  return runJob(ctx, { debug: has(p, 'D'), exclusive: true, faults: installFaultSteps(phases), logAs }, (t) => {
    const running = runningImage(ctx.state());
    requireFileset(running, prog, ALT_DISK_RTE);
    requireFileset(running, prog, ALT_DISK_BOOT_IMAGES);
    requireFile(prog, 'i', value(p, 'i'));
    requireFile(prog, 's', value(p, 's'), { executable: true });
    requireFile(prog, 'R', value(p, 'R'));
    const file = devicePath(ctx.dir, device);
    let image: MksysbImage | null = null;
    return runAltInstall(ctx, t, {
      prog,
      targets,
      phases,
      checkPhase1: (state) => {
        image = loadMksysb(prog, file, device);
        checkMksysb(ctx.dir, state, image, {
          prog,
          level: value(p, 'L'),
          platform: value(p, 'p'),
          runningBootImageOnly: has(p, 'C'),
          legacy: state.generation === 'legacy',
        });
      },
      source: (state) => {
        const img = image ?? loadMksysb(prog, file, device);
        const kernel64 = img.kernel64 || (has(p, 'K') && state.hardwareBits === 64);
        return mksysbSource(img, device, prog === 'alt_disk_install' ? 'alt_disk_install' : 'alt_disk_mksysb', kernel64, has(p, 'z') ? 'none' : has(p, 'y') ? 'mksysb' : 'default');
      },
      phase1: { imageData: has(p, 'i'), skipSpaceCheck: has(p, 'S'), convertJfs: has(p, 'T'), verbose: has(p, 'V') },
      skipBootCheck: has(p, 'g'),
      custom: { script: value(p, 's'), resolvConf: value(p, 'R'), remainNim: has(p, 'n'), install: null },
      image: { deviceReset: has(p, 'O'), console: value(p, 'c'), firstBootScript: null },
      noBootlist: has(p, 'B'),
      reboot: has(p, 'r'),
    });
  });
}
