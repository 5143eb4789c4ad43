import type { CommandContext } from '../runtime/context.js';
import { diskById, diskByName, runningImage } from '../views/host.js';
import { MSG } from '../aix/messages.js';
import { usageError } from './usage.js';
import { parseOrUsage } from './parse-args.js';

// bootinfo is IBM-internal and deprecated in favour of getconf [V §13], yet real automation still
// calls -s, -B and -K: each flag answers one value on one line.

/** [U] bootinfo has no man page any more; a usage text in the style of the others. */
const USAGE = ['Usage: bootinfo { -b | -B Device | -K | -p | -r | -s Device | -t | -T | -y }'];

export function bootinfo(ctx: CommandContext): number {
  const p = parseOrUsage(ctx, 'bB:Kprs:tTy', USAGE);
  if (typeof p === 'number') return p;
  if (p.flags.length !== 1 || p.operands.length > 0) return usageError(ctx, null, USAGE);
  const { flag, value } = p.flags[0]!;
  const state = ctx.state();
  switch (flag) {
    case 'b': // [V] last boot device
      ctx.out(diskById(state, state.booted.diskId)?.name ?? '');
      return 0;
    case 'K': // [V] running kernel bits
      ctx.out(runningImage(state).kernel64 ? '64' : '32');
      return 0;
    case 'y': // [V] hardware bits
      ctx.out(String(state.hardwareBits));
      return 0;
    case 'T': // [V] hardware platform type ([U] chrp on modern POWER)
    case 'p': // [U] platform
      ctx.out(state.platform);
      return 0;
    case 'r': // [V] real memory in KB
      ctx.out(String(state.realMemoryKb));
      return 0;
    case 't': // [V] boot type: 1 = disk
      ctx.out('1');
      return 0;
    case 's': {
      // [V] size in MB
      const d = diskByName(state, value!);
      if (!d || !d.present) {
        ctx.err(MSG.deviceNotAvailable('bootinfo', value!)); // [U]
        return 1;
      }
      ctx.out(String(d.sizeMb));
      return 0;
    }
    case 'B': {
      // [I] 1 when the disk holds a boot record and is there to boot from, else 0 (PTXray reads 0|1).
      const d = diskByName(state, value!);
      if (!d) {
        ctx.err(MSG.deviceNotAvailable('bootinfo', value!)); // [U]
        return 1;
      }
      ctx.out(d.present && d.bootRecord !== null ? '1' : '0');
      return 0;
    }
    default:
      return usageError(ctx, null, USAGE);
  }
}
