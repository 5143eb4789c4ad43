import * as fs from 'node:fs';
import * as path from 'node:path';
import type { CommandContext } from '../runtime/context.js';
import type { Disk, HostState, LogicalVolume, OsImage } from '../state/types.js';
import { nextImageId, nextPvid, nextVgid } from '../state/ids.js';
import { diskById } from '../views/host.js';
import { availablePps, neededPps } from './targets.js';
import { MSG } from '../aix/messages.js';
import { parseFilesystems, renderFilesystems } from '../fs/etc-filesystems.js';
import type { Transcript } from './log.js';
import type { RootvgSource } from './source.js';
import { ERR, LINE } from './texts.js';
import { fileSystemOf } from './files.js';
import { selfIdentity } from '../runtime/procs.js';
import { NOMINAL } from './durations.js';
import { AltFailure } from './failure.js';
import { fileSystemsByMount, syncAltInstLink, toAltLv } from './mount.js';
import { collectGarbage, removeFolders } from './gc.js';

// Phase 1 [V §5]: create altinst_rootvg with alt_ logical volumes and /alt_inst file systems on the
// targets, then restore the rootvg data (clone) or the mksysb into them, file system by file system.
// Every step is its own state update, saved as it completes, and the VGDA's build record says how far
// it got: a concurrent lspv/lsvg sees the volume group appear while the copy runs, and a command
// killed in the middle leaves a half-made altinst_rootvg (alt_ names, some file systems mounted, part
// of the data, no boot image, a log without its last lines) that does not boot [U: the reference is
// silent on signals; no trap/clean-up is assumed, see README].

export interface Phase1Options {
  prog: string;
  targets: Disk[];
  /** -i given: no mkszfile / image.data restore line. */
  imageData: boolean;
  /** -S: no space check (a target that is too small then fails in mklv, like on AIX). */
  skipSpaceCheck: boolean;
  /** -T: JFS file systems are recreated as JFS2. */
  convertJfs: boolean;
  verbose: boolean;
  /** Phase 3 options recorded for a later -P 3. */
  pending: { bootlist: boolean; reboot: boolean };
}

export interface Phase1Result {
  vgid: string;
  imageId: string;
}

function convert(lv: LogicalVolume): LogicalVolume {
  if (lv.type === 'jfs') return { ...lv, type: 'jfs2' };
  if (lv.type === 'jfslog') return { ...lv, type: 'jfs2log' };
  return lv;
}

/** -T: the restored /etc/filesystems names the recreated JFS2 file systems. */
function convertFilesystems(file: string): void {
  if (!fs.existsSync(file)) return;
  const stanzas = parseFilesystems(fs.readFileSync(file, 'utf8'));
  for (const st of stanzas) for (const a of st.attrs) if (a[0] === 'vfs' && a[1] === 'jfs') a[1] = 'jfs2';
  fs.writeFileSync(file, renderFilesystems(stanzas));
}

/** Forget the partial volume group (mklv failed): mkvg had overwritten the targets, which are now free. */
function rollback(ctx: CommandContext, vgid: string, targets: Disk[]): void {
  ctx.update((s) => {
    for (const t of targets) {
      const d = diskById(s, t.id);
      if (d) Object.assign(d, { vgid: null, bootRecord: null });
    }
    s.odm = s.odm.filter((v) => v.vgid !== vgid);
    delete s.vgdas[vgid];
    const folders = collectGarbage(s);
    removeFolders(ctx.dir, folders);
    syncAltInstLink(ctx.dir, s);
    s.history.push({ at: new Date().toISOString(), event: `phase 1 failed; partial altinst_rootvg ${vgid} removed` });
  });
}

export function runPhase1(ctx: CommandContext, t: Transcript, src: RootvgSource, o: Phase1Options): Phase1Result {
  const { prog, targets } = o;
  const lvs = src.lvs.map((lv) => (o.convertJfs ? convert(lv) : lv));
  if (!o.imageData) {
    t.trace(src.kind === 'clone' ? 'mkszfile' : 'restore -xqf <mksysb> ./image.data');
    t.line(src.kind === 'clone' ? LINE.callingMkszfile : LINE.restoringImageData);
    ctx.pause(src.kind === 'clone' ? NOMINAL.mkszfile : NOMINAL.restoreImageData);
  }
  t.line(LINE.checkingDiskSizes);
  ctx.pause(NOMINAL.checkSizes);
  const available = availablePps(targets, src.ppSizeMb);
  if (!o.skipSpaceCheck) {
    // [U message] The targets together must hold one copy of the used partitions (H-12).
    const need = neededPps(lvs);
    if (need > available) throw new AltFailure([ERR.notEnoughSpace(prog, need * src.ppSizeMb, available * src.ppSizeMb)]);
  }

  const fileSystems = fileSystemsByMount(lvs);
  const mounts = fileSystems.map((lv) => lv.mount!);
  const me = selfIdentity();
  t.trace(`mkvg -y altinst_rootvg ${targets.map((d) => d.name).join(' ')}`);
  t.line(LINE.creatingVg);
  const created = ctx.update((s) => {
    const vgid = nextVgid(s);
    const imageId = nextImageId(s);
    for (const t0 of targets) {
      const d = diskById(s, t0.id)!;
      if (d.pvid === null) d.pvid = nextPvid(s);
      d.vgid = vgid;
      // [U] mkvg writes a new disk header: a boot record left by an earlier rootvg is gone, and the
      // new one is written only when the boot image is built (phase 3).
      d.bootRecord = null;
    }
    const image: OsImage = {
      id: imageId,
      level: src.level,
      filesets: src.filesets,
      fsDir: `fs/${imageId}`,
      apars: src.apars,
      firstBootScript: null,
      deviceReset: false,
      console: null,
      renumberOnBoot: src.renumberOnBoot,
      kernel64: src.kernel64,
      restoredFrom: src.restoredFrom,
      importVgs: src.importVgs,
      boots: 0,
      odm: src.odm,
    };
    s.images[imageId] = image;
    s.vgdas[vgid] = {
      vgid,
      ppSizeMb: src.ppSizeMb,
      pvs: targets.map((d) => d.id),
      lvs: [],
      imageId,
      format: src.format,
      everSystemRootvg: false,
      build: { command: ctx.invoked, pid: me.pid, start: me.start, step: 'mkvg', filesystems: mounts, created: [], restored: [] },
      altSuperblocks: true,
    };
    s.odm.push({
      name: 'altinst_rootvg',
      vgid,
      active: true,
      lvsInOdm: true,
      alt: { origin: src.origin, phase: 1, awake: false, phase2Runs: 0, pending: { ...o.pending } },
      variedOnByHand: false,
    });
    const folders = collectGarbage(s);
    removeFolders(ctx.dir, folders);
    s.history.push({ at: new Date().toISOString(), event: `${prog}: altinst_rootvg ${vgid} created on ${targets.map((d) => d.name).join(' ')}` });
    return { vgid, imageId, fsDir: image.fsDir };
  });
  const build = (s: HostState) => s.vgdas[created.vgid]!.build!;
  ctx.pause(NOMINAL.createVg);

  let used = 0;
  for (const [i, lv] of lvs.entries()) {
    const alt = toAltLv(lv);
    t.trace(`mklv -y ${alt.name} -t ${lv.type} altinst_rootvg ${lv.lps}`);
    t.line(LINE.creatingLv(alt.name));
    const noSpace = used + lv.lps > available;
    if ((i === 0 && ctx.takeFault('phase1-space')) || noSpace) {
      MSG.allocpFailed.forEach((l) => t.line(l));
      t.line(MSG.mklvFailed);
      rollback(ctx, created.vgid, targets);
      throw new AltFailure([ERR.phase1Failed(prog)]);
    }
    used += lv.lps;
    ctx.update((s) => {
      s.vgdas[created.vgid]!.lvs.push({ ...alt, copies: 1 });
      if (i === lvs.length - 1) build(s).step = 'mklv';
    });
    ctx.pause(NOMINAL.createLv);
  }

  // crfs and mount, one file system at a time: <host>/alt_inst appears with the first, "/".
  const folder = path.join(ctx.dir, created.fsDir);
  for (const lv of fileSystems) {
    t.trace(`crfs -v ${lv.type} -d ${toAltLv(lv).name} -m ${toAltLv(lv).mount}`);
    t.line(src.kind === 'clone' ? LINE.creatingFsClone(lv.mount!) : LINE.creatingFsMksysb(lv.mount!));
    if (lv.mount === '/') fs.mkdirSync(folder, { recursive: true });
    ctx.update((s) => {
      const b = build(s);
      b.created.push(lv.mount!);
      if (b.created.length === mounts.length) b.step = 'crfs';
      syncAltInstLink(ctx.dir, s);
    });
    ctx.pause(NOMINAL.createFs);
  }
  fs.mkdirSync(folder, { recursive: true });
  if (fileSystems.length === 0) ctx.update((s) => void (build(s).step = 'crfs'));
  syncAltInstLink(ctx.dir, ctx.state());

  if (src.kind === 'clone') {
    LINE.generatingList.forEach((l) => t.line(l));
    ctx.pause(NOMINAL.fileList);
    LINE.backingUp.forEach((l) => t.line(l));
  } else {
    t.line(LINE.restoringMksysb);
  }
  t.trace(src.kind === 'clone' ? 'backup -if - | restore -xqf -' : 'restore -xqf <mksysb>');
  // The data goes in file system by file system (the order backup walks the tree), each saved as done.
  const totalLps = fileSystems.reduce((n, lv) => n + lv.lps, 0) || 1;
  const seconds = src.usedMb * (src.kind === 'clone' ? NOMINAL.copyPerMb : NOMINAL.restorePerMb);
  const steps = mounts.length > 0 ? mounts : ['/'];
  for (const [i, mount] of steps.entries()) {
    const names = src.fill(folder, (rel) => fileSystemOf(rel, mounts) === mount);
    if (o.convertJfs && mount === '/') convertFilesystems(path.join(folder, 'etc/filesystems'));
    if (o.verbose) names.forEach((n) => t.line(LINE.verboseFile(n)));
    const lps = fileSystems[i]?.lps ?? totalLps;
    ctx.pause((seconds * lps) / totalLps);
    ctx.update((s) => {
      const b = build(s);
      b.restored.push(mount);
      if (i === steps.length - 1) b.step = 'restore';
    });
    // disk-gone --during: the disk goes half-way through the restore.
    if (i === Math.floor((steps.length - 1) / 2)) diskGoneDuringRestore(ctx, prog, targets);
  }
  if (src.kind === 'mksysb' && src.kernel64) {
    t.line(LINE.linking64);
    ctx.pause(NOMINAL.link64);
  }
  ctx.update((s) => {
    build(s).step = 'complete';
    s.history.push({ at: new Date().toISOString(), event: `${prog}: phase 1 of altinst_rootvg ${created.vgid} complete` });
  });
  return { vgid: created.vgid, imageId: created.imageId };
}

function diskGoneDuringRestore(ctx: CommandContext, prog: string, targets: Disk[]): void {
  for (const d of targets) {
    if (!ctx.takeFault('disk-gone', d.name)) continue;
    ctx.update((s: HostState) => {
      const gone = diskById(s, d.id);
      if (gone) gone.present = false;
      s.history.push({ at: new Date().toISOString(), event: `${d.name} disappeared during the restore of ${prog}` });
    });
    throw new AltFailure([ERR.ioError(prog, d.name)]);
  }
}
