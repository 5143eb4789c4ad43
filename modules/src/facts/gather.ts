import type { HostAccess } from '../runtime/host-access.js';
import { aixCommand } from '../aix/commands.js';
import { FactsError } from './errors.js';
import { mapLimit, parseWith, runParsed } from './run.js';
import { altRootvgState, lastMountingCommand } from './alt-rootvg.js';
import { checkEtcFilesystems } from './etc-filesystems-check.js';
import { parseAltDiskLog } from './parse/alt-disk-log.js';
import { parseAltRootvgQuery } from './parse/alt-rootvg-op.js';
import { parseBootlist } from './parse/bootlist.js';
import { parseGetconfInt, parseGetconfWord } from './parse/getconf.js';
import { parseGetlvodm } from './parse/getlvodm.js';
import { parseLslpp } from './parse/lslpp.js';
import { parseLslvL } from './parse/lslv.js';
import { parseLqueryvgL } from './parse/lqueryvg.js';
import { parseLsdevStatus, type DiskStatus } from './parse/lsdev.js';
import { reached } from './parse/alt-disk-transcript.js';
import { altDiskProcess, parsePs } from './parse/ps.js';
import { LOCK_FILE, RUN_RECORD, holderOfThisSystem, parseLockHolder, parseRunRecord, recordIsCurrent, runOutcome, type LockHolder, type RunRecord, type RunOutcome } from './run-record.js';
import { parseLspv, type LspvRow } from './parse/lspv.js';
import { parseLsvg, parseLsvgL, parseLsvgList, type LvRow } from './parse/lsvg.js';
import { mountedUnder, parseMount, type MountEntry } from './parse/mount.js';
import type { BootlistEntry } from './parse/bootlist.js';
import { CHANGING, HostQuestions } from './ask.js';
import { isModernBase, parseOslevel } from './parse/oslevel.js';
import { AixParseError } from './parse/text.js';
import type {
  AltRootvgFacts,
  DiskFacts,
  GatherOptions,
  Generation,
  HostFacts,
  OperationFacts,
  OldRootvgFacts,
  OsLevelFacts,
  RootvgFacts,
  VgRole,
  VolumeGroupFacts,
} from './types.js';

// gatherFacts runs only read-only commands: everything independent at once (oslevel with them; only
// the generation's own commands wait for it), and only what the module's options ask for (a
// module's planner and safety checks read less than the facts module); per-disk queries only for disks lspv shows without a VG
// (getlvodm, size, and their own VGDA with lqueryvg), and per-VG queries only where they can
// answer (lsvg <vg> for varied-on VGs: a varied-off one answers 0516-010; its VGDA through lqueryvg).
// Facts are read while the host may be changing (an alternate-disk command running): a query of
// a disk or volume group that fails is retried from the start before it is reported.

export const ALT_DISK_RTE = 'bos.alt_disk_install.rte';
export const ALT_DISK_BOOT_IMAGES = 'bos.alt_disk_install.boot_images';
export const ALT_DISK_LOG = '/var/adm/ras/alt_disk_inst.log';
export const ALT_INST = '/alt_inst';
const PER_DISK_IN_FLIGHT = 8;

/**
 * Promise.all that fails only once every question has answered: a failure never leaves commands
 * of this gathering running behind the answer (or behind a retry).
 */
async function allAnswered<T extends readonly unknown[]>(questions: { [K in keyof T]: T[K] | Promise<T[K]> }): Promise<T> {
  const settled = await Promise.allSettled(questions);
  const failed = settled.find((s): s is PromiseRejectedResult => s.status === 'rejected');
  if (failed) throw failed.reason;
  return settled.map((s) => (s as PromiseFulfilledResult<unknown>).value) as unknown as T;
}

/** The answer of a question the module's scope leaves out. */
const skipped = <T>(value: T): Promise<T> => Promise.resolve(value);

function roleOf(name: string): VgRole {
  if (name === 'rootvg' || name === 'altinst_rootvg' || name === 'old_rootvg') return name;
  return 'other';
}

export async function gatherOslevel(host: HostAccess, base: string, generation: Generation): Promise<OsLevelFacts> {
  if (generation === 'modern') {
    const s = await host.run(aixCommand('oslevel', '-s'));
    if (s.rc === 0) {
      const answer = parseWith(s, (r) => parseOslevel(r.stdout));
      if (answer.form === 'sp') return { base, tl: answer.tl, sp: answer.sp };
    }
    // Early 5.3 levels have no -s: the technology level is all there is.
  }
  const tl = await runParsed(host, aixCommand('oslevel', '-r'), (text) => {
    const answer = parseOslevel(text);
    if (answer.form !== 'tl') throw new AixParseError('oslevel -r', `expected a level like 7300-02, got ${JSON.stringify(text.trim())}`, text);
    return answer.tl;
  });
  return { base, tl, sp: null };
}

/** The levels of both alt-disk filesets in one lslpp (null for one that is not installed). */
async function filesetLevels(host: HostAccess): Promise<{ rte: string | null; bootImages: string | null }> {
  const r = await host.run(aixCommand('lslpp', '-lc', ALT_DISK_RTE, ALT_DISK_BOOT_IMAGES));
  const answer = parseWith(r, (x) => parseLslpp(x.stdout, x.stderr));
  const level = (fileset: string): string | null => {
    const found = answer.installed.find((f) => f.fileset === fileset);
    if (found) return found.level;
    if (answer.missing.includes(fileset)) return null;
    throw new FactsError(r.argv, r.rc, r.stderr, `no answer for ${fileset}`, r.stdout);
  };
  return { rte: level(ALT_DISK_RTE), bootImages: level(ALT_DISK_BOOT_IMAGES) };
}

/** The size in MB, or what AIX answered when it cannot tell (a disk that is gone answers with an error). */
async function diskSize(host: HostAccess, generation: Generation, disk: string): Promise<{ sizeMb: number | null; error: string | null }> {
  // getconf DISK_SIZE is the supported query (§13, H-16); 4.3 only has bootinfo -s [U].
  const argv = generation === 'modern' ? aixCommand('getconf', 'DISK_SIZE', `/dev/${disk}`) : aixCommand('bootinfo', '-s', disk);
  try {
    return { sizeMb: await runParsed(host, argv, parseGetconfInt), error: null };
  } catch (e) {
    if (!(e instanceof FactsError) || e.rc === 0) throw e;
    return { sizeMb: null, error: e.message };
  }
}

/**
 * What a disk lspv shows without a VG holds in its own VGDA (`lqueryvg -p <disk> -L`), on every
 * AIX level: AIX 4.3 shows the former rootvg that way after the clone was booted (seed), an
 * alternate rootvg removed with -X keeps its copy there, and an exported volume group keeps its
 * logical volumes. null when the VGDA lists nothing (a clean disk answers 0516-066).
 */
async function onDiskLvs(host: HostAccess, row: LspvRow): Promise<string[] | null> {
  if (row.vg !== null || row.pvid === null) return null;
  const r = await host.run(aixCommand('lqueryvg', '-p', row.name, '-L'));
  const lvs = parseLqueryvgL(r)?.lvs ?? [];
  return lvs.length ? lvs : null;
}

/** bootinfo -B: whether the disk carries a boot record firmware would start (PTXray reads 0|1). */
async function hasBootRecord(host: HostAccess, disk: string): Promise<boolean> {
  const r = await host.run(aixCommand('bootinfo', '-B', disk));
  return r.rc === 0 && r.stdout.trim() === '1';
}

const isAltName = (lv: string) => lv.startsWith('alt_');

async function isFree(host: HostAccess, row: LspvRow): Promise<boolean> {
  if (row.vg !== null) return false;
  const r = await host.run(aixCommand('getlvodm', '-j', row.name));
  return !parseWith(r, parseGetlvodm).assigned;
}

/** Disks holding the boot LVs of a VG: one disk holds them all; several need `lslv -l`. */
async function bootLvDisks(host: HostAccess, disks: string[], lvs: LvRow[]): Promise<string[]> {
  const bootLvs = lvs.filter((lv) => lv.type === 'boot');
  if (bootLvs.length === 0) return [];
  if (disks.length <= 1) return disks;
  const holders = await Promise.all(bootLvs.map((lv) => runParsed(host, aixCommand('lslv', '-l', lv.name), parseLslvL)));
  const set = new Set(holders.flatMap((h) => h.pvs.map((p) => p.pv)));
  return disks.filter((d) => set.has(d));
}

/** The boot disk of a varied-off alternate rootvg: its only disk, or `alt_rootvg_op -q` (5.3+). */
async function sleepingBootDisk(host: HostAccess, generation: Generation, disks: string[]): Promise<string | null> {
  if (disks.length === 1) return disks[0]!;
  if (disks.length === 0 || generation === 'legacy') return null;
  return runParsed(host, aixCommand('alt_rootvg_op', '-q', '-d', disks[0]!), parseAltRootvgQuery);
}

function volumeGroups(rows: LspvRow[], names: string[], active: string[]): VolumeGroupFacts[] {
  const all = [...names];
  for (const r of rows) if (r.vg !== null && !all.includes(r.vg)) all.push(r.vg);
  return all.map((name) => ({
    name,
    role: roleOf(name),
    active: active.includes(name),
    disks: rows.filter((r) => r.vg === name).map((r) => r.name),
    details: null,
  }));
}

interface AltContext {
  generation: Generation;
  mountedAt: string[];
  logText: string | null;
  diskStatus: DiskStatus;
  operations: OperationFacts[];
  lastRun: HostFacts['lastRun'];
  /** Ask `lsvg altinst_rootvg` (its details, for the facts). */
  details: boolean;
}

/**
 * Why the recorded run left this alternate rootvg half-made, or null when it did not. Only a
 * command that copies into it (phase 1) or installs into it (phase 2, alt_rootvg_op -C) can leave
 * it half-made; callers never apply this to a place holder that phase 3 finished.
 */
function interruptedBy(vgDisks: string[], lastRun: HostFacts['lastRun']): string | null {
  if (!lastRun || !lastRun.record.disks.some((d) => vgDisks.includes(d))) return null;
  const o: RunOutcome = lastRun.outcome;
  const cmd = (c: { argv: string[] } | null) => (c ? c.argv.map((w) => w.slice(w.lastIndexOf('/') + 1)).join(' ') : 'its command');
  if (o.kind === 'interrupted' && o.command) {
    // Killed: whole only as far as its output proved. Phase 1 before the copy was done, phase 2
    // (an install stopped half-way), phase 3 between its renaming and its end: all half-made.
    const phases = fillsCopy(o.command.argv);
    const stage = o.command.stage;
    const cut =
      reached(stage, 'finishing') ? !reached(stage, 'finished') : (phases.includes('1') && !reached(stage, 'copied')) || phases.includes('2');
    if (cut) return `the altdisk ${lastRun.record.module} run of ${lastRun.record.started} did not finish ${cmd(o.command)}: ${o.why}`;
    return null;
  }
  // AIX removes what a phase 1 that failed had created; a volume group still there is half-made,
  // unless its output showed the copy whole, or AIX said a later step failed (a script, installp, bosboot, bootlist).
  if (o.kind === 'finished' && o.failed && fillsCopy(o.failed.argv).includes('1') && !reached(o.failed.stage, 'copied') && !AFTER_COPY_FAILURE.test(o.failed.error ?? '')) {
    return `${cmd(o.failed)} failed (rc ${o.failed.rc}) in the altdisk ${lastRun.record.module} run of ${lastRun.record.started}, before its copy was whole`;
  }
  return null;
}

/** What AIX says when a step after the copy fails (phase 2's script or installp, phase 3's bosboot or bootlist). */
const AFTER_COPY_FAILURE = /customization script .* failed|installp|0503-\d{3}|bosboot|bootlist/i;

/** The phases of a logged or recorded command that write into the copy ('1' copies, '2' installs). */
function fillsCopy(argv: string[]): string[] {
  const name = argv[0]?.slice(argv[0].lastIndexOf('/') + 1) ?? '';
  if (name === 'alt_rootvg_op') return argv.includes('-C') ? ['2'] : [];
  if (!['alt_disk_copy', 'alt_disk_mksysb', 'alt_disk_install'].includes(name)) return [];
  if (name === 'alt_disk_install' && !argv.includes('-C') && !argv.includes('-d')) return [];
  const i = argv.findIndex((w) => w === '-P' || /^-P\d+$/.test(w));
  const value = i < 0 ? 'all' : argv[i] === '-P' ? (argv[i + 1] ?? '') : argv[i]!.slice(2);
  return value === 'all' ? ['1', '2'] : ['1', '2'].filter((p) => value.includes(p));
}

async function gatherAltRootvg(host: HostAccess, vg: VolumeGroupFacts | undefined, c: AltContext): Promise<AltRootvgFacts> {
  if (!vg) return { state: 'none', vg: null, disks: [], bootDisk: null, mountedAt: [], lvs: null, decidedBy: null, madeBy: null, variedOn: false, problem: null };
  const mounting = lastMountingCommand(c.logText === null ? [] : parseAltDiskLog(c.logText));
  const madeBy = mounting?.record ?? null;
  const base = { vg: vg.name, disks: vg.disks, mountedAt: c.mountedAt, madeBy, variedOn: vg.active };
  const single = vg.disks.length === 1 ? vg.disks[0]! : null;
  // Whatever it looks like while a command works on it, it is not finished: no query can be trusted.
  const op = c.operations[0];
  if (op) {
    return { ...base, state: 'in-progress', bootDisk: single, lvs: null, decidedBy: null, problem: `${op.command} (pid ${op.pid}) is running now` };
  }
  const gone = vg.disks.filter((d) => c.diskStatus[d] !== undefined && c.diskStatus[d] !== 'Available');
  if (gone.length) {
    return { ...base, state: 'incomplete', bootDisk: single, lvs: null, decidedBy: null, problem: `${gone.join(' ')} ${gone.length > 1 ? 'are' : 'is'} gone (lsdev -Cc disk shows ${gone.map((d) => `${d} ${c.diskStatus[d]}`).join(', ')})` };
  }
  const interrupted = interruptedBy(vg.disks, c.lastRun);
  if (!vg.active) {
    // Varied off: only its VGDA tells a place holder (real names) from a phase-1 copy a reboot varied off (alt_ names).
    const r = await host.run(aixCommand('lqueryvg', '-p', vg.disks[0]!, '-L'));
    const names = parseLqueryvgL(r)?.lvs ?? [];
    const common = { ...base, lvs: null, decidedBy: names.some(isAltName) ? madeBy : null };
    if (names.length === 0) return { ...common, state: 'incomplete', bootDisk: single, problem: `its VGDA lists no logical volume (lqueryvg -p ${vg.disks[0]} -L)` };
    if (interrupted) return { ...common, state: 'incomplete', bootDisk: single, problem: interrupted };
    if (!names.some(isAltName)) return { ...common, state: 'complete', bootDisk: await sleepingBootDisk(host, c.generation, vg.disks), problem: null };
    return { ...common, state: 'phase1', bootDisk: single, problem: null };
  }
  const [details, listing] = await allAnswered([
    c.details ? runParsed(host, aixCommand('lsvg', vg.name), parseLsvg) : skipped(null),
    runParsed(host, aixCommand('lsvg', '-l', vg.name), parseLsvgL),
  ]);
  vg.details = details;
  let state = altRootvgState(vg.active, c.mountedAt.length > 0, mounting?.by ?? null);
  let problem: string | null = null;
  // Varied on with alt_ logical volumes but nothing mounted: a phase 1 (or 3) stopped half-way, not a place holder varied on by hand.
  if (state === 'varied-on-by-hand' && listing.lvs.some((lv) => isAltName(lv.name))) {
    state = 'incomplete';
    problem = 'it is varied on with alt_ logical volumes but nothing is mounted at /alt_inst: a phase 1 or phase 3 stopped half-way';
  }
  if (interrupted && state !== 'awake') {
    state = 'incomplete';
    problem = interrupted;
  }
  // Mounted: the LVs are in the ODM under their alt_ names, lslv finds alt_hd5. Varied on by
  // hand: the ODM knows no LVs of it, and its only disk is the one place the boot image can be.
  const bootDisk = state === 'varied-on-by-hand' ? single : ((await bootLvDisks(host, vg.disks, listing.lvs))[0] ?? single);
  return {
    ...base,
    state,
    bootDisk,
    lvs: listing.lvs,
    decidedBy: state === 'phase1' || state === 'awake' ? madeBy : null,
    problem,
  };
}

/** The alt_disk_* commands running now (ps, never remembered); none when ps cannot tell. */
export async function runningAltDiskCommands(host: HostAccess): Promise<OperationFacts[]> {
  const r = await host.run(aixCommand('ps', '-e', '-o', 'pid,args'));
  if (r.rc !== 0) return [];
  return parsePs(r.stdout)
    .filter((row) => row.pid !== process.pid && altDiskProcess(row) !== null)
    .map((row) => ({ pid: row.pid, command: altDiskProcess(row)!.words.join(' '), by: 'aix' as const }));
}

function liveHolder(host: HostAccess, text: string | null, rootvgPvids: string[]): LockHolder | null {
  const h = parseLockHolder(text);
  return h && h.pid !== process.pid && holderOfThisSystem(h, rootvgPvids) && host.processAlive(h.pid) ? h : null;
}

function currentRun(host: HostAccess, text: string | null, rootvgPvids: string[], logText: string | null): HostFacts['lastRun'] {
  const record: RunRecord | null = parseRunRecord(text);
  // This task's own record counts once it is finished (the facts after its run), never while it runs.
  if (!record || (record.pid === process.pid && record.status === 'running')) return null;
  const logRecords = logText === null ? 0 : parseAltDiskLog(logText).length;
  if (!recordIsCurrent(record, rootvgPvids, logRecords)) return null;
  return { record, outcome: runOutcome(record, (pid) => host.processAlive(pid)) };
}

/** Queries whose answer depends on a disk or volume group that an operation may be changing right now. */
function readsChangingState(argv: readonly string[]): boolean {
  const name = argv[0]?.slice(argv[0].lastIndexOf('/') + 1) ?? '';
  if (name === 'lsvg') return argv.length > 1 && argv[argv.length - 1] !== 'rootvg' && argv[1] !== '-o';
  return ['lslv', 'alt_rootvg_op', 'getlvodm', 'lqueryvg', 'getconf', 'bootinfo'].includes(name);
}

const GATHER_ATTEMPTS = 3;

export async function gatherFacts(host: HostAccess, options: GatherOptions = {}): Promise<HostFacts> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await gatherOnce(host, options);
    } catch (e) {
      if (!(e instanceof FactsError) || attempt >= GATHER_ATTEMPTS || !readsChangingState(e.argv)) throw e;
      // Asked again from the start: nothing remembered from a host that was changing.
      if (host instanceof HostQuestions) host.forget(CHANGING);
      await new Promise((r) => setTimeout(r, 200 * attempt));
    }
  }
}

/** The disks that get the per-disk questions: the scope's, and always the first disk of the normal boot list. */
function probedDisks(options: GatherOptions, generation: Generation, normal: BootlistEntry[]): Set<string> | 'all' {
  const scope = typeof options.probeDisks === 'function' ? options.probeDisks(generation) : (options.probeDisks ?? 'all');
  if (scope === 'all') return 'all';
  const out = new Set(scope);
  const first = normal[0]?.device;
  if (first) out.add(first);
  return out;
}

async function gatherOnce(host: HostAccess, options: GatherOptions): Promise<HostFacts> {
  const want = (part: boolean | undefined) => part !== false;
  // Every question that depends on nothing starts at once; the level decides only the generation's own commands.
  const [base, lspv, vgNames, normal, service, { rte, bootImages }, earlyMounts, etcText, logText, rootInfo, rootListing, diskStatus, running, recordText, lockText] =
    await allAnswered([
      runParsed(host, aixCommand('oslevel'), parseOslevel).then((a) => a.base),
      runParsed(host, aixCommand('lspv'), parseLspv),
      want(options.vgList) ? runParsed(host, aixCommand('lsvg'), parseLsvgList) : skipped([] as string[]),
      runParsed(host, aixCommand('bootlist', '-m', 'normal', '-o'), parseBootlist),
      runParsed(host, aixCommand('bootlist', '-m', 'service', '-o'), parseBootlist),
      want(options.filesets) ? filesetLevels(host) : skipped({ rte: null, bootImages: null }),
      want(options.mounts) ? runParsed(host, aixCommand('mount'), parseMount) : skipped(null),
      host.readFile('/etc/filesystems'),
      host.readFile(ALT_DISK_LOG),
      options.vgDetails !== 'none' ? runParsed(host, aixCommand('lsvg', 'rootvg'), parseLsvg) : skipped(null),
      runParsed(host, aixCommand('lsvg', '-l', 'rootvg'), parseLsvgL),
      runParsed(host, aixCommand('lsdev', '-Cc', 'disk', '-F', 'name:status'), parseLsdevStatus),
      runningAltDiskCommands(host),
      host.readFile(RUN_RECORD),
      host.readFile(LOCK_FILE),
    ]);
  const generation: Generation = isModernBase(base) ? 'modern' : 'legacy';
  // The mounts tell the state of an altinst_rootvg; without one, a module's plan does not read them.
  const hasAltinst = lspv.some((r) => r.vg === 'altinst_rootvg');
  const [oslevel, bootDevice, mounts] = await allAnswered([
    want(options.oslevelDetail) ? gatherOslevel(host, base, generation) : skipped({ base, tl: null, sp: null }),
    want(options.bootDevice) ? runParsed(host, generation === 'modern' ? aixCommand('getconf', 'BOOT_DEVICE') : aixCommand('bootinfo', '-b'), parseGetconfWord) : skipped(null),
    earlyMounts ?? (hasAltinst ? runParsed(host, aixCommand('mount'), parseMount) : skipped([] as MountEntry[])),
  ]);
  const probed = probedDisks(options, generation, normal);
  const asks = (name: string) => probed === 'all' || probed.has(name);

  // A varied-on VG shows "active" (or "concurrent") on its disks in lspv: what lsvg -o would list.
  const activeVgNames = [...new Set(lspv.filter((r) => r.vg !== null && (r.state === 'active' || r.state === 'concurrent')).map((r) => r.vg!))];
  const vgs = volumeGroups(lspv, vgNames, activeVgNames);
  const rootVg = vgs.find((v) => v.role === 'rootvg');
  if (!rootVg) throw new FactsError(aixCommand('lspv'), 0, '', 'no disk of rootvg in lspv');
  rootVg.details = rootInfo;
  const altVg = vgs.find((v) => v.role === 'altinst_rootvg');
  const oldVg = vgs.find((v) => v.role === 'old_rootvg');
  const otherActive = options.vgDetails === 'all' ? vgs.filter((v) => v.active && v.role !== 'rootvg' && v.role !== 'altinst_rootvg') : [];

  const rootvgPvids = lspv.filter((r) => r.vg === 'rootvg' && r.pvid !== null).map((r) => r.pvid!);
  const holder = liveHolder(host, lockText, rootvgPvids);
  const operations: OperationFacts[] = [...(holder ? [{ pid: holder.pid, command: `altdisk ${holder.what}`, by: 'altdisk' as const }] : []), ...running];
  const lastRun = currentRun(host, recordText, rootvgPvids, logText);
  // A recorded run whose AIX command still runs although its task is gone (killed alone: the command
  // goes on until its next line finds no reader): in progress, whatever ps can tell.
  const stillRunning = lastRun?.outcome.kind === 'running' ? lastRun.outcome.command : null;
  if (stillRunning && !holder && stillRunning.pid !== null && !operations.some((o) => o.pid === stillRunning.pid)) {
    operations.push({ pid: stillRunning.pid, command: stillRunning.argv.join(' '), by: 'altdisk' });
  }
  const goneReason = (name: string): string | null => {
    const status = diskStatus[name];
    return status !== undefined && status !== 'Available' ? `lsdev -Cc disk shows it ${status}` : null;
  };

  const [probes, rootBootDisks, altRootvg, oldBootDisk] = await allAnswered([
    mapLimit(lspv, PER_DISK_IN_FLIGHT, async (row) => {
      const gone = goneReason(row.name);
      // Not asked about (the plan names other disks): what lspv and lsdev say, nothing more.
      if (!asks(row.name)) return { free: false, sizeMb: null, unavailable: gone, rootvgCopy: false, copyBoots: false, exportedVg: null };
      // The questions about a disk lspv shows without a VG are independent: asked at once.
      const [assignedNowhere, size, onDisk] = await allAnswered([
        isFree(host, row),
        gone !== null ? { sizeMb: null, error: gone } : row.vg === null || row.vg === 'altinst_rootvg' || options.diskSizes === 'all' ? diskSize(host, generation, row.name) : { sizeMb: null, error: null },
        gone === null ? onDiskLvs(host, row) : null,
      ]);
      const readable = assignedNowhere && size.error === null;
      const lvs = readable ? onDisk : null;
      // A rootvg copy, finished (hd5) or not (alt_hd5, removed with -X before phase 3); only a finished one can boot.
      const copy = lvs !== null && (lvs.includes('hd5') || lvs.includes('alt_hd5'));
      const exportedVg = lvs !== null && !copy ? { lvs } : null;
      const copyBoots = copy && lvs.includes('hd5') && (await hasBootRecord(host, row.name));
      return { free: readable && exportedVg === null, sizeMb: size.sizeMb, unavailable: size.error, rootvgCopy: copy, copyBoots, exportedVg };
    }),
    bootLvDisks(host, rootVg.disks, rootListing.lvs),
    gatherAltRootvg(host, altVg, {
      generation,
      mountedAt: mountedUnder(mounts, ALT_INST).map((m) => m.mountPoint),
      logText,
      diskStatus,
      operations,
      lastRun,
      details: options.vgDetails !== 'none',
    }),
    oldVg ? sleepingBootDisk(host, generation, oldVg.disks) : Promise.resolve(null),
    ...otherActive.map(async (v) => {
      v.details = await runParsed(host, aixCommand('lsvg', v.name), parseLsvg);
    }),
  ]);

  const bootable = new Set(rootBootDisks);
  if ((altRootvg.state === 'complete' || altRootvg.state === 'varied-on-by-hand') && altRootvg.bootDisk) bootable.add(altRootvg.bootDisk);
  if (oldBootDisk) bootable.add(oldBootDisk);

  const disks: DiskFacts[] = lspv.map((row, i) => ({
    name: row.name,
    pvid: row.pvid,
    vg: row.vg,
    state: row.state,
    active: row.state === 'active' || row.state === 'concurrent',
    sizeMb: probes[i]!.sizeMb,
    free: probes[i]!.free,
    unavailable: probes[i]!.unavailable,
    bootable: probes[i]!.unavailable === null && (bootable.has(row.name) || probes[i]!.copyBoots),
    rootvgCopy: probes[i]!.rootvgCopy,
    exportedVg: probes[i]!.exportedVg,
  }));

  const rootvg: RootvgFacts = {
    // Zeros when the plan does not read rootvg's sizes (rootvgDetails: false).
    ppSizeMb: rootInfo?.ppSizeMb ?? 0,
    totalPps: rootInfo?.totalPps ?? 0,
    usedPps: rootInfo?.usedPps ?? 0,
    freePps: rootInfo?.freePps ?? 0,
    totalPvs: rootInfo?.totalPvs ?? rootVg.disks.length,
    copies: Math.max(1, ...rootListing.lvs.map((lv) => lv.copies)),
    disks: rootVg.disks,
    bootDisks: rootBootDisks,
    lvs: rootListing.lvs,
  };
  const oldRootvg: OldRootvgFacts | null = oldVg ? { disks: oldVg.disks, bootDisk: oldBootDisk } : null;

  return {
    generation,
    oslevel,
    disks,
    volumeGroups: vgs,
    rootvg,
    altRootvg,
    oldRootvg,
    bootlists: { normal, service },
    altDiskFilesets: { rte, bootImages },
    mounts,
    bootDevice,
    etcFilesystems: checkEtcFilesystems(etcText, rootListing.lvs),
    operations,
    lockHolder: holder,
    lastRun,
  };
}
