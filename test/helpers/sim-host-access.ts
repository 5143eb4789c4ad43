import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { CommandResult, HostAccess, RunOptions } from '../../modules/src/runtime/host-access.js';
import { processAlive } from '../../modules/src/runtime/connect.js';

// Test-only HostAccess for a simulated host folder: "/usr/sbin/lsvg" runs <dir>/bin/lsvg (the real
// simulated command), "/etc/filesystems" reads <dir>/root/etc/filesystems. Every argv it ran is
// kept, so tests can assert which commands facts gathering needed.

export interface SimHostAccess extends HostAccess {
  /** argv of every run, in start order (absolute AIX paths, as planned). */
  readonly ran: string[][];
}

function splitLines(buffered: { text: string }, chunk: string, emit: (line: string) => void): void {
  buffered.text += chunk;
  let nl: number;
  while ((nl = buffered.text.indexOf('\n')) >= 0) {
    emit(buffered.text.slice(0, nl));
    buffered.text = buffered.text.slice(nl + 1);
  }
}

export function simHostAccess(dir: string): SimHostAccess {
  const ran: string[][] = [];
  return {
    simulated: true,
    description: dir,
    ran,
    run(argv: string[], options: RunOptions = {}): Promise<CommandResult> {
      ran.push([...argv]);
      const program = path.join(dir, 'bin', path.basename(argv[0] ?? ''));
      return new Promise((resolve) => {
        const child = spawn(program, argv.slice(1), {
          env: { ...process.env, PATH: `${dir}/bin:${process.env.PATH ?? ''}`, ...options.env },
          stdio: ['ignore', 'pipe', 'pipe'],
        });
        if (child.pid !== undefined) options.onSpawn?.(child.pid);
        let stdout = '';
        let stderr = '';
        const outLines = { text: '' };
        const errLines = { text: '' };
        child.stdout.setEncoding('utf8');
        child.stderr.setEncoding('utf8');
        child.stdout.on('data', (d: string) => {
          stdout += d;
          if (options.onLine) splitLines(outLines, d, (l) => options.onLine!('stdout', l));
        });
        child.stderr.on('data', (d: string) => {
          stderr += d;
          if (options.onLine) splitLines(errLines, d, (l) => options.onLine!('stderr', l));
        });
        // A command the simulator does not have answers like a shell would: rc 127.
        child.on('error', (e) => resolve({ argv, rc: 127, stdout, stderr: `${stderr}${argv[0]}: not found (${e.message})\n` }));
        child.on('close', (code, signal) => resolve({ argv, rc: code ?? 128 + (signal ? (os.constants.signals[signal] ?? 0) : 0), stdout, stderr }));
      });
    },
    localPath: (aixPath: string) => path.join(dir, 'root', aixPath.replace(/^\/+/, '')),
    processAlive,
    async readFile(aixPath: string): Promise<string | null> {
      try {
        return await fs.promises.readFile(path.join(dir, 'root', aixPath.replace(/^\/+/, '')), 'utf8');
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
        throw e;
      }
    },
  };
}
