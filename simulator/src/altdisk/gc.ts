import * as fs from 'node:fs';
import * as path from 'node:path';
import type { HostState } from '../state/types.js';

// A VGDA that no disk carries any more was overwritten (a new clone on a cleaned disk): it and the
// OS image only it carried are gone, like the data on a real disk. The running image is always
// carried by the running rootvg, so it can never be collected.

/** Drop unreferenced VGDAs and images from the state; returns the image folders to delete. */
export function collectGarbage(state: HostState): string[] {
  const carried = new Set(state.disks.map((d) => d.vgid).filter((v): v is string => v !== null));
  for (const vgid of Object.keys(state.vgdas)) {
    if (!carried.has(vgid) && vgid !== state.booted.vgid) delete state.vgdas[vgid];
  }
  const used = new Set(Object.values(state.vgdas).map((v) => v.imageId).filter((i): i is string => i !== null));
  const folders: string[] = [];
  for (const [id, img] of Object.entries(state.images)) {
    if (used.has(id)) continue;
    folders.push(img.fsDir);
    delete state.images[id];
  }
  state.odm = state.odm.filter((v) => state.vgdas[v.vgid] !== undefined);
  return folders;
}

export function removeFolders(dir: string, folders: string[]): void {
  for (const f of folders) fs.rmSync(path.join(dir, f), { recursive: true, force: true });
}
