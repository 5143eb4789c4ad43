import type { CommandContext } from '../runtime/context.js';
import { has, value } from '../runtime/getopt.js';
import { runningImage } from '../views/host.js';
import { ALT_DISK_RTE } from '../state/filesets.js';
import { usageError } from './usage.js';
import { diskList, getoptPermuting, parsePhases, values } from '../altdisk/args.js';
import { installFaultSteps, runJob } from '../altdisk/job.js';
import { runAltInstall } from '../altdisk/flow.js';
import { cloneSource } from '../altdisk/source.js';
import { readExcludeList } from '../altdisk/files.js';
import { requireFile, requireFolder } from '../altdisk/check-files.js';
import { requireFileset } from '../altdisk/targets.js';
import { wantsInstall } from '../altdisk/installp.js';
import { devicePath } from '../altdisk/paths.js';
import { ERR, USAGE_ERR } from '../altdisk/texts.js';

/** [V §3.1] AIX 7.2 syntax; the "Usage: " prefix is [U]. */
export const ALT_DISK_COPY_USAGE = [
  'Usage: alt_disk_copy -d targetdisks... [-i image.data] [-s script] [-b bundlename] [-I installpflags] [-l imageslocation] [-f fixbundle] [-F fixes] [-e excludelist] [-w filesets] [-n] [-P phases] [-c console] [-x first_boot_script] [-R resolvconf] [-DBOVgruTS]',
];

const SPEC = 'd:i:s:b:I:l:f:F:e:w:nP:c:x:R:DBOVgruTS';

/** Flags that need an images location [V §3.3, H-10]. */
const NEED_L = ['b', 'f', 'F', 'w', 'I'];

export function altDiskCopy(ctx: CommandContext, logAs?: { name: string; args: string[] }): number {
  const prog = ctx.name;
  let p;
  try {
    p = getoptPermuting(ctx.args, SPEC);
  } catch (e) {
    return usageError(ctx, e, ALT_DISK_COPY_USAGE);
  }
  const bad = (msg: string) => {
    ctx.err(msg);
    return usageError(ctx, null, ALT_DISK_COPY_USAGE);
  };
  const targets = diskList(values(p, 'd'), p.operands);
  if (!has(p, 'd') || targets.length === 0) return bad(USAGE_ERR.dRequired(prog));
  if (has(p, 'B') && has(p, 'r')) return bad(USAGE_ERR.bWithR(prog));
  for (const f of NEED_L) if (has(p, f) && !has(p, 'l')) return bad(USAGE_ERR.needsL(prog, f));
  if (has(p, 'c') && !has(p, 'O')) return bad(USAGE_ERR.cNeedsO(prog));
  const phases = parsePhases(value(p, 'P'));
  if (!phases) return bad(ERR.badPhase(prog, value(p, 'P')!));

  const bundle = value(p, 'b');
  const location = value(p, 'l');
  const install = { bundle, filesets: value(p, 'w'), fixes: value(p, 'F'), fixBundle: value(p, 'f') };
  return runJob(ctx, { debug: has(p, 'D'), exclusive: true, faults: installFaultSteps(phases), logAs }, (t) => {
    requireFileset(runningImage(ctx.state()), prog, ALT_DISK_RTE);
    requireFile(prog, 'i', value(p, 'i'));
    requireFile(prog, 's', value(p, 's'), { executable: true });
    requireFile(prog, 'R', value(p, 'R'));
    requireFile(prog, 'e', value(p, 'e'));
    requireFile(prog, 'x', value(p, 'x'), { executable: true });
    if (bundle !== null && bundle !== 'update_all') requireFile(prog, 'b', bundle, { fullPath: false });
    requireFile(prog, 'f', install.fixBundle, { fullPath: false });
    const images = location === null ? null : devicePath(ctx.dir, location);
    requireFolder(prog, images);
    const exclude = value(p, 'e');
    return runAltInstall(ctx, t, {
      prog,
      targets,
      phases,
      checkPhase1: () => undefined,
      source: (state) => cloneSource(ctx.dir, state, prog === 'alt_disk_install' ? 'alt_disk_install' : 'alt_disk_copy', exclude ? readExcludeList(exclude) : []),
      phase1: { imageData: has(p, 'i'), skipSpaceCheck: has(p, 'S'), convertJfs: has(p, 'T'), verbose: has(p, 'V') },
      skipBootCheck: has(p, 'g'),
      custom: {
        script: value(p, 's'),
        resolvConf: value(p, 'R'),
        remainNim: has(p, 'n'),
        install: images !== null && wantsInstall(install) ? { ...install, flags: value(p, 'I') ?? '-acgX', location: images } : null,
      },
      image: { deviceReset: has(p, 'O'), console: value(p, 'c'), firstBootScript: value(p, 'x') },
      noBootlist: has(p, 'B'),
      reboot: has(p, 'r'),
    });
  });
}
