import { spawnSync, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { initHost } from '../../simulator/src/cli/init.js';

// Tests drive the real bundles: `aixsim` to create hosts and the simulated commands through the
// host's bin/ folder, exactly as a shell, a module or Ansible would.


function findRoot(start: string): string {
  let d = start;
  // dist/ holds a package.json of its own (the CommonJS marker): the root is where tsconfig.json is too.
  while (!fs.existsSync(path.join(d, 'package.json')) || !fs.existsSync(path.join(d, 'tsconfig.json'))) {
    const up = path.dirname(d);
    if (up === d) throw new Error('test: cannot find the project root');
    d = up;
  }
  return d;
}

export const ROOT = findRoot(__dirname);

export const AIXSIM = path.join(ROOT, 'dist', 'simulator', 'aixsim.cjs');

export interface Run {
  stdout: string;
  stderr: string;
  rc: number;
}

export function tmpDir(prefix = 'altdisk-test-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

export function aixsim(args: string[], env: NodeJS.ProcessEnv = {}): Run {
  const r = spawnSync(process.execPath, [AIXSIM, ...args], { encoding: 'utf8', env: { ...process.env, ...env } });
  return { stdout: r.stdout, stderr: r.stderr, rc: r.status ?? -1 };
}

export interface SimHost {
  dir: string;
  /** Run a simulated command by name, through <dir>/bin like a shell would. */
  run(command: string, ...args: string[]): Run;
  /** Same, with extra environment. */
  runEnv(env: NodeJS.ProcessEnv, command: string, ...args: string[]): Run;
  /** The call log entries. */
  calls(): { time: string; argv: string[]; rc: number; ms: number; pid: number }[];
  state(): Record<string, unknown>;
  stateText(): string;
  /** The file of the running system, e.g. file('/etc/filesystems'). */
  file(aixPath: string): string;
  cleanup(): void;
}

/** Create a simulated host with `aixsim init`; `options` are extra init arguments. */
export function newHost(...options: string[]): SimHost {
  const dir = path.join(tmpDir(), 'host');
  // `aixsim init` in-process (the CLI's own code, linking the bundle): a host without a process start.
  try {
    initHost([dir, ...options], AIXSIM);
  } catch (e) {
    throw new Error(`aixsim init failed: ${(e as Error).message}`);
  }
  const runEnv = (env: NodeJS.ProcessEnv, command: string, ...args: string[]): Run => {
    const r = spawnSync(path.join(dir, 'bin', command), args, {
      encoding: 'utf8',
      env: { ...process.env, PATH: `${dir}/bin:${process.env.PATH}`, ...env },
    });
    if (r.error) throw r.error;
    return { stdout: r.stdout, stderr: r.stderr, rc: r.status ?? -1 };
  };
  return {
    dir,
    run: (command, ...args) => runEnv({}, command, ...args),
    runEnv,
    calls: () =>
      fs
        .readFileSync(path.join(dir, 'calls.log'), 'utf8')
        .split('\n')
        .filter(Boolean)
        .map((l) => JSON.parse(l) as { time: string; argv: string[]; rc: number; ms: number; pid: number }),
    state: () => JSON.parse(fs.readFileSync(path.join(dir, 'state.json'), 'utf8')) as Record<string, unknown>,
    stateText: () => fs.readFileSync(path.join(dir, 'state.json'), 'utf8'),
    file: (aixPath) => {
      const p = aixsim(['path', dir, aixPath]).stdout.trim();
      return fs.readFileSync(p, 'utf8');
    },
    cleanup: () => fs.rmSync(path.dirname(dir), { recursive: true, force: true }),
  };
}

/** Start a command without waiting (for concurrency tests); resolves with its result. */
export function runAsync(file: string, args: string[], env: NodeJS.ProcessEnv = {}): Promise<Run> {
  return new Promise((resolve, reject) => {
    const p = spawn(file, args, { env: { ...process.env, ...env } });
    let stdout = '';
    let stderr = '';
    p.stdout.on('data', (d) => (stdout += d));
    p.stderr.on('data', (d) => (stderr += d));
    p.on('error', reject);
    p.on('close', (code) => resolve({ stdout, stderr, rc: code ?? -1 }));
  });
}

/** Run a test body on a fresh simulated host (init options as given) and remove the host afterwards. */
export function withHost(options: string[], body: (h: SimHost) => void): void {
  const h = newHost(...options);
  try {
    body(h);
  } finally {
    h.cleanup();
  }
}

/** The lines of a command's output, without the final newline. */
export function outputLines(text: string): string[] {
  return text === '' ? [] : text.replace(/\n$/, '').split('\n');
}
