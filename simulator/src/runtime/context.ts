import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Fault, FaultStep, HostState } from '../state/types.js';
import { readState, updateState } from '../state/store.js';

// What a simulated command gets: its arguments, the host, and output that goes out as it is
// produced (so long transcripts stream into a terminal, the CLI or the editor).

export interface CommandContext {
  /** Name the command was called by (lspv, alt_disk_copy, ...). */
  name: string;
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
  /** Consume a pending fault for this step (and disk, when given); returns it if one fired. */
  takeFault(step: FaultStep, disk?: string): Fault | null;
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

function sleepSync(ms: number): void {
  if (ms > 0) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

export function makeContext(name: string, args: string[], dir: string, env: NodeJS.ProcessEnv): CommandContext {
  let speed: number | null = null;
  const ctx: CommandContext = {
    name,
    args,
    dir,
    env,
    out: (line) => void process.stdout.write(line + '\n'),
    err: (line) => void process.stderr.write(line + '\n'),
    write: (text) => void process.stdout.write(text),
    state: () => readState(dir),
    update: (change) => updateState(dir, change),
    pause(nominalSeconds) {
      if (speed === null) speed = speedOf(readState(dir), env);
      sleepSync(Math.round(nominalSeconds * speed * 1000));
    },
    takeFault(step, disk) {
      return updateState(dir, (s) => {
        const i = s.faults.findIndex((f) => f.step === step && (disk === undefined || f.disk === undefined || f.disk === disk));
        if (i < 0) return null;
        const f = s.faults[i]!;
        f.remaining -= 1;
        if (f.remaining <= 0) s.faults.splice(i, 1);
        s.history.push({ at: new Date().toISOString(), event: `fault ${step}${f.disk ? ' ' + f.disk : ''} fired in ${name}` });
        return { ...f };
      });
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

export function appendCallLog(dir: string, entry: { time: string; argv: string[]; rc: number; ms: number; pid: number }): void {
  try {
    fs.appendFileSync(path.join(dir, 'calls.log'), JSON.stringify(entry) + '\n');
  } catch {
    // A host dir removed under a running command: nothing left to log into.
  }
}
