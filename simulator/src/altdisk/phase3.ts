import type { CommandContext } from '../runtime/context.js';
import type { Disk, HostState } from '../state/types.js';
import { diskById } from '../views/host.js';
import { setBootlist } from '../ops/bootlist.js';
import { MSG } from '../aix/messages.js';
import type { Transcript } from './log.js';
import { LINE, ERR } from './texts.js';
import { NOMINAL } from './durations.js';
import { AltFailure } from './failure.js';
import { fileSystemsByMount, syncAltInstLink, toRealLv } from './mount.js';

// Phase 3 [V §5]: unmount /alt_inst, give the LVs their real names in the VGDA, drop them from the
// ODM and vary altinst_rootvg off, leaving a place holder; then the bootlist and, with -r, a reboot.
// Lines follow §7.1's order, as the reference advises until a real clone capture says otherwise.

/** The disk of a volume group holding its boot record (alt_rootvg_op -q's answer). */
export function bootDiskOf(state: HostState, vgid: string): Disk | null {
  const vgda = state.vgdas[vgid];
  if (!vgda) return null;
  const disks = vgda.pvs.map((id) => diskById(state, id)).filter((d): d is Disk => d !== undefined);
  return disks.find((d) => d.bootRecord !== null) ?? disks[0] ?? null;
}

/** Rename back, unmount and vary off: shared by phase 3 and alt_rootvg_op -S (same code path [U §6.2]).
 *  Each step is saved as it is done: killed after the rename, the VGDA has its real names but the
 *  superblocks still name the alt_ log, and the volume group does not boot (reboot.ts). */
export function putToSleep(ctx: CommandContext, t: Transcript, vgid: string): void {
  const vgda = ctx.state().vgdas[vgid]!;
  const real = vgda.lvs.map(toRealLv);
  t.trace('chlv -n <real names> (VGDA only)');
  t.line(LINE.changingLvNames);
  ctx.update((s) => {
    s.vgdas[vgid]!.lvs = s.vgdas[vgid]!.lvs.map(toRealLv);
  });
  ctx.pause(NOMINAL.renameLvs);
  t.line(LINE.fixingLvcb);
  ctx.pause(NOMINAL.fixLvcb);
  for (const lv of fileSystemsByMount(real).reverse()) {
    t.line(LINE.forcedUnmount(lv.mount!));
    t.line(LINE.forcedUnmount(lv.mount!));
    ctx.pause(NOMINAL.unmount);
  }
  t.line(LINE.fixingSuperblocks);
  ctx.pause(NOMINAL.superblocks);
  ctx.update((s) => {
    s.vgdas[vgid]!.altSuperblocks = false;
    const vg = s.odm.find((v) => v.vgid === vgid);
    if (vg) {
      vg.active = false;
      vg.lvsInOdm = false;
      vg.variedOnByHand = false;
      if (vg.alt) {
        vg.alt.phase = 3;
        vg.alt.awake = false;
      }
    }
    syncAltInstLink(ctx.dir, s);
  });
}

/**
 * Build the boot image on the volume group's boot disk: bosboot for a clone (and -S -t), the prebuilt
 * image of bos.alt_disk_install.boot_images for an mksysb install, which prints no line of its own
 * [V §7.1 has none; where it happens is U]. The bosboot fault fails both. Writes the boot record.
 */
export function buildBootImage(ctx: CommandContext, prog: string, vgid: string, boot: Disk): void {
  if (ctx.takeFault('bosboot', boot.name)) throw new AltFailure([MSG.bosbootFailed(`/dev/${boot.name}`), ERR.bosbootFailed(prog, boot.name)]);
  const blv = ctx.state().vgdas[vgid]!.lvs.find((lv) => lv.type === 'boot');
  // A copy whose phase 1 died before mklv of the boot LV has nowhere to put the image.
  if (!blv) throw new AltFailure([MSG.bosbootNoBlv('hd5', `/dev/${boot.name}`), ERR.bosbootFailed(prog, boot.name)]);
  ctx.update((s) => {
    const d = diskById(s, boot.id);
    if (d) d.bootRecord = toRealLv(blv).name;
  });
}

export interface Phase3Options {
  prog: string;
  /** -B, or -B recorded when phase 1 ran. */
  noBootlist: boolean;
  /** -r, or -r recorded when phase 1 ran. */
  reboot: boolean;
}

/** Runs phase 3; returns the boot disk name when the bootlist was set. */
export function runPhase3(ctx: CommandContext, t: Transcript, vgid: string, o: Phase3Options): string | null {
  const state = ctx.state();
  const imageId = state.vgdas[vgid]!.imageId!;
  const image = state.images[imageId]!;
  const boot = bootDiskOf(state, vgid)!;
  if (image.restoredFrom === null) {
    t.line(LINE.modifyingOdm);
    ctx.pause(NOMINAL.modifyOdm);
    t.trace(`bosboot -ad /dev/${boot.name}`);
    t.line(LINE.buildingBootImage);
    ctx.pause(NOMINAL.bosboot);
  }
  buildBootImage(ctx, o.prog, vgid, boot);
  if (image.deviceReset) {
    t.line(LINE.resettingDevices);
    if (!image.console) t.line(LINE.consoleNote);
    ctx.pause(NOMINAL.deviceReset);
  }
  putToSleep(ctx, t, vgid);
  ctx.update((s) => s.history.push({ at: new Date().toISOString(), event: `${o.prog}: altinst_rootvg ${vgid} completed phase 3` }));
  if (o.noBootlist) return null;

  t.trace(`bootlist -m normal ${boot.name} blv=hd5`);
  if (ctx.takeFault('bootlist')) throw new AltFailure([MSG.bootlistNvramFailed, ERR.bootlistFailed(o.prog, boot.name)]);
  const error = ctx.update((s) => setBootlist(s, ['normal'], [{ device: diskById(s, boot.id)!.name, attrs: { blv: 'hd5' } }]));
  if (error) throw new AltFailure([`${o.prog}: ${error}`, ERR.bootlistFailed(o.prog, boot.name)]);
  ctx.pause(NOMINAL.bootlist);
  t.line(LINE.bootlistSet(boot.name, 'hd5'));
  return boot.name;
}
