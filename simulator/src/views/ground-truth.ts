import { nodeCrypto } from '../runtime/lazy-builtins.js';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { HostState, OdmVg, Vgda, VgBuild } from '../state/types.js';
import { diskById, disksOfVg, runningImage } from './host.js';
import { bootStop, predictBoot } from './boot.js';
import { liveProcesses, processAlive } from '../runtime/procs.js';
import { listFiles } from '../altdisk/files.js';
import { ALT_DISK_LOG } from '../altdisk/log.js';

// `aixsim show`: what is really on the simulated host, for tests and for an admin rehearsing. Not an
// AIX view: it reads the simulator's own model (disks, VGDAs, ODM, boot list, running processes), the
// truth the modules' facts must agree with. The JSON shape is a contract of the model-based tests:
// add fields, never rename or remove them (SHOW_SCHEMA changes only for a breaking change).

export const SHOW_SCHEMA = 1;

/** The true state of a rootvg copy other than the running rootvg. */
export type CopyState =
  | 'phase1-in-progress' // phase 1 is being written by a live alt-disk command
  | 'phase1-broken' // phase 1 never finished (its command died or failed): half-made, does not boot
  | 'phase1-mounted' // phase 1 complete, varied on, /alt_inst mounted (phases 2/3 to run)
  | 'phase1-varied-off' // phase 1 complete, varied off by a reboot before phase 3 (phase 3 can finish it)
  | 'phase3-in-progress' // phase 3 or put-to-sleep running now
  | 'phase3-broken' // phase 3 or put-to-sleep died half-way (real names, file systems not fixed)
  | 'complete' // a sleeping altinst_rootvg (or a renamed one): a complete rootvg copy
  | 'awake' // woken up with alt_rootvg_op -W (alt_ names, must be put to sleep before it boots)
  | 'old-rootvg' // a former rootvg the running system knows (old_rootvg)
  | 'removed'; // no volume group of the running system (alt_rootvg_op -X, exportvg, 4.3's hidden old rootvg): the VGDA is still on the disks

export interface ShowOperation {
  command: string;
  args: string[];
  pid: number;
  since: string;
  alive: boolean;
}

export interface ShowBoot {
  ok: boolean;
  led: '554' | '518' | null;
  /** Why it does not boot (or null). */
  reason: string | null;
}

export interface ShowCopy {
  vgid: string;
  /** The running system's name for it (ODM), null when it has none. */
  name: string | null;
  disks: string[];
  /** The disk holding its boot record, null when no boot image was ever built on it. */
  bootDisk: string | null;
  state: CopyState;
  level: string;
  /** The command that made it (ODM bookkeeping or the build record), or "rootvg" for a former rootvg. */
  origin: string;
  wasSystemRootvg: boolean;
  lvs: string[];
  /** Phase-1 progress (null for a volume group no alt-disk command built). */
  build: VgBuild | null;
  odm: { name: string; active: boolean; lvsInOdm: boolean; phase: 1 | 3 | null; awake: boolean } | null;
  /** What booting it would do if firmware loaded its boot image (the boot list pointed at it). */
  boot: ShowBoot;
  /** The live alt-disk operation working on it, if any. */
  operation: ShowOperation | null;
}

export interface ShowDisk {
  name: string;
  id: string;
  pvid: string | null;
  sizeMb: number;
  present: boolean;
  bootRecord: string | null;
  /** The VGDA written on it (whatever the ODM says). */
  vgda: { vgid: string; lvs: string[]; rootvgCopy: boolean } | null;
  /** The volume group the running system knows it by (lspv's third column), null for None. */
  odmVg: string | null;
  /** Holds a VGDA the running system does not know (exported, removed with -X): not free, whatever lspv says. */
  foreignVgda: boolean;
}

export interface ShowJson {
  schema: number;
  host: string;
  profile: string;
  generation: 'legacy' | 'modern';
  level: string;
  down: { reason: string; since: string } | null;
  nextBoot: {
    bootlist: string[];
    disk: string | null;
    vgid: string | null;
    ok: boolean;
    led: '554' | '518' | null;
    noBootableDevice: boolean;
    reason: string | null;
    /** The volume group it starts is the rootvg running now. */
    startsRunningRootvg: boolean;
    /** The OS level it would start, null when nothing starts. */
    level: string | null;
  };
  rootvg: { vgid: string; disks: string[]; bootDisks: string[]; level: string; digest: string };
  copies: ShowCopy[];
  disks: ShowDisk[];
  operation: ShowOperation | null;
  processes: { pid: number; ppid: number; command: string; args: string[]; since: string }[];
  faults: { step: string; disk: string | null; remaining: number; during: string | null; takenBy: string | null }[];
}

function levelText(state: HostState, vgda: Vgda): string {
  const img = vgda.imageId ? state.images[vgda.imageId] : undefined;
  return img ? (img.level.sp ?? img.level.base) : '';
}

/**
 * A digest of what the running rootvg holds: its logical volumes, disks and boot records, the OS
 * level and filesets, and every file of the running image except alt_disk_inst.log (which the
 * alternate-disk commands append to) and /var/adm/ras/altdisk/ (the altdisk modules' lock and run
 * record, their own log of the same kind). Equal digests: rootvg untouched.
 */
/** Where the altdisk modules keep their lock and run record (modules/src/facts/run-record.ts ALTDISK_DIR). */
const ALTDISK_RECORDS = './var/adm/ras/altdisk/';

export function rootvgDigest(dir: string, state: HostState): string {
  const vgda = state.vgdas[state.booted.vgid]!;
  const img = runningImage(state);
  const h = nodeCrypto().createHash('sha256');
  h.update(JSON.stringify({ lvs: vgda.lvs, pvs: vgda.pvs, ppSizeMb: vgda.ppSizeMb, format: vgda.format }));
  h.update(JSON.stringify(vgda.pvs.map((id) => diskById(state, id)).map((d) => d && { id: d.id, present: d.present, bootRecord: d.bootRecord, vgid: d.vgid })));
  h.update(JSON.stringify({ level: img.level, filesets: img.filesets, apars: img.apars, kernel64: img.kernel64 }));
  const root = path.join(dir, img.fsDir);
  const skip = './' + ALT_DISK_LOG.slice(1);
  for (const name of listFiles(root)) {
    if (name === skip || name.startsWith(ALTDISK_RECORDS)) continue;
    h.update(name + '\0');
    try {
      h.update(fs.readFileSync(path.join(root, name.slice(2))));
    } catch {
      h.update('\0unreadable');
    }
    h.update('\0');
  }
  return h.digest('hex');
}

function operationOf(state: HostState): ShowOperation | null {
  const b = state.busy;
  if (!b) return null;
  return { command: b.command, args: b.args ?? [], pid: b.pid, since: b.since, alive: processAlive(b.pid, b.start ?? null) };
}

function copyState(vgda: Vgda, odm: OdmVg | undefined, op: ShowOperation | null): CopyState {
  const build = vgda.build;
  const altNames = vgda.lvs.some((lv) => lv.name.startsWith('alt_'));
  // Removed from the system (its build record still says how far phase 1 got).
  if (!odm) return 'removed';
  if (build && build.step !== 'complete') return processAlive(build.pid, build.start) ? 'phase1-in-progress' : 'phase1-broken';
  if (odm.alt) {
    if (odm.alt.phase === 1 || odm.alt.awake) {
      if (!altNames) return op?.alive ? 'phase3-in-progress' : 'phase3-broken';
      if (odm.alt.awake) return 'awake';
      return odm.active ? 'phase1-mounted' : 'phase1-varied-off';
    }
    if (altNames || vgda.altSuperblocks) return op?.alive ? 'phase3-in-progress' : 'phase3-broken';
    return 'complete';
  }
  return vgda.everSystemRootvg ? 'old-rootvg' : 'complete';
}

function copyBoot(dir: string, state: HostState, vgda: Vgda): ShowBoot {
  const disks = disksOfVg(state, vgda.vgid);
  const boot = disks.find((d) => d.bootRecord !== null);
  if (!boot) return { ok: false, led: null, reason: 'no boot image on its disks (phase 3 never built one): firmware finds no bootable device there' };
  if (!boot.present) return { ok: false, led: null, reason: `its boot disk ${boot.name} is gone: firmware finds no bootable device there` };
  const stop = bootStop(dir, state, boot);
  return stop ? { ok: false, led: stop.led, reason: stop.reason } : { ok: true, led: null, reason: null };
}

/** Is the live alt-disk operation working on this copy? Its writer, or any operation on an alternate rootvg. */
function involves(op: ShowOperation | null, build: VgBuild | null | undefined, odm: OdmVg | undefined): boolean {
  if (!op?.alive) return false;
  if (build && build.pid === op.pid && processAlive(build.pid, build.start)) return true;
  return odm?.alt !== null && odm?.alt !== undefined;
}

export function showHost(dir: string, state: HostState): ShowJson {
  const op = operationOf(state);
  const running = state.vgdas[state.booted.vgid]!;
  const verdict = predictBoot(dir, state);
  const bootVgda = verdict.vgid ? state.vgdas[verdict.vgid] : undefined;
  const copies: ShowCopy[] = [];
  for (const vgda of Object.values(state.vgdas)) {
    if (vgda.vgid === state.booted.vgid || vgda.imageId === null) continue;
    const disks = disksOfVg(state, vgda.vgid);
    if (disks.length === 0) continue;
    const odm = state.odm.find((v) => v.vgid === vgda.vgid);
    copies.push({
      vgid: vgda.vgid,
      name: odm?.name ?? null,
      disks: disks.map((d) => d.name),
      bootDisk: disks.find((d) => d.bootRecord !== null)?.name ?? null,
      state: copyState(vgda, odm, op),
      level: levelText(state, vgda),
      origin: odm?.alt?.origin ?? vgda.build?.command ?? (vgda.everSystemRootvg ? 'rootvg' : 'unknown'),
      wasSystemRootvg: vgda.everSystemRootvg,
      lvs: vgda.lvs.map((lv) => lv.name),
      build: vgda.build ? structuredClone(vgda.build) : null,
      odm: odm ? { name: odm.name, active: odm.active, lvsInOdm: odm.lvsInOdm, phase: odm.alt?.phase ?? null, awake: odm.alt?.awake ?? false } : null,
      boot: copyBoot(dir, state, vgda),
      operation: involves(op, vgda.build, odm) ? op : null,
    });
  }
  const level = runningImage(state).level;
  return {
    schema: SHOW_SCHEMA,
    host: state.hostname,
    profile: state.profile,
    generation: state.generation,
    level: level.sp ?? level.base,
    down: state.down ? { ...state.down } : null,
    nextBoot: {
      bootlist: state.bootlists.normal.map((e) => (e.diskId ? (diskById(state, e.diskId)?.name ?? e.device) : e.device)),
      disk: verdict.disk,
      vgid: verdict.vgid,
      ok: verdict.ok,
      led: verdict.led,
      noBootableDevice: verdict.disk === null,
      reason: verdict.reason,
      startsRunningRootvg: verdict.ok && verdict.vgid === state.booted.vgid,
      level: verdict.ok && bootVgda ? levelText(state, bootVgda) : null,
    },
    rootvg: {
      vgid: running.vgid,
      disks: disksOfVg(state, running.vgid).map((d) => d.name),
      bootDisks: disksOfVg(state, running.vgid)
        .filter((d) => d.bootRecord !== null)
        .map((d) => d.name),
      level: level.sp ?? level.base,
      digest: rootvgDigest(dir, state),
    },
    copies,
    disks: state.disks.map((d) => {
      const vgda = d.vgid ? state.vgdas[d.vgid] : undefined;
      const odm = d.vgid ? state.odm.find((v) => v.vgid === d.vgid) : undefined;
      return {
        name: d.name,
        id: d.id,
        pvid: d.pvid,
        sizeMb: d.sizeMb,
        present: d.present,
        bootRecord: d.bootRecord,
        vgda: vgda ? { vgid: vgda.vgid, lvs: vgda.lvs.map((lv) => lv.name), rootvgCopy: vgda.imageId !== null } : null,
        odmVg: odm?.name ?? null,
        foreignVgda: vgda !== undefined && odm === undefined,
      };
    }),
    operation: op,
    processes: liveProcesses(dir).map((p) => ({ pid: p.pid, ppid: p.ppid, command: p.command, args: p.args, since: p.startedAt })),
    faults: state.faults.map((f) => ({
      step: f.step,
      disk: f.disk ?? null,
      remaining: f.remaining,
      during: f.during ?? null,
      takenBy: f.claim ? `${f.claim.command} (process ${f.claim.pid})` : null,
    })),
  };
}
