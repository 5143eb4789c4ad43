import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Fault, FaultStep, HostState } from '../state/types.js';
import { readState, updateState } from '../state/store.js';
import { stderr, stdout } from './output.js';
import { selfIdentity } from './procs.js';
import { claimFaults, fireFault, releaseFaults, type FaultOwner } from './faults.js';
import { sleepSync } from './sleep.js';

// What a simulated command gets: its arguments, the host, and output that goes out as it is
// produced (so long transcripts stream into a terminal, the CLI or the editor).

export interface CommandContext {
  /** Name the command runs as (lspv, alt_disk_copy, ...; the 5.3+ alt_disk_install hands on to alt_disk_copy). */
  name: string;
  /** Name the process was called by (what ps shows, what a fault's --during names). */
  invoked: string;
  args: string[];
  dir: string;
  out(line: string): void;
  err(line: string): void;
  /** Raw output without a newline appended. */
  write(text: string): void;
  state(): HostState;
  update<T>(change: (s: HostState) => T): T;
  /** Wait for nominal seconds scaled by the host's speed (0 = instant). */
  pause(nominalSeconds: number): void;
  /** The operation reached `step` (on `disk`): the armed fault that fires, if one does (runtime/faults.ts). */
  takeFault(step: FaultStep, disk?: string): Fault | null;
  /** This command starts an operation that can reach these fault steps: it takes their armed faults. */
  beginFaultScope(steps: readonly FaultStep[], disk?: string): void;
  /** The operation ends: the faults it took and did not fire are cleared. */
  endFaultScope(): void;
  /** Absolute path of a file inside an OS image's folder. */
  imagePath(imageId: string, aixPath: string): string;
  /** Environment of the calling process (FORCE=yes for wake-up, etc.). */
  env: NodeJS.ProcessEnv;
}

export type CommandImpl = (ctx: CommandContext) => number | Promise<number>;

export function speedOf(state: HostState, env: NodeJS.ProcessEnv): number {
  const fromEnv = env.AIXSIM_SPEED;
  if (fromEnv !== undefined && fromEnv !== '' && Number.isFinite(Number(fromEnv))) return Math.max(0, Number(fromEnv));
  return state.speed;
}

export function faultOwner(ctx: Pick<CommandContext, 'invoked'>): FaultOwner {
  return { ...selfIdentity(), command: ctx.invoked };
}

export function makeContext(name: string, args: string[], dir: string, env: NodeJS.ProcessEnv): CommandContext {
  let speed: number | null = null;
  let scoped = false;
  const ctx: CommandContext = {
    name,
    invoked: name,
    args,
    dir,
    env,
    out: (line) => stdout(line + '\n'),
    err: (line) => stderr(line + '\n'),
    write: (text) => stdout(text),
    state: () => readState(dir),
    update: (change) => updateState(dir, change),
    pause(nominalSeconds) {
      if (speed === null) speed = speedOf(readState(dir), env);
      sleepSync(Math.round(nominalSeconds * speed * 1000));
    },
    takeFault(step, disk) {
      if (readState(dir).faults.length === 0) return null;
      return updateState(dir, (s) => fireFault(s, faultOwner(ctx), step, disk));
    },
    beginFaultScope(steps, disk) {
      scoped = true;
      if (readState(dir).faults.length > 0) updateState(dir, (s) => claimFaults(s, faultOwner(ctx), steps, disk));
    },
    endFaultScope() {
      if (!scoped) return;
      scoped = false;
      if (readState(dir).faults.length > 0) updateState(dir, (s) => releaseFaults(s, faultOwner(ctx)));
    },
    imagePath(imageId, aixPath) {
      const s = readState(dir);
      const img = s.images[imageId];
      if (!img) throw new Error(`aixsim: no image ${imageId}`);
      return path.join(dir, img.fsDir, aixPath.replace(/^\/+/, ''));
    },
  };
  return ctx;
}

export function appendCallLog(dir: string, entry: { time: string; argv: string[]; rc: number; ms: number; pid: number; signal?: string }): void {
  try {
    fs.appendFileSync(path.join(dir, 'calls.log'), JSON.stringify(entry) + '\n');
  } catch {
    // A host dir removed under a running command: nothing left to log into.
  }
}
