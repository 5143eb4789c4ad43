import { spawn } from 'node:child_process';
import * as os from 'node:os';

// One AIX command as a child process: argv without a shell, stdin closed, stdout and stderr
// collected (and handed on line by line as they come), the exit code, or 128 + the signal number
// as ksh reports a command killed by a signal. All a module needs of a process library, in the
// part of Node that loads with it (execa and its dependencies were over half of each bundle).

export interface SpawnOptions {
  env: NodeJS.ProcessEnv;
  onSpawn?: (pid: number) => void;
  onData?: (stream: 'stdout' | 'stderr', chunk: string) => void;
}

export interface SpawnResult {
  rc: number;
  stdout: string;
  stderr: string;
}

export function spawnCommand(file: string, args: string[], options: SpawnOptions): Promise<SpawnResult> {
  return new Promise((resolve) => {
    let stdout = '';
    let stderr = '';
    let settled = false;
    const done = (r: SpawnResult) => {
      if (!settled) resolve(r);
      settled = true;
    };
    const child = spawn(file, args, { env: options.env, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.setEncoding('utf8');
    child.stderr.setEncoding('utf8');
    child.stdout.on('data', (d: string) => {
      stdout += d;
      options.onData?.('stdout', d);
    });
    child.stderr.on('data', (d: string) => {
      stderr += d;
      options.onData?.('stderr', d);
    });
    // A command that cannot start (ENOENT, EACCES) answers like the shell does: 127 or 126 and the reason.
    child.on('error', (e: NodeJS.ErrnoException) => done({ rc: e.code === 'ENOENT' ? 127 : 126, stdout, stderr: stderr || `${file}: ${e.message}` }));
    if (child.pid !== undefined) options.onSpawn?.(child.pid);
    // 'close' comes after both streams ended: every line is in.
    child.on('close', (code, signal) => {
      const rc = typeof code === 'number' ? code : signal ? 128 + (os.constants.signals[signal] ?? 15) : 1;
      done({ rc, stdout, stderr });
    });
  });
}
