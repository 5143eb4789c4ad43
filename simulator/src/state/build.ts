import type { Disk, Fileset, HostState, LogicalVolume, OdmVg, OsImage, Vgda } from './types.js';
import type { DiskSpec, LvSpec, ProfileSpec } from './profiles.js';
import { generationOf } from './profiles.js';
import { nextImageId, nextPvid, nextVgid } from './ids.js';
import { filesetLevel, parseLevel } from './levels.js';
import { altDiskFilesets, baseFilesets, sortFilesets } from './filesets.js';
import { renderFilesystems, stanzaFor, systemStanzas } from '../fs/etc-filesystems.js';
import { bootImageFiles } from '../fs/boot-images.js';

/** Files to create, relative to the host dir. */
export type FileMap = Record<string, string>;

export interface BuiltHost {
  state: HostState;
  files: FileMap;
}

function lvFromSpec(spec: LvSpec, copies: 1 | 2 | 3): LogicalVolume {
  return { name: spec.name, type: spec.type, lps: spec.lps, copies, mount: spec.mount ?? null };
}

export function makeDisk(state: HostState, spec: DiskSpec, index: number, legacy: boolean): Disk {
  const pvid = spec.pvid === undefined || spec.pvid === 'auto' ? nextPvid(state) : spec.pvid === 'none' ? null : spec.pvid.toLowerCase();
  return {
    id: `disk${index}-${state.hostname}`,
    name: spec.name,
    pvid,
    sizeMb: spec.sizeMb,
    description: spec.description ?? (legacy ? '16 Bit LVD SCSI Disk Drive' : 'MPIO IBM 2076 FC Disk'),
    location: legacy ? `10-60-00-${index},0` : '01-00-02',
    paths: spec.paths ?? (legacy ? 1 : 4),
    present: true,
    vgid: null,
    bootRecord: null,
  };
}

function logDevice(lvs: LogicalVolume[]): string | null {
  const log = lvs.find((lv) => lv.type === 'jfs2log' || lv.type === 'jfslog');
  return log ? `/dev/${log.name}` : null;
}

export function etcFilesystemsFor(lvsByVg: LogicalVolume[][]): string {
  const stanzas = lvsByVg.flatMap((lvs) => {
    const log = logDevice(lvs);
    return lvs.map((lv) => stanzaFor(lv, log)).filter((s) => s !== null);
  });
  stanzas.sort((a, b) => (a.mount < b.mount ? -1 : 1));
  const procAfter = stanzas.findIndex((s) => s.mount > '/proc');
  const all = [...stanzas];
  all.splice(procAfter < 0 ? all.length : procAfter, 0, ...systemStanzas());
  return renderFilesystems(all);
}

export function buildHost(spec: ProfileSpec, speed: number): BuiltHost {
  const level = parseLevel(spec.level);
  const generation = generationOf(spec.level);
  const legacy = generation === 'legacy';
  const now = new Date().toISOString();
  const state: HostState = {
    schema: 1,
    hostname: spec.hostname,
    profile: spec.name,
    generation,
    platform: spec.platform,
    hardwareBits: spec.hardwareBits,
    realMemoryKb: spec.realMemoryKb,
    speed,
    seq: 0,
    disks: [],
    vgdas: {},
    odm: [],
    images: {},
    bootlists: { normal: [], service: [] },
    booted: { diskId: '', vgid: '', at: now },
    down: null,
    faults: [],
    busy: null,
    history: [{ at: now, event: `host created from profile ${spec.name} at ${level.sp ?? level.base}` }],
  };

  spec.disks.forEach((d, i) => state.disks.push(makeDisk(state, d, i, legacy)));
  const byName = (name: string): Disk => {
    const d = state.disks.find((x) => x.name === name);
    if (!d) throw new Error(`aixsim: profile ${spec.name} uses disk ${name}, which it does not define`);
    return d;
  };

  // rootvg
  const rootDisks = spec.rootvg.disks.map(byName);
  for (const d of rootDisks) if (d.pvid === null) d.pvid = nextPvid(state);
  const rootVgid = nextVgid(state);
  if (spec.rootvg.copies > rootDisks.length) {
    throw new Error(`aixsim: profile ${spec.name}: a ${spec.rootvg.copies}-copy rootvg needs ${spec.rootvg.copies} disks`);
  }
  const rootLvs = spec.rootvg.lvs.map((lv) => lvFromSpec(lv, spec.rootvg.copies));
  const imageId = nextImageId(state);
  const fsDir = `fs/${imageId}`;
  const alt = altDiskFilesets({
    rte: spec.altDisk.rte === 'running' ? filesetLevel(level) : spec.altDisk.rte,
    bootImages: spec.altDisk.bootImages === 'running' ? filesetLevel(level) : spec.altDisk.bootImages,
  });
  const filesets: Fileset[] = sortFilesets([...baseFilesets(level), ...alt]);
  const image: OsImage = {
    id: imageId,
    level,
    filesets,
    fsDir,
    apars: [],
    firstBootScript: null,
    deviceReset: false,
    console: null,
    renumberOnBoot: false,
    kernel64: spec.kernelBits === 64,
    restoredFrom: null,
    importVgs: 'default',
    boots: 1,
    odm: null,
  };
  state.images[imageId] = image;
  const rootVgda: Vgda = {
    vgid: rootVgid,
    ppSizeMb: spec.rootvg.ppSizeMb,
    pvs: rootDisks.map((d) => d.id),
    lvs: rootLvs,
    imageId,
    format: spec.rootvg.format,
    everSystemRootvg: true,
  };
  state.vgdas[rootVgid] = rootVgda;
  for (const d of rootDisks) {
    d.vgid = rootVgid;
    d.bootRecord = 'hd5';
  }
  const odmRoot: OdmVg = { name: 'rootvg', vgid: rootVgid, active: true, lvsInOdm: true, alt: null, variedOnByHand: false };
  state.odm.push(odmRoot);

  const dataLvs: LogicalVolume[][] = [];
  for (const vg of spec.datavgs) {
    const disks = vg.disks.map(byName);
    for (const d of disks) if (d.pvid === null) d.pvid = nextPvid(state);
    const vgid = nextVgid(state);
    const lvs = (vg.lvs ?? []).map((lv) => lvFromSpec(lv, 1));
    dataLvs.push(lvs);
    state.vgdas[vgid] = { vgid, ppSizeMb: vg.ppSizeMb ?? 64, pvs: disks.map((d) => d.id), lvs, imageId: null, format: 'scalable', everSystemRootvg: false };
    for (const d of disks) d.vgid = vgid;
    state.odm.push({ name: vg.name, vgid, active: vg.active ?? true, lvsInOdm: true, alt: null, variedOnByHand: false });
  }

  const bootDisk = rootDisks[0]!;
  state.booted = { diskId: bootDisk.id, vgid: rootVgid, at: now };
  const entries = spec.bootlist.map((n) => ({ diskId: byName(n).id, device: n, attrs: {} }));
  state.bootlists.normal = entries;
  state.bootlists.service = entries.map((e) => ({ ...e, attrs: { ...e.attrs } }));

  const files: FileMap = {
    [`${fsDir}/etc/filesystems`]: etcFilesystemsFor([rootLvs, ...dataLvs]),
    [`${fsDir}/etc/resolv.conf`]: 'domain example.com\nnameserver 192.0.2.53\n',
    [`${fsDir}/etc/hosts`]: `127.0.0.1\t\tloopback localhost\n192.0.2.10\t\t${spec.hostname}\n`,
    [`${fsDir}/etc/motd`]: `Welcome to ${spec.hostname} (simulated AIX ${level.base}).\n`,
    [`${fsDir}/var/adm/ras/.keep`]: '',
    [`${fsDir}/home/.keep`]: '',
    [`${fsDir}/tmp/.keep`]: '',
  };
  if (spec.nimClient) {
    files[`${fsDir}/etc/niminfo`] = `#------------------ Network Install Manager ---------------\nexport NIM_NAME=${spec.hostname}\nexport NIM_HOSTNAME=${spec.hostname}\nexport NIM_CONFIGURATION=standalone\nexport NIM_MASTER_HOSTNAME=nimmaster\nexport NIM_MASTER_PORT=1058\n`;
    files[`${fsDir}/.rhosts`] = 'nimmaster root\n';
  }
  const bootImages = alt.find((f) => f.name === 'bos.alt_disk_install.boot_images');
  if (bootImages) Object.assign(files, bootImageFiles(fsDir, bootImages.level, legacy));
  return { state, files };
}
