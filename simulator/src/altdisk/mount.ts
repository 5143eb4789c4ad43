import * as fs from 'node:fs';
import * as path from 'node:path';
import type { HostState, LogicalVolume, OdmVg } from '../state/types.js';
import { isAltinstMounted } from '../views/host.js';
import { altMount } from './texts.js';

// While an alternate rootvg is mounted (phase 1, or woken up) its LVs carry alt_ names and its
// file systems sit under /alt_inst; phase 3 and put-to-sleep rename them back in the VGDA.
// <host>/alt_inst is a link to the mounted image's folder, the way <host>/root is to "/".

export const ALT_PREFIX = 'alt_';

export function toAltLv(lv: LogicalVolume): LogicalVolume {
  const name = lv.name.startsWith(ALT_PREFIX) ? lv.name : ALT_PREFIX + lv.name;
  const mount = lv.mount === null || lv.mount.startsWith('/alt_inst') ? lv.mount : altMount(lv.mount);
  return { ...lv, name, mount };
}

export function toRealLv(lv: LogicalVolume): LogicalVolume {
  const name = lv.name.startsWith(ALT_PREFIX) ? lv.name.slice(ALT_PREFIX.length) : lv.name;
  let mount = lv.mount;
  if (mount === '/alt_inst') mount = '/';
  else if (mount?.startsWith('/alt_inst/')) mount = mount.slice('/alt_inst'.length);
  return { ...lv, name, mount };
}

/** A VGDA still holding alt_ names has not been through phase 3 / put-to-sleep: it cannot boot. */
export function hasAltNames(lvs: LogicalVolume[]): boolean {
  return lvs.some((lv) => lv.name.startsWith(ALT_PREFIX));
}

/** The ODM volume group mounted at /alt_inst, if any. */
export function mountedAltVg(state: HostState): OdmVg | null {
  return state.odm.find((v) => isAltinstMounted(v)) ?? null;
}

/** Make <host>/alt_inst point at the mounted alternate image's folder, or remove it. */
export function syncAltInstLink(dir: string, state: HostState): void {
  const link = path.join(dir, 'alt_inst');
  const vg = mountedAltVg(state);
  // During phase 1, /alt_inst is there once its "/" file system is created and mounted.
  const build = vg ? state.vgdas[vg.vgid]?.build : null;
  const imageId = vg && (!build || build.created.includes('/')) ? state.vgdas[vg.vgid]?.imageId : null;
  const target = imageId ? state.images[imageId]?.fsDir : undefined;
  let current: string | null = null;
  try {
    current = fs.readlinkSync(link);
  } catch {
    current = null;
  }
  if (current === (target ?? null)) return;
  fs.rmSync(link, { force: true });
  if (target) fs.symlinkSync(target, link);
}

/** File-system LVs in alphabetical mount-point order (the order §7.1 creates them). */
export function fileSystemsByMount(lvs: LogicalVolume[]): LogicalVolume[] {
  return lvs.filter((lv) => lv.mount !== null && (lv.type === 'jfs2' || lv.type === 'jfs')).sort((a, b) => (a.mount! < b.mount! ? -1 : a.mount! > b.mount! ? 1 : 0));
}
