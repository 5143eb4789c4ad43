import type { CommandContext } from '../runtime/context.js';
import type { FaultStep, HostState, OdmVg } from '../state/types.js';
import { has, value } from '../runtime/getopt.js';
import { diskByName, odmVgOfDisk } from '../views/host.js';
import { MSG } from '../aix/messages.js';
import { usageError } from './usage.js';
import { getoptPermuting } from '../altdisk/args.js';
import { runJob } from '../altdisk/job.js';
import type { Transcript } from '../altdisk/log.js';
import { fail } from '../altdisk/failure.js';
import { bootDiskOf, buildBootImage, putToSleep } from '../altdisk/phase3.js';
import { runPhase2 } from '../altdisk/phase2.js';
import { wakeUp } from '../altdisk/wake.js';
import { syncAltInstLink } from '../altdisk/mount.js';
import { requireFile, requireFolder } from '../altdisk/check-files.js';
import { wantsInstall } from '../altdisk/installp.js';
import { devicePath } from '../altdisk/paths.js';
import { ERR, LINE, USAGE_ERR } from '../altdisk/texts.js';
import { NOMINAL } from '../altdisk/durations.js';

/** [V §6.1] AIX 7.1/7.2 syntax block. */
export const ALT_ROOTVG_OP_USAGE = [
  'Usage:',
  'To determine Volume Group Boot Disk (-q):',
  'alt_rootvg_op -q -d disk [-D]',
  'To rename Alternate Disk Volume Group (-v):',
  'alt_rootvg_op -v new volume group name -d disk [-D]',
  'To wake up Volume Group (-W):',
  'alt_rootvg_op -W -d disk [-D]',
  'To put to sleep Volume Group (-S):',
  'alt_rootvg_op -S [-tD]',
  'To clean up Alternate Disk Volume Group (-X):',
  'alt_rootvg_op -X [volume group] [-D]',
  'To customize Alternate Disk Volume Group (-C):',
  'alt_rootvg_op -C [-R resolv_conf] [-s script] [-b bundle_name] [-I installp_flags] [-l images_location] [-f fix_bundle] [-F fixes] [-w filesets] [-DV]',
];

const SPEC = 'qd:v:WStXCR:s:b:I:l:f:F:w:DVa';
const OPS = ['q', 'v', 'W', 'S', 'X', 'C'];
const NEED_L = ['b', 'f', 'F', 'w', 'I'];

/** [U] AIX volume group names: a letter, then up to 14 letters, digits or underscores. */
const VG_NAME = /^[A-Za-z][A-Za-z0-9_]{0,14}$/;

/** The volume group a disk belongs to in the ODM, which must be an alternate rootvg (not the running one). */
function alternateOfDisk(state: HostState, prog: string, name: string): OdmVg {
  const d = diskByName(state, name);
  if (!d) fail(MSG.noSuchDisk(prog, name));
  const vg = odmVgOfDisk(state, d);
  if (!vg) fail(ERR.diskHasNoVg(prog, name));
  if (vg.vgid === state.booted.vgid) fail(ERR.runningRootvg(prog));
  if (!state.vgdas[vg.vgid]?.imageId) fail(ERR.notAlternate(prog, vg.name));
  return vg;
}

/** The altinst_rootvg that is mounted (post phase 1 or awake), varied on again after a reboot if needed. */
function mountedAlternate(ctx: CommandContext, prog: string): OdmVg {
  const vg = ctx.state().odm.find((v) => v.alt !== null && (v.alt.phase === 1 || v.alt.awake));
  if (!vg) fail(ERR.noMountedAltinst(prog));
  if (!vg.active) {
    ctx.update((s) => {
      s.odm.find((v) => v.vgid === vg.vgid)!.active = true;
      syncAltInstLink(ctx.dir, s);
    });
  }
  return vg;
}

function query(ctx: CommandContext, prog: string, diskName: string): number {
  const state = ctx.state();
  const d = diskByName(state, diskName);
  if (!d) {
    ctx.err(MSG.noSuchDisk(prog, diskName));
    return 1;
  }
  if (!d.vgid || !state.vgdas[d.vgid]) {
    ctx.err(ERR.diskHasNoVg(prog, diskName));
    return 1;
  }
  ctx.out(bootDiskOf(state, d.vgid)!.name);
  return 0;
}

function rename(ctx: CommandContext, t: Transcript, prog: string, newName: string, diskName: string): number {
  const state = ctx.state();
  const vg = alternateOfDisk(state, prog, diskName);
  if (vg.active) fail(ERR.mustBeVariedOff(prog, vg.name));
  if (!VG_NAME.test(newName)) fail(ERR.badVgName(prog, newName));
  if (state.odm.some((v) => v.name === newName)) fail(ERR.nameInUse(prog, newName));
  t.trace(`chvg -y ${newName} ${vg.name}`);
  ctx.update((s) => {
    s.odm.find((v) => v.vgid === vg.vgid)!.name = newName;
    s.history.push({ at: new Date().toISOString(), event: `${prog}: ${vg.name} renamed ${newName}` });
  });
  return 0;
}

function wake(ctx: CommandContext, t: Transcript, prog: string, diskName: string): number {
  const state = ctx.state();
  const vg = alternateOfDisk(state, prog, diskName);
  if (vg.alt?.phase === 1) fail(ERR.notSleeping(prog, vg.name));
  if (vg.alt?.awake && vg.active) fail(ERR.alreadyAwake(prog, vg.name));
  if (vg.active) fail(ERR.mustBeVariedOff(prog, vg.name));
  wakeUp(ctx, t, prog, state, vg);
  return 0;
}

function sleep(ctx: CommandContext, t: Transcript, prog: string, rebuildBootImage: boolean): number {
  const vg = ctx.state().odm.find((v) => v.alt?.awake);
  if (!vg) fail(ERR.nothingAwake(prog));
  if (rebuildBootImage) {
    // [U] -t: rebuild the boot image of the woken disk before it goes back to sleep.
    const boot = bootDiskOf(ctx.state(), vg.vgid)!;
    t.trace(`bosboot -ad /dev/${boot.name}`);
    t.line(LINE.buildingBootImage);
    ctx.pause(NOMINAL.bosboot);
    buildBootImage(ctx, prog, vg.vgid, boot);
  }
  putToSleep(ctx, t, vg.vgid);
  ctx.update((s) => s.history.push({ at: new Date().toISOString(), event: `${prog}: ${vg.name} (${vg.vgid}) put to sleep` }));
  return 0;
}

function cleanup(ctx: CommandContext, t: Transcript, prog: string, name: string): number {
  const state = ctx.state();
  const vg = state.odm.find((v) => v.name === name);
  if (!vg) fail(ERR.noSuchVg(prog, name));
  if (vg.vgid === state.booted.vgid) fail(ERR.runningRootvg(prog));
  if (!state.vgdas[vg.vgid]?.imageId) fail(ERR.notAlternate(prog, name));
  t.trace(`rmdev / odmdelete ${name} (the VGDA on the disks is left alone)`);
  ctx.update((s) => {
    s.odm = s.odm.filter((v) => v.vgid !== vg.vgid);
    syncAltInstLink(ctx.dir, s);
    s.history.push({ at: new Date().toISOString(), event: `${prog}: ${name} (${vg.vgid}) removed from the ODM` });
  });
  return 0;
}

export function altRootvgOp(ctx: CommandContext): number {
  const prog = ctx.name;
  let p;
  try {
    p = getoptPermuting(ctx.args, SPEC);
  } catch (e) {
    return usageError(ctx, e, ALT_ROOTVG_OP_USAGE);
  }
  const bad = (msg: string | null) => {
    if (msg) ctx.err(msg);
    return usageError(ctx, null, ALT_ROOTVG_OP_USAGE);
  };
  const ops = OPS.filter((o) => has(p, o));
  if (ops.length !== 1) return bad(ops.length === 0 ? ERR.noOperation(prog) : null);
  const op = ops[0]!;
  const disk = value(p, 'd');
  if (['q', 'v', 'W'].includes(op) && disk === null) return bad(USAGE_ERR.dRequired(prog));
  if (p.operands.length > (op === 'X' ? 1 : 0)) return bad(USAGE_ERR.extraOperands(prog, p.operands[op === 'X' ? 1 : 0]!));
  if (op === 'C') for (const f of NEED_L) if (has(p, f) && !has(p, 'l')) return bad(USAGE_ERR.needsL(prog, f));
  if (op === 'q') return query(ctx, prog, disk!);

  // -C runs phase 2's customization, -S -t builds a boot image; the other operations reach no fault.
  const faults: FaultStep[] = op === 'C' ? ['phase2-script'] : op === 'S' && has(p, 't') ? ['bosboot'] : [];
  return runJob(ctx, { debug: has(p, 'D'), exclusive: true, faults }, (t) => {
    switch (op) {
      case 'v':
        return rename(ctx, t, prog, value(p, 'v')!, disk!);
      case 'W':
        return wake(ctx, t, prog, disk!);
      case 'S':
        return sleep(ctx, t, prog, has(p, 't'));
      case 'X':
        return cleanup(ctx, t, prog, p.operands[0] ?? 'altinst_rootvg');
      default: {
        requireFile(prog, 's', value(p, 's'), { executable: true });
        requireFile(prog, 'R', value(p, 'R'));
        const location = value(p, 'l');
        const images = location === null ? null : devicePath(ctx.dir, location);
        requireFolder(prog, images);
        const install = { bundle: value(p, 'b'), filesets: value(p, 'w'), fixes: value(p, 'F'), fixBundle: value(p, 'f') };
        if (install.bundle !== null && install.bundle !== 'update_all') requireFile(prog, 'b', install.bundle, { fullPath: false });
        requireFile(prog, 'f', install.fixBundle, { fullPath: false });
        const vg = mountedAlternate(ctx, prog);
        runPhase2(ctx, t, prog, vg.vgid, {
          script: value(p, 's'),
          resolvConf: value(p, 'R'),
          remainNim: false,
          install: images !== null && wantsInstall(install) ? { ...install, flags: value(p, 'I') ?? '-acgX', location: images } : null,
        });
        return 0;
      }
    }
  });
}
