import * as fs from 'node:fs';
import * as path from 'node:path';
import type { CommandResult, HostAccess, RunOptions } from './host-access.js';
import { ModuleFailure } from './failure.js';
import { spawnCommand } from './spawn.js';

// On AIX, commands run from their absolute AIX paths (never whatever PATH puts first). A simulated
// host is chosen only explicitly, with ALTDISK_SIM_HOST=<dir> (a folder made by `aixsim init`), so a
// test or a rehearsal cannot reach the wrong machine by accident — and a real AIX host is never
// mistaken for a simulation.

export const SIM_ENV = 'ALTDISK_SIM_HOST';

/** AIX commands print in the C locale what our parsers read. */
const COMMAND_ENV = { LANG: 'C', LC_ALL: 'C' };

function splitLines(onLine: NonNullable<RunOptions['onLine']>, stream: 'stdout' | 'stderr') {
  let pending = '';
  return {
    push(chunk: string) {
      pending += chunk;
      let nl: number;
      while ((nl = pending.indexOf('\n')) >= 0) {
        onLine(stream, pending.slice(0, nl));
        pending = pending.slice(nl + 1);
      }
    },
    end() {
      if (pending) onLine(stream, pending);
      pending = '';
    },
  };
}

async function runFile(file: string, argv: string[], options: RunOptions, extraEnv: Record<string, string>): Promise<CommandResult> {
  if (!fs.existsSync(file)) {
    return { argv, rc: 127, stdout: '', stderr: `${file}: not found` };
  }
  const lines = options.onLine ? { stdout: splitLines(options.onLine, 'stdout'), stderr: splitLines(options.onLine, 'stderr') } : null;
  const r = await spawnCommand(file, argv.slice(1), {
    env: { ...process.env, ...COMMAND_ENV, ...extraEnv, ...(options.env ?? {}) },
    ...(options.onSpawn ? { onSpawn: options.onSpawn } : {}),
    ...(lines ? { onData: (stream: 'stdout' | 'stderr', chunk: string) => lines[stream].push(chunk) } : {}),
  });
  lines?.stdout.end();
  lines?.stderr.end();
  return { argv, ...r };
}

/** A process that still runs: it answers kill(pid, 0) and is not a zombie (Linux /proc shows Z; AIX has no such file). */
export function processAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const state = stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3);
    return state !== 'Z' && state !== 'X';
  } catch {
    return true;
  }
}

export function simulatedHost(dir: string): HostAccess {
  const abs = path.resolve(dir);
  if (!fs.existsSync(path.join(abs, 'state.json')) || !fs.existsSync(path.join(abs, 'bin'))) {
    throw new ModuleFailure(
      `${SIM_ENV}=${dir} is not a simulated AIX host (no state.json and bin/ there). Create one with: npx aixsim init ${dir}`,
    );
  }
  return {
    simulated: true,
    description: `the simulated host ${abs}`,
    run(argv, options = {}) {
      const name = path.basename(argv[0] ?? '');
      const file = path.join(abs, 'bin', name);
      if (!fs.existsSync(file)) {
        return Promise.resolve({ argv, rc: 127, stdout: '', stderr: `${argv[0]}: not found on ${abs} (this simulated AIX level has no ${name})` });
      }
      return runFile(file, [file, ...argv.slice(1)], options, { PATH: `${path.join(abs, 'bin')}:${process.env.PATH ?? ''}` }).then((r) => ({ ...r, argv }));
    },
    async readFile(aixPath) {
      try {
        return await fs.promises.readFile(path.join(abs, 'root', aixPath), 'utf8');
      } catch {
        return null;
      }
    },
    localPath: (aixPath) => path.join(abs, 'root', aixPath),
    processAlive,
  };
}

export function aixHost(): HostAccess {
  return {
    simulated: false,
    description: 'this AIX host',
    run(argv, options = {}) {
      return runFile(argv[0] ?? '', argv, options, {});
    },
    async readFile(aixPath) {
      try {
        return await fs.promises.readFile(aixPath, 'utf8');
      } catch {
        return null;
      }
    },
    localPath: (aixPath) => aixPath,
    processAlive,
  };
}

/** The host this module works on; a clear failure when that is neither AIX nor a named simulated host. */
export function connectHost(env: NodeJS.ProcessEnv = process.env): HostAccess {
  const sim = env[SIM_ENV];
  if (sim) return simulatedHost(sim);
  if (process.platform !== 'aix') {
    throw new ModuleFailure(
      `altdisk modules run on AIX, and this host is ${process.platform}. To rehearse on a simulated AIX host, create one with "npx aixsim init <dir>" and set ${SIM_ENV}=<dir> for the module.`,
    );
  }
  return aixHost();
}
