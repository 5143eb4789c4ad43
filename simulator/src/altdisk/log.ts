import * as fs from 'node:fs';
import * as path from 'node:path';
import type { CommandContext } from '../runtime/context.js';
import { runningImage } from '../views/host.js';
import { LINE } from './texts.js';

// What an alternate-disk command prints goes to the terminal as it happens AND into the running
// system's /var/adm/ras/alt_disk_inst.log [I §9]: a blank line, a date(1) line, "cmd: <command line>",
// then the output. Lines are appended one by one so a crash leaves the record as far as it got,
// and the file stays in the image that ran the command even if -r boots another one.

export const ALT_DISK_LOG = '/var/adm/ras/alt_disk_inst.log';

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** date(1) default format in UTC: "Tue Jun  3 10:15:22 UTC 2025". */
export function dateLine(d: Date): string {
  const two = (n: number) => String(n).padStart(2, '0');
  return `${DAYS[d.getUTCDay()]} ${MONTHS[d.getUTCMonth()]} ${String(d.getUTCDate()).padStart(2, ' ')} ${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())} UTC ${d.getUTCFullYear()}`;
}

export interface Transcript {
  /** A line of the command's output (stdout and log). */
  line(text: string): void;
  /** An error line (stderr and log). */
  error(text: string): void;
  /** -D trace line (stderr only). */
  trace(step: string): void;
  /** Where the record goes (absolute path on this machine). */
  readonly logFile: string;
}

export function openTranscript(ctx: CommandContext, options: { debug: boolean; logAs?: { name: string; args: string[] } }): Transcript {
  const state = ctx.state();
  const logFile = path.join(ctx.dir, runningImage(state).fsDir, ALT_DISK_LOG.slice(1));
  const append = (text: string) => {
    try {
      fs.mkdirSync(path.dirname(logFile), { recursive: true });
      fs.appendFileSync(logFile, text + '\n');
    } catch {
      // The log is a by-product; a missing image folder must not fail the operation.
    }
  };
  append('');
  append(dateLine(new Date()));
  const shown = options.logAs ?? { name: ctx.name, args: ctx.args };
  append(`cmd: /usr/sbin/${shown.name}${shown.args.length ? ' ' + shown.args.join(' ') : ''}`);
  return {
    logFile,
    line(text) {
      ctx.out(text);
      append(text);
    },
    error(text) {
      ctx.err(text);
      append(text);
    },
    trace(step) {
      if (options.debug) ctx.err(LINE.trace(step));
    },
  };
}
