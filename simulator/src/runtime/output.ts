import * as fs from 'node:fs';
import { sleepSync } from './sleep.js';

// How a simulated command writes: straight to file descriptors 1 and 2, synchronously, the way a
// ksh script's echo does. A command runs synchronously (its pauses block), so Node's stream 'error'
// event for a reader that went away would only arrive once all the work was done; a write that
// fails with EPIPE is seen right here instead, and the command dies of SIGPIPE at that line, with no
// further work and no clean-up, as a ksh script without a trap does on AIX (its shell reports 141).
// process.stdout/process.stderr are never touched in command mode: opening them would switch the
// pipe, shared with the caller, to non-blocking mode.

export const SIGPIPE_STATUS = 141;

let beforeDeath: ((signal: 'SIGPIPE') => void) | null = null;

/** Something to record (the simulator's own call log) just before the command dies of SIGPIPE. */
export function onSigpipe(hook: (signal: 'SIGPIPE') => void): void {
  beforeDeath = hook;
}


/** Die of SIGPIPE for real: Node ignores the signal, and adding then removing a listener restores its default action. */
export function dieOfSigpipe(): never {
  try {
    beforeDeath?.('SIGPIPE');
  } catch {
    // The record is a courtesy; dying is what matters.
  }
  const ignore = () => undefined;
  process.on('SIGPIPE', ignore);
  process.removeListener('SIGPIPE', ignore);
  process.kill(process.pid, 'SIGPIPE');
  // Should the signal not end us (a platform that keeps it ignored), end the way the shell reports it.
  process.exit(SIGPIPE_STATUS);
}

/** Write all of `text` to fd 1 or 2; EAGAIN (a pipe someone made non-blocking) waits, EPIPE kills. */
export function writeFd(fd: 1 | 2, text: string): void {
  let buf = Buffer.from(text, 'utf8');
  let waited = 0;
  while (buf.length > 0) {
    let n: number;
    try {
      n = fs.writeSync(fd, buf);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'EAGAIN') {
        sleepSync(Math.min(50, 1 + waited++));
        continue;
      }
      if (code === 'EPIPE') dieOfSigpipe();
      // A closed or invalid descriptor (the caller gave none): the output has nowhere to go.
      if (code === 'EBADF') return;
      throw e;
    }
    buf = buf.subarray(n);
  }
}

export const stdout = (text: string): void => writeFd(1, text);
export const stderr = (text: string): void => writeFd(2, text);
