import * as path from 'node:path';
import type { AltOrigin, Fileset, HostState, LogicalVolume, OdmVg, OsImage, OsLevel, Vgda } from '../state/types.js';
import type { MksysbImage } from '../mksysb/image.js';
import { runningImage, vgdaOf } from '../views/host.js';
import { copyImageFiles, writeImageFiles, type FileFilter } from './files.js';

// What phase 1 restores onto the new volume group: the running rootvg (a clone) or a mksysb image.

export interface RootvgSource {
  origin: AltOrigin;
  kind: 'clone' | 'mksysb';
  /** Real LV names in image.data order. */
  lvs: LogicalVolume[];
  ppSizeMb: number;
  format: Vgda['format'];
  level: OsLevel;
  filesets: Fileset[];
  apars: string[];
  kernel64: boolean;
  restoredFrom: string | null;
  importVgs: OsImage['importVgs'];
  renumberOnBoot: boolean;
  /** The ODM the new system starts with (a clone's is a copy of the running one). */
  odm: OdmVg[] | null;
  /** What backup/restore moves, for the duration of the step. */
  usedMb: number;
  /** Put the files (those `only` accepts) into the new image's folder; returns their names ("./etc/hosts") for -V. */
  fill(folder: string, only?: FileFilter): string[];
}

function oneCopy(lvs: LogicalVolume[]): LogicalVolume[] {
  return lvs.map((lv) => ({ ...lv, copies: 1 }));
}

export function cloneSource(dir: string, state: HostState, origin: AltOrigin, exclude: RegExp[]): RootvgSource {
  const vgda = vgdaOf(state, state.booted.vgid);
  const img = runningImage(state);
  const lvs = oneCopy(vgda.lvs);
  return {
    origin,
    kind: 'clone',
    lvs,
    ppSizeMb: vgda.ppSizeMb,
    format: vgda.format,
    level: { ...img.level },
    filesets: img.filesets.map((f) => ({ ...f })),
    apars: [...img.apars],
    kernel64: img.kernel64,
    restoredFrom: null,
    importVgs: 'default',
    renumberOnBoot: false,
    odm: structuredClone(state.odm),
    usedMb: lvs.reduce((n, lv) => n + lv.lps, 0) * vgda.ppSizeMb,
    fill: (folder, only) => copyImageFiles(path.join(dir, img.fsDir), folder, exclude, only),
  };
}

export function mksysbSource(image: MksysbImage, file: string, origin: AltOrigin, kernel64: boolean, importVgs: OsImage['importVgs']): RootvgSource {
  const lvs = oneCopy(image.lvs);
  return {
    origin,
    kind: 'mksysb',
    lvs,
    ppSizeMb: image.ppSizeMb,
    format: 'scalable',
    level: { ...image.level },
    filesets: image.filesets.map((f) => ({ ...f })),
    apars: [],
    kernel64,
    restoredFrom: file,
    importVgs,
    renumberOnBoot: true,
    odm: null,
    usedMb: lvs.reduce((n, lv) => n + lv.lps, 0) * image.ppSizeMb,
    fill: (folder, only) => writeImageFiles(folder, image.files, only),
  };
}
