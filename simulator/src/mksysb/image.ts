import * as fs from 'node:fs';
import type { Fileset, LogicalVolume, OsLevel, Platform } from '../state/types.js';

// A simulated mksysb image is a file that carries what alt_disk_mksysb and lsmksysb need: the
// level, the filesets, the rootvg layout and the small system files restored with it.

const MAGIC = '#!aixsim-mksysb v1';

export interface MksysbImage {
  createdAt: string;
  hostname: string;
  level: OsLevel;
  platform: Platform;
  kernel64: boolean;
  ppSizeMb: number;
  lvs: LogicalVolume[];
  filesets: Fileset[];
  /** Small files of the system, relative to / (etc/filesystems, etc/resolv.conf, ...). */
  files: Record<string, string>;
  /** Non-rootvg volume groups recorded in the image (imported on first boot unless -z). */
  otherVgs: string[];
}

export function writeMksysb(file: string, image: MksysbImage): void {
  fs.writeFileSync(file, MAGIC + '\n' + JSON.stringify(image) + '\n');
}

/** null when the file is not a (simulated) mksysb image. */
export function readMksysb(file: string): MksysbImage | null {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    return null;
  }
  const nl = text.indexOf('\n');
  if (nl < 0 || text.slice(0, nl) !== MAGIC) return null;
  try {
    return JSON.parse(text.slice(nl + 1)) as MksysbImage;
  } catch {
    return null;
  }
}
