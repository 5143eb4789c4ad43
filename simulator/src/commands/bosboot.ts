import type { CommandContext } from '../runtime/context.js';
import { has, value } from '../runtime/getopt.js';
import { diskById, diskByName, vgdaOf } from '../views/host.js';
import { allocate } from '../views/allocation.js';
import { MSG } from '../aix/messages.js';
import { usageError } from './usage.js';
import { notSimulated, parseOrUsage } from './parse-args.js';

/** [U] usage text (man page syntax, shortened). */
const USAGE = ['Usage: bosboot { -a [ -d Device ] | -v } [ -D | -I ] [ -M { primary | standby | both } ] [ -p Proto ] [ -k Kernel ] [ -l LVdev ] [ -b FileName ] [ -q ] [ -T Type ]'];

/**
 * `bosboot -ad /dev/hdiskN` writes the running system's boot image to a disk of the running rootvg
 * that carries the boot logical volume [V §17 output]. /dev/ipldevice is the disk booted from.
 */
export function bosboot(ctx: CommandContext): number {
  const p = parseOrUsage(ctx, 'ad:vqDIM:p:k:l:b:T:', USAGE);
  if (typeof p === 'number') return p;
  for (const f of ['q', 'p', 'k', 'l', 'b', 'T']) if (has(p, f)) return notSimulated(ctx, `bosboot -${f}`);
  const create = has(p, 'a');
  if ((!create && !has(p, 'v')) || p.operands.length > 0 || (has(p, 'd') && !create)) return usageError(ctx, null, USAGE);
  const device = value(p, 'd') ?? '/dev/ipldevice';
  const state = ctx.state();
  const m = /^\/dev\/(\S+)$/.exec(device);
  const disk = m?.[1] === 'ipldevice' ? diskById(state, state.booted.diskId) : m ? diskByName(state, m[1]!) : undefined;
  if (!disk || !disk.present) {
    ctx.err(MSG.deviceNotAvailable('bosboot', device));
    return 1;
  }
  const rootVgda = vgdaOf(state, state.booted.vgid);
  const blv = rootVgda.lvs.find((lv) => lv.type === 'boot');
  const holdsBlv = blv !== undefined && disk.vgid === state.booted.vgid && (allocate(rootVgda, state.disks).get(disk.id)?.segments.some((s) => s.lv === blv.name) ?? false);
  if (!blv || !holdsBlv) {
    ctx.err(MSG.bosbootNoBlv(blv?.name ?? 'hd5', device));
    return 1;
  }
  if (!create) return 0; // -v: verify only
  // Writing a boot image is an operation that reaches the bosboot fault (runtime/faults.ts).
  ctx.beginFaultScope(['bosboot'], disk.name);
  let fired;
  try {
    fired = ctx.takeFault('bosboot', disk.name);
  } finally {
    ctx.endFaultScope();
  }
  if (fired) {
    ctx.err(MSG.bosbootFailed(device));
    return 1;
  }
  ctx.update((s) => {
    const d = diskById(s, disk.id);
    if (d) d.bootRecord = blv.name;
    s.history.push({ at: new Date().toISOString(), event: `bosboot -ad ${device}: boot record ${blv.name} written on ${disk.name}` });
  });
  ctx.out(MSG.bosbootImage);
  return 0;
}
