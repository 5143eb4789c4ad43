import * as fs from 'node:fs';
import * as path from 'node:path';
import { run, type RunEvent, type RunRequest, type RunSummary } from '../../runner/src/index.js';
import { ROOT } from './sim.js';
import { runCommand, type CommandOptions } from './ansible.js';
import type { Run } from './sim.js';

// Driving the runner library and the altdisk CLI bundle from the tests.

export const PATHS = { distDir: path.join(ROOT, 'dist') };
export const CLI = path.join(ROOT, 'dist', 'cli', 'altdisk.cjs');

export async function runAll(req: Omit<RunRequest, 'paths'>, onEvent?: (e: RunEvent, handle: ReturnType<typeof run>) => void): Promise<{ events: RunEvent[]; summary: RunSummary }> {
  const handle = run({ paths: PATHS, ...req });
  const events: RunEvent[] = [];
  for await (const e of handle) {
    events.push(e);
    onEvent?.(e, handle);
  }
  return { events, summary: await handle.summary };
}

/** The altdisk CLI bundle, to completion. */
export function altdisk(args: string[], opts: CommandOptions = {}): Promise<Run> {
  return runCommand(process.execPath, [CLI, ...args], { timeoutMs: 180_000, ...opts });
}

/** Processes whose environment holds NAME=VALUE (the module and the AIX commands it started), from /proc. */
export function processesWithEnv(name: string, value: string): { pid: number; cmdline: string[] }[] {
  const out: { pid: number; cmdline: string[] }[] = [];
  for (const p of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(p)) continue;
    try {
      const env = fs.readFileSync(`/proc/${p}/environ`, 'latin1').split('\0');
      if (!env.includes(`${name}=${value}`)) continue;
      out.push({ pid: Number(p), cmdline: fs.readFileSync(`/proc/${p}/cmdline`, 'latin1').split('\0').filter(Boolean) });
    } catch {
      // gone meanwhile, or not ours to read
    }
  }
  return out;
}

export function cmdlineOf(pid: number): string[] {
  try {
    return fs.readFileSync(`/proc/${pid}/cmdline`, 'latin1').split('\0').filter(Boolean);
  } catch {
    return [];
  }
}

export function parentOf(pid: number): number | null {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'latin1');
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
  } catch {
    return null;
  }
}

/** pid and its ancestors up to (not including) init. */
export function ancestry(pid: number): number[] {
  const chain: number[] = [];
  for (let p: number | null = pid; p && p > 1 && chain.length < 50; p = parentOf(p)) chain.push(p);
  return chain;
}

export function descendants(pid: number): number[] {
  const children = new Map<number, number[]>();
  for (const p of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(p)) continue;
    const pp = parentOf(Number(p));
    if (pp === null) continue;
    children.set(pp, [...(children.get(pp) ?? []), Number(p)]);
  }
  const out: number[] = [];
  const walk = (x: number) => {
    for (const c of children.get(x) ?? []) {
      out.push(c);
      walk(c);
    }
  };
  walk(pid);
  return out;
}

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Every file and folder under dir (relative), for "nothing was left here". */
export function treeOf(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return (fs.readdirSync(dir, { recursive: true }) as string[]).map(String).sort();
}

export async function until(what: string, cond: () => boolean, timeoutMs = 20_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!cond()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
