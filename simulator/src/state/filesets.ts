import type { Fileset, OsLevel } from './types.js';
import { filesetLevel } from './levels.js';

// A realistic base install: enough filesets that lslpp -L looks like a real system and that
// update_all has something to update. The two alt-disk filesets are listed separately because
// profiles leave them out or put them at other levels.

export const ALT_DISK_RTE = 'bos.alt_disk_install.rte';
export const ALT_DISK_BOOT_IMAGES = 'bos.alt_disk_install.boot_images';

export const FILESET_DESCRIPTIONS: Record<string, string> = {
  [ALT_DISK_BOOT_IMAGES]: 'Alternate Disk Installation Disk Boot Images',
  [ALT_DISK_RTE]: 'Alternate Disk Installation Runtime',
  'bos.rte': 'Base Operating System Runtime',
  'bos.rte.libc': 'libc Library',
  'bos.rte.lvm': 'Logical Volume Manager',
  'bos.rte.install': 'LPP Install Commands',
  'bos.rte.boot': 'Boot Commands',
  'bos.rte.bosinst': 'Base OS Install Commands',
  'bos.rte.filesystem': 'Filesystem Administration',
  'bos.rte.commands': 'Commands',
  'bos.mp64': 'Base Operating System 64-bit Multiprocessor Runtime',
  'bos.sysmgt.sysbr': 'System Backup and BOS Install Utilities',
  'bos.sysmgt.nim.client': 'Network Install Manager - Client Tools',
  'bos.sysmgt.trace': 'Software Trace Service Aids',
  'bos.net.tcp.client_core': 'TCP/IP Client Core Support',
  'bos.net.nfs.client': 'Network File System Client',
  'bos.perf.tools': 'Base Performance Tools',
  'bos.adt.base': 'Base Application Development Toolkit',
  'devices.common.IBM.mpio.rte': 'MPIO Disk Path Control Module',
  'devices.vscsi.disk.rte': 'Virtual SCSI Client Support',
  'devices.chrp.base.rte': 'RISC PC Base System Device Software (CHRP)',
  'openssh.base.server': 'Open Secure Shell Server',
  'openssh.base.client': 'Open Secure Shell Commands',
  'perl.rte': 'Perl Version 5 Runtime Environment',
  'rsct.core.rmc': 'RSCT Resource Monitoring and Control',
};

/** Filesets with a root part (/etc/objrepos): lslpp -l lists them a second time under that path [U which ones]. */
export const ROOT_PART_FILESETS: ReadonlySet<string> = new Set([
  'bos.rte', 'bos.rte.boot', 'bos.rte.commands', 'bos.rte.filesystem', 'bos.rte.install', 'bos.rte.lvm', 'bos.mp64',
  'bos.net.tcp.client_core', 'bos.net.nfs.client', 'bos.sysmgt.nim.client', 'bos.sysmgt.trace', 'bos.perf.tools',
  'devices.chrp.base.rte', 'devices.common.IBM.mpio.rte', 'devices.vscsi.disk.rte', 'openssh.base.client', 'openssh.base.server',
  'rsct.core.rmc',
]);

const LEGACY_ONLY_MISSING = new Set([
  'bos.net.tcp.client_core', 'openssh.base.server', 'openssh.base.client', 'rsct.core.rmc', 'devices.common.IBM.mpio.rte',
  'devices.vscsi.disk.rte',
]);

export interface AltDiskFilesetLevels {
  /** null: not installed. */
  rte: string | null;
  bootImages: string | null;
}

/** Filesets of a freshly installed system at this level (without the alt-disk filesets). */
export function baseFilesets(level: OsLevel): Fileset[] {
  const legacy = level.sp === null;
  const out: Fileset[] = [];
  for (const [name, description] of Object.entries(FILESET_DESCRIPTIONS)) {
    if (name === ALT_DISK_RTE || name === ALT_DISK_BOOT_IMAGES) continue;
    if (legacy && LEGACY_ONLY_MISSING.has(name)) continue;
    if (name.startsWith('openssh')) {
      out.push({ name, level: '9.2.112.2400', state: 'COMMITTED', description });
      continue;
    }
    if (name === 'perl.rte') {
      out.push({ name, level: legacy ? '5.5.3.0' : '5.34.1.6', state: 'COMMITTED', description });
      continue;
    }
    // Not every fileset moves with every service pack: keep a few at the TL's first fix.
    const stays = ['bos.adt.base', 'bos.perf.tools', 'perl.rte', 'bos.sysmgt.trace'].includes(name);
    out.push({ name, level: filesetLevel(level, stays ? 0 : undefined), state: 'COMMITTED', description });
  }
  return out;
}

export function altDiskFilesets(levels: AltDiskFilesetLevels): Fileset[] {
  const out: Fileset[] = [];
  if (levels.bootImages) {
    out.push({ name: ALT_DISK_BOOT_IMAGES, level: levels.bootImages, state: 'COMMITTED', description: FILESET_DESCRIPTIONS[ALT_DISK_BOOT_IMAGES]! });
  }
  if (levels.rte) {
    out.push({ name: ALT_DISK_RTE, level: levels.rte, state: 'COMMITTED', description: FILESET_DESCRIPTIONS[ALT_DISK_RTE]! });
  }
  return out;
}

export function sortFilesets(list: Fileset[]): Fileset[] {
  return [...list].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}
