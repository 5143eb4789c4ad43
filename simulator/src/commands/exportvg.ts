import * as fs from 'node:fs';
import type { CommandContext } from '../runtime/context.js';
import { odmVgByName, runningImage, vgdaOf } from '../views/host.js';
import { isRunningRootvg } from '../views/mounts.js';
import { parseFilesystems, renderFilesystems, stanzaAttr } from '../fs/etc-filesystems.js';
import { MSG } from '../aix/messages.js';
import { usageError } from './usage.js';
import { parseOrUsage } from './parse-args.js';

/** [U] usage text. */
const USAGE = ['Usage: exportvg VolumeGroup'];

/**
 * Remove from /etc/filesystems every stanza whose dev is one of `devs`. Returns the mount points removed.
 * This is the seed's hazard: for an altinst_rootvg after phase 3 those devs are /dev/hd4, /dev/hd2, ...
 */
export function removeStanzasByDev(file: string, devs: Set<string>): string[] {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    return [];
  }
  const stanzas = parseFilesystems(text);
  const kept = stanzas.filter((s) => !devs.has(stanzaAttr(s, 'dev') ?? ''));
  if (kept.length === stanzas.length) return [];
  fs.writeFileSync(file, renderFilesystems(kept));
  return stanzas.filter((s) => !kept.includes(s)).map((s) => s.mount);
}

/**
 * exportvg removes the ODM definition of a varied-off volume group (its disks then show None; the
 * VGDA stays on disk, §19) and the /etc/filesystems stanzas of the LVs its VGDA names.
 */
export function exportvg(ctx: CommandContext): number {
  const p = parseOrUsage(ctx, 'f', USAGE);
  if (typeof p === 'number') return p;
  if (p.operands.length !== 1) return usageError(ctx, null, USAGE);
  const name = p.operands[0]!;
  const result = ctx.update((s): { error: string } | { lvs: string[]; imageId: string } => {
    const vg = odmVgByName(s, name);
    if (!vg) return { error: MSG.vgNotFound('exportvg', name) };
    if (isRunningRootvg(s, vg)) return { error: MSG.runningRootvg('exportvg') };
    if (vg.active) return { error: MSG.exportActiveVg(name) };
    const lvs = vgdaOf(s, vg.vgid).lvs.map((lv) => lv.name);
    s.odm = s.odm.filter((v) => v !== vg);
    s.history.push({ at: new Date().toISOString(), event: `exportvg ${name}` });
    return { lvs, imageId: runningImage(s).id };
  });
  if ('error' in result) {
    ctx.err(result.error);
    return 1;
  }
  const devs = new Set(result.lvs.map((lv) => `/dev/${lv}`));
  const removed = removeStanzasByDev(ctx.imagePath(result.imageId, '/etc/filesystems'), devs);
  if (removed.length > 0) {
    ctx.update((s) => s.history.push({ at: new Date().toISOString(), event: `exportvg ${name} removed /etc/filesystems stanzas: ${removed.join(' ')}` }));
  }
  // [V] exportvg prints nothing on success.
  return 0;
}
