import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Disk, HostState, Vgda } from '../state/types.js';
import { diskById, diskByName } from './host.js';
import { BOOT_CRITICAL, parseFilesystems, stanzaAttr } from '../fs/etc-filesystems.js';
import { DOWN } from '../altdisk/boot-texts.js';

// What a boot would do, decided in one place for `aixsim reboot` (which then does it) and `aixsim show`
// (which only says it): firmware walks the normal boot list and loads the boot image of the first
// present disk that has a boot record and a rootvg image; AIX then stops, with an LED code, when that
// volume group cannot be the rootvg. LED codes and their wording are [U] (boot-texts.ts).

export interface BootStop {
  /** '554' (the boot device's volume group cannot be used) or '518' (a boot file system cannot be mounted). */
  led: '554' | '518';
  reason: string;
}

export interface BootVerdict {
  /** The disk firmware loads the boot image from, or null: no bootable device. */
  disk: string | null;
  vgid: string | null;
  ok: boolean;
  led: '554' | '518' | null;
  reason: string | null;
}

/** Firmware's test: a present disk with a boot record whose volume group carries an OS image. */
export function firmwareBootable(state: HostState, d: Disk): boolean {
  if (!d.present || !d.bootRecord || !d.vgid) return false;
  const vgda = state.vgdas[d.vgid];
  return vgda !== undefined && vgda.imageId !== null && state.images[vgda.imageId] !== undefined;
}

function missingStanzas(dir: string, fsDir: string): string[] {
  let text = '';
  try {
    text = fs.readFileSync(path.join(dir, fsDir, 'etc/filesystems'), 'utf8');
  } catch {
    text = '';
  }
  const stanzas = parseFilesystems(text);
  return BOOT_CRITICAL.filter(([mount, dev]) => !stanzas.some((s) => s.mount === mount && stanzaAttr(s, 'dev') === dev)).map(([m]) => m);
}

/** The disks of a volume group that are gone, when a logical volume has no copy elsewhere. */
function missingDisks(state: HostState, vgda: Vgda): string[] {
  const gone = vgda.pvs.map((id) => diskById(state, id)).filter((d): d is Disk => d !== undefined && !d.present);
  if (gone.length === 0 || vgda.lvs.every((lv) => lv.copies > 1)) return [];
  return gone.map((d) => d.name);
}

/** Why booting the volume group on `disk` stops after firmware loaded its boot image, or null: it boots. */
export function bootStop(dir: string, state: HostState, disk: Disk): BootStop | null {
  const vgda = state.vgdas[disk.vgid!]!;
  if (vgda.lvs.some((lv) => lv.name.startsWith('alt_'))) return { led: '554', reason: DOWN.notPutToSleep(disk.name) };
  const gone = missingDisks(state, vgda);
  if (gone.length > 0) return { led: '554', reason: DOWN.diskMissing(disk.name, gone) };
  const build = vgda.build;
  if (build) {
    const empty = build.filesystems.filter((m) => !build.restored.includes(m));
    if (empty.length > 0) return { led: '518', reason: DOWN.notRestored(disk.name, empty) };
  }
  if (vgda.altSuperblocks) return { led: '518', reason: DOWN.superblocksNotFixed(disk.name) };
  const image = state.images[vgda.imageId!]!;
  const missing = missingStanzas(dir, image.fsDir);
  if (missing.length > 0) return { led: '518', reason: DOWN.noFilesystemStanza(disk.name, missing) };
  return null;
}

/** The disks firmware would try, in order: the normal boot list, or one disk picked in SMS. */
export function bootCandidates(state: HostState, from: string | null): Disk[] {
  if (from !== null) {
    const d = diskByName(state, from);
    return d ? [d] : [];
  }
  return state.bootlists.normal.map((e) => (e.diskId ? diskById(state, e.diskId) : undefined)).filter((d): d is Disk => d !== undefined);
}

/** What the next boot (from the normal boot list, or from one disk) would start. */
export function predictBoot(dir: string, state: HostState, from: string | null = null): BootVerdict {
  const chosen = bootCandidates(state, from).find((d) => firmwareBootable(state, d));
  if (!chosen) return { disk: null, vgid: null, ok: false, led: null, reason: DOWN.noBootDevice };
  const stop = bootStop(dir, state, chosen);
  return { disk: chosen.name, vgid: chosen.vgid, ok: stop === null, led: stop?.led ?? null, reason: stop?.reason ?? null };
}
