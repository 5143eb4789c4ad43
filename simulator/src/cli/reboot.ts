import * as path from 'node:path';
import { readState } from '../state/store.js';
import { speedOf } from '../runtime/context.js';
import { rebootHost, RebootUsageError } from '../altdisk/reboot.js';
import { checkKnown, opt, parseCli } from './args.js';
import { sleepSync } from '../runtime/sleep.js';

/** `aixsim reboot <dir> [--from hdiskN]`: boot from the normal bootlist, or from one disk (SMS). */
export function reboot(argv: string[]): number {
  const a = parseCli(argv);
  checkKnown(a, ['from'], 'reboot');
  const dir = a.positional[0];
  if (!dir || a.positional.length > 1) throw new Error('aixsim reboot: usage: aixsim reboot <dir> [--from hdiskN]');
  const abs = path.resolve(dir);
  const speed = speedOf(readState(abs), process.env);
  const sleep = (seconds: number) => {
    sleepSync(Math.round(seconds * speed * 1000));
  };
  try {
    const outcome = rebootHost(abs, opt(a, 'from') ?? null, { say: (l) => void process.stdout.write(l + '\n'), pause: sleep, env: process.env });
    if (!outcome.ok) process.stderr.write(`aixsim reboot: the host is down; boot it from a good disk with: aixsim reboot ${abs} --from <hdiskN>\n`);
    return outcome.ok ? 0 : 1;
  } catch (e) {
    if (e instanceof RebootUsageError) throw new Error(e.message);
    throw e;
  }
}
