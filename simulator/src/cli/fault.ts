import * as path from 'node:path';
import type { FaultStep } from '../state/types.js';
import { readState, updateState } from '../state/store.js';
import { diskByName } from '../views/host.js';
import { checkKnown, flag, opt, parseCli } from './args.js';

// `aixsim fault`: arm a failure for the next operation that can reach its step (or make a disk vanish
// now), list what is armed, or clear it. Scoping: runtime/faults.ts.

export const FAULT_STEPS: FaultStep[] = ['phase1-space', 'phase2-script', 'bootlist', 'disk-gone', 'crash-between-phases', 'bosboot'];

const WHAT: Record<FaultStep, string> = {
  'phase1-space': 'phase 1 fails creating alt_hd5 (0516-404 allocp)',
  'phase2-script': 'the customization script of phase 2 fails',
  bootlist: "phase 3's bootlist step and the bootlist command fail",
  'disk-gone': 'the disk disappears during the next restore step',
  'crash-between-phases': 'the next alt command dies (exit 137) right after phase 1',
  bosboot: 'building the boot image fails',
};

/** Commands whose restore step a "disk-gone --during" fault interrupts. */
const DURING = ['alt_disk_copy', 'alt_disk_mksysb', 'alt_disk_install'];

const USAGE = 'aixsim fault: usage: aixsim fault <dir> <step> [hdiskN] [--times N] [--during alt_disk_copy] | --list | --clear\n  (hdiskN: for disk-gone, and optionally bosboot)';

export function fault(argv: string[]): number {
  const a = parseCli(argv, ['list', 'clear']);
  checkKnown(a, ['times', 'during', 'list', 'clear'], 'fault');
  const [dir, step, disk, ...extra] = a.positional;
  if (!dir || extra.length > 0) throw new Error(USAGE);
  const abs = path.resolve(dir);
  readState(abs);
  if (flag(a, 'list')) {
    const s = readState(abs);
    for (const f of s.faults) {
      const taken = f.claim ? ` (taken by ${f.claim.command}, process ${f.claim.pid})` : '';
      process.stdout.write(`${f.step}${f.disk ? ' ' + f.disk : ''} times=${f.remaining}${f.during ? ' during=' + f.during : ''}${taken}\n`);
    }
    for (const d of s.disks.filter((x) => !x.present)) process.stdout.write(`gone ${d.name}\n`);
    return 0;
  }
  if (flag(a, 'clear')) {
    const n = updateState(abs, (s) => {
      const count = s.faults.length;
      s.faults = [];
      s.history.push({ at: new Date().toISOString(), event: `${count} pending fault(s) cleared` });
      return count;
    });
    process.stdout.write(`aixsim: cleared ${n} pending fault(s)\n`);
    return 0;
  }
  if (!step) throw new Error(USAGE);
  if (!FAULT_STEPS.includes(step as FaultStep)) throw new Error(`aixsim fault: unknown step "${step}" (steps: ${FAULT_STEPS.join(', ')})`);
  const times = Number(opt(a, 'times') ?? '1');
  if (!Number.isInteger(times) || times < 1) throw new Error(`aixsim fault: --times takes a whole number >= 1, not "${opt(a, 'times')}"`);
  const during = opt(a, 'during');
  if (step !== 'disk-gone') {
    if ((disk && step !== 'bosboot') || during) throw new Error(`aixsim fault: ${step} takes no --during${step === 'bosboot' ? '' : ' and no disk'}`);
    updateState(abs, (s) => {
      if (disk && !diskByName(s, disk)) throw new Error(`aixsim fault: ${s.hostname} has no disk ${disk}`);
      s.faults.push({ step: step as FaultStep, ...(disk ? { disk } : {}), remaining: times });
      s.history.push({ at: new Date().toISOString(), event: `fault armed: ${step} x${times}` });
    });
    process.stdout.write(`aixsim: armed ${step}${disk ? ' ' + disk : ''} (${WHAT[step as FaultStep]}), ${times} time(s)\n`);
    return 0;
  }
  if (!disk) throw new Error('aixsim fault: disk-gone needs a disk: aixsim fault <dir> disk-gone hdiskN [--during alt_disk_copy]');
  if (during !== undefined && !DURING.includes(during)) throw new Error(`aixsim fault: --during takes ${DURING.join(', ')}, not "${during}"`);
  updateState(abs, (s) => {
    const d = diskByName(s, disk);
    if (!d) throw new Error(`aixsim fault: ${s.hostname} has no disk ${disk}`);
    if (during) {
      s.faults.push({ step: 'disk-gone', disk, remaining: times, during });
      s.history.push({ at: new Date().toISOString(), event: `fault armed: disk-gone ${disk} during ${during}` });
    } else {
      d.present = false;
      s.history.push({ at: new Date().toISOString(), event: `${disk} disappeared (fault injection)` });
    }
  });
  process.stdout.write(during ? `aixsim: armed disk-gone ${disk} (${WHAT['disk-gone']})\n` : `aixsim: ${disk} is gone\n`);
  return 0;
}
