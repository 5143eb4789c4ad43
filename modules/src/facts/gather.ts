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
import { parseLspv, type LspvRow } from './parse/lspv.js';
import { parseLsvg, parseLsvgL, parseLsvgList, type LvRow } from './parse/lsvg.js';
import { mountedUnder, parseMount } from './parse/mount.js';
import { isModernBase, parseOslevel } from './parse/oslevel.js';
import { AixParseError } from './parse/text.js';
import type {
  AltRootvgFacts,
  DiskFacts,
  GatherOptions,
  Generation,
  HostFacts,
  OldRootvgFacts,
  OsLevelFacts,
  RootvgFacts,
  VgRole,
  VolumeGroupFacts,
} from './types.js';

// gatherFacts runs only read-only commands: `oslevel` first (it decides the command generation),
// then everything independent at once; per-disk queries only for disks lspv shows without a VG
// (getlvodm, size), and per-VG queries only where they can answer (lsvg <vg> for varied-on VGs:
// a varied-off one answers 0516-010).

export const ALT_DISK_RTE = 'bos.alt_disk_install.rte';
export const ALT_DISK_BOOT_IMAGES = 'bos.alt_disk_install.boot_images';
export const ALT_DISK_LOG = '/var/adm/ras/alt_disk_inst.log';
export const ALT_INST = '/alt_inst';
const PER_DISK_IN_FLIGHT = 8;

function roleOf(name: string): VgRole {
  if (name === 'rootvg' || name === 'altinst_rootvg' || name === 'old_rootvg') return name;
  return 'other';
}

async function gatherOslevel(host: HostAccess, base: string, generation: Generation): Promise<OsLevelFacts> {
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

async function filesetLevel(host: HostAccess, fileset: string): Promise<string | null> {
  const r = await host.run(aixCommand('lslpp', '-lc', fileset));
  const answer = parseWith(r, (x) => parseLslpp(x.stdout, x.stderr));
  const found = answer.installed.find((f) => f.fileset === fileset);
  if (found) return found.level;
  if (answer.missing.includes(fileset)) return null;
  throw new FactsError(r.argv, r.rc, r.stderr, `no answer for ${fileset}`, r.stdout);
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
 * Below 5.3 the former rootvg shows no VG after the clone was booted (seed), so a disk that looks
 * free is asked what its own VGDA holds; a boot LV there means a rootvg copy. From 5.3 on
 * alt_disk_copy names it old_rootvg, and the question is not asked.
 */
async function holdsRootvgCopy(host: HostAccess, generation: Generation, row: LspvRow): Promise<boolean> {
  if (generation !== 'legacy' || row.vg !== null || row.pvid === null) return false;
  const r = await host.run(aixCommand('lqueryvg', '-p', row.name, '-L'));
  return parseLqueryvgL(r)?.lvs.includes('hd5') ?? false;
}

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

async function gatherAltRootvg(
  host: HostAccess,
  generation: Generation,
  vg: VolumeGroupFacts | undefined,
  mountedAt: string[],
  logText: string | null,
): Promise<AltRootvgFacts> {
  if (!vg) return { state: 'none', vg: null, disks: [], bootDisk: null, mountedAt: [], lvs: null, decidedBy: null, madeBy: null };
  const mounting = lastMountingCommand(logText === null ? [] : parseAltDiskLog(logText));
  const state = altRootvgState(vg.active, mountedAt.length > 0, mounting?.by ?? null);
  const madeBy = mounting?.record ?? null;
  if (!vg.active) {
    return { state, vg: vg.name, disks: vg.disks, bootDisk: await sleepingBootDisk(host, generation, vg.disks), mountedAt, lvs: null, decidedBy: null, madeBy };
  }
  const [details, listing] = await Promise.all([
    runParsed(host, aixCommand('lsvg', vg.name), parseLsvg),
    runParsed(host, aixCommand('lsvg', '-l', vg.name), parseLsvgL),
  ]);
  vg.details = details;
  // Mounted: the LVs are in the ODM under their alt_ names, lslv finds alt_hd5. Varied on by
  // hand: the ODM knows no LVs of it, and its only disk is the one place the boot image can be.
  const bootDisk =
    state === 'varied-on-by-hand'
      ? vg.disks.length === 1
        ? vg.disks[0]!
        : null
      : ((await bootLvDisks(host, vg.disks, listing.lvs))[0] ?? null);
  return {
    state,
    vg: vg.name,
    disks: vg.disks,
    bootDisk,
    mountedAt,
    lvs: listing.lvs,
    decidedBy: state === 'phase1' || state === 'awake' ? madeBy : null,
    madeBy,
  };
}

export async function gatherFacts(host: HostAccess, options: GatherOptions = {}): Promise<HostFacts> {
  const base = (await runParsed(host, aixCommand('oslevel'), parseOslevel)).base;
  const generation: Generation = isModernBase(base) ? 'modern' : 'legacy';
  const [oslevel, lspv, vgNames, activeVgNames, normal, service, rte, bootImages, mounts, bootDevice, etcText, logText, rootInfo, rootListing] =
    await Promise.all([
      gatherOslevel(host, base, generation),
      runParsed(host, aixCommand('lspv'), parseLspv),
      runParsed(host, aixCommand('lsvg'), parseLsvgList),
      runParsed(host, aixCommand('lsvg', '-o'), parseLsvgList),
      runParsed(host, aixCommand('bootlist', '-m', 'normal', '-o'), parseBootlist),
      runParsed(host, aixCommand('bootlist', '-m', 'service', '-o'), parseBootlist),
      filesetLevel(host, ALT_DISK_RTE),
      filesetLevel(host, ALT_DISK_BOOT_IMAGES),
      runParsed(host, aixCommand('mount'), parseMount),
      runParsed(host, generation === 'modern' ? aixCommand('getconf', 'BOOT_DEVICE') : aixCommand('bootinfo', '-b'), parseGetconfWord),
      host.readFile('/etc/filesystems'),
      host.readFile(ALT_DISK_LOG),
      runParsed(host, aixCommand('lsvg', 'rootvg'), parseLsvg),
      runParsed(host, aixCommand('lsvg', '-l', 'rootvg'), parseLsvgL),
    ]);

  const vgs = volumeGroups(lspv, vgNames, activeVgNames);
  const rootVg = vgs.find((v) => v.role === 'rootvg');
  if (!rootVg) throw new FactsError(aixCommand('lspv'), 0, '', 'no disk of rootvg in lspv');
  rootVg.details = rootInfo;
  const altVg = vgs.find((v) => v.role === 'altinst_rootvg');
  const oldVg = vgs.find((v) => v.role === 'old_rootvg');
  const otherActive = options.vgDetails === 'all' ? vgs.filter((v) => v.active && v.role !== 'rootvg' && v.role !== 'altinst_rootvg') : [];

  const [probes, rootBootDisks, altRootvg, oldBootDisk] = await Promise.all([
    mapLimit(lspv, PER_DISK_IN_FLIGHT, async (row) => {
      const free = await isFree(host, row);
      const size = free || options.diskSizes === 'all' ? await diskSize(host, generation, row.name) : { sizeMb: null, error: null };
      const rootvgCopy = free && size.error === null && (await holdsRootvgCopy(host, generation, row));
      return { free: free && size.error === null, sizeMb: size.sizeMb, unavailable: size.error, rootvgCopy };
    }),
    bootLvDisks(host, rootVg.disks, rootListing.lvs),
    gatherAltRootvg(host, generation, altVg, mountedUnder(mounts, ALT_INST).map((m) => m.mountPoint), logText),
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
    bootable: bootable.has(row.name) || probes[i]!.rootvgCopy,
    rootvgCopy: probes[i]!.rootvgCopy,
  }));

  const rootvg: RootvgFacts = {
    ppSizeMb: rootInfo.ppSizeMb,
    totalPps: rootInfo.totalPps,
    usedPps: rootInfo.usedPps,
    freePps: rootInfo.freePps,
    totalPvs: rootInfo.totalPvs,
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
  };
}
