import { spawn, type ChildProcess } from 'node:child_process';
import * as path from 'node:path';
import type { SimHost } from './sim.js';
import { moduleBundle, SIM_ENV, type ModuleName } from './modules.js';

// Kill a simulated command at a chosen moment: after its n-th line of output (plus a delay), with a
// signal, either the process alone or its whole process group (as an Ansible async timeout does).

export interface KillPlan {
  /** Kill once this many stdout lines have arrived (0: as soon as it started). */
  afterLines: number;
  delayMs: number;
  signal: NodeJS.Signals;
  /** Kill the process group (the command runs as a group leader) instead of the process. */
  group: boolean;
}

export interface KillOutcome {
  lines: string[];
  stderr: string;
  code: number | null;
  signal: NodeJS.Signals | null;
  /** false when the command finished before the kill was sent. */
  killed: boolean;
  pid: number;
}

export function runAndKill(h: SimHost, env: NodeJS.ProcessEnv, plan: KillPlan, command: string, ...args: string[]): Promise<KillOutcome> {
  const p = spawn(path.join(h.dir, 'bin', command), args, {
    env: { ...process.env, PATH: `${h.dir}/bin:${process.env.PATH}`, ...env },
    detached: plan.group,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: string[] = [];
  let partial = '';
  let stderr = '';
  let killed = false;
  let exited = false;
  const kill = () => {
    if (killed || exited) return;
    killed = true;
    try {
      if (plan.group) process.kill(-p.pid!, plan.signal);
      else p.kill(plan.signal);
    } catch {
      killed = false;
    }
  };
  const arm = () => setTimeout(kill, plan.delayMs);
  if (plan.afterLines === 0) arm();
  p.stdout.on('data', (d: Buffer) => {
    partial += d.toString();
    const parts = partial.split('\n');
    partial = parts.pop()!;
    for (const l of parts) {
      lines.push(l);
      if (lines.length === plan.afterLines) arm();
    }
  });
  p.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  return new Promise((resolve, reject) => {
    p.on('error', reject);
    p.on('exit', () => (exited = true));
    p.on('close', (code, signal) => resolve({ lines, stderr, code, signal, killed, pid: p.pid! }));
  });
}

export interface SlowModule {
  child: ChildProcess;
  /** What the module printed so far: its answer (stdout), its AIX command's progress (stderr). */
  out(): string;
  err(): string;
  /** Resolves when the module's streams are closed. */
  closed: Promise<void>;
  /** Wait until its progress shows this line (fails the test when the module ends first). */
  until(line: RegExp): Promise<void>;
}

/**
 * Start a bundled module on a simulated host with the simulated commands slowed down, in its own
 * process group (so the whole group can be killed, as an Ansible async timeout does).
 */
export function slowModule(name: ModuleName, simDir: string, args: Record<string, unknown>): SlowModule {
  const child = spawn(process.execPath, [moduleBundle(name)], { env: { ...process.env, [SIM_ENV]: simDir, AIXSIM_SPEED: '0.004' }, stdio: ['pipe', 'pipe', 'pipe'], detached: true });
  let out = '';
  let err = '';
  let ended = false;
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (err += d.toString()));
  child.stdin.end(JSON.stringify(args));
  const closed = new Promise<void>((resolve) => child.on('close', () => resolve())).then(() => void (ended = true));
  return {
    child,
    out: () => out,
    err: () => err,
    closed,
    async until(line) {
      while (!line.test(err)) {
        if (ended) throw new Error(`${name} ended before its progress showed ${line}: ${err.slice(-400)}`);
        await new Promise((r) => setTimeout(r, 20));
      }
    },
  };
}
