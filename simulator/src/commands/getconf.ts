import type { CommandContext } from '../runtime/context.js';
import type { Disk, HostState } from '../state/types.js';
import { has } from '../runtime/getopt.js';
import { diskById, diskByName, odmVgOfDisk, runningImage, vgdaOf } from '../views/host.js';
import { MSG } from '../aix/messages.js';
import { usageError } from './usage.js';
import { notSimulated, parseOrUsage } from './parse-args.js';

/** [U] usage text. */
const USAGE = ['Usage: getconf [ -v specification ] { SystemwideConfiguration | PathConfiguration PathName }'];

type Answer = { out: string } | { err: string };

/** [V §13] the system-wide variables IBM recommends instead of bootinfo. */
const SYSTEM: Record<string, (s: HostState) => string> = {
  BOOT_DEVICE: (s) => diskById(s, s.booted.diskId)?.name ?? '',
  KERNEL_BITMODE: (s) => (runningImage(s).kernel64 ? '64' : '32'),
  HARDWARE_BITMODE: (s) => String(s.hardwareBits),
  REAL_MEMORY: (s) => String(s.realMemoryKb),
  /** [I] the hardware platform, as bootinfo -T answers it (chrp on POWER). */
  MACHINE_ARCHITECTURE: (s) => s.platform,
};

/** [V §13] variables that take a disk device path. */
const PER_DISK: Record<string, (s: HostState, d: Disk, path: string) => Answer> = {
  DISK_SIZE: (_s, d) => ({ out: String(d.sizeMb) }),
  DISK_PARTITION: (s, d, path) => {
    const vg = odmVgOfDisk(s, d);
    return vg ? { out: String(vgdaOf(s, vg.vgid).ppSizeMb) } : { err: MSG.getconfNoVg(path) };
  },
};

function diskAnswer(state: HostState, name: string, path: string): Answer {
  const disk = /^\/dev\/(r?)(\S+)$/.exec(path);
  const d = disk ? diskByName(state, disk[2]!) : undefined;
  if (!d) return { err: MSG.getconfNoDevice(path) };
  if (!d.present) return { err: MSG.getconfDeviceGone(path) };
  return PER_DISK[name]!(state, d, path);
}

export function getconf(ctx: CommandContext): number {
  const p = parseOrUsage(ctx, 'v:a', USAGE);
  if (typeof p === 'number') return p;
  if (has(p, 'a')) return notSimulated(ctx, 'getconf -a (every variable)');
  const [name, path, ...extra] = p.operands;
  if (name === undefined || extra.length > 0) return usageError(ctx, null, USAGE);
  const state = ctx.state();
  let answer: Answer;
  if (name in PER_DISK) {
    if (path === undefined) return usageError(ctx, null, USAGE);
    answer = diskAnswer(state, name, path);
  } else if (name in SYSTEM && path === undefined) {
    answer = { out: SYSTEM[name]!(state) };
  } else {
    answer = { err: MSG.getconfInvalid(name) };
  }
  if ('err' in answer) {
    ctx.err(answer.err);
    return 1;
  }
  // [V §13] a plain number (or name) and a newline.
  ctx.out(answer.out);
  return 0;
}
