import * as fs from 'node:fs';
import * as path from 'node:path';
import type { HostState } from './types.js';
import { processAlive, selfIdentity } from '../runtime/procs.js';
import { sleepSync } from '../runtime/sleep.js';
import { createWith } from '../../../modules/src/runtime/create-with.js';

// Every simulated command is its own process and several may run at once (a test reading lspv
// while a clone runs), so state changes go through a lock file, and writes go to a temporary file
// renamed over state.json: a reader never sees half a file, and a killed writer leaves the last
// good state behind.

const LOCK_WAIT_MS = 30_000;
const LOCK_STALE_MS = 120_000;

export class HostNotFoundError extends Error {}

export function statePath(dir: string): string {
  return path.join(dir, 'state.json');
}

export function isHostDir(dir: string): boolean {
  return fs.existsSync(statePath(dir));
}

export function readState(dir: string): HostState {
  let text: string;
  try {
    text = fs.readFileSync(statePath(dir), 'utf8');
  } catch {
    throw new HostNotFoundError(`aixsim: ${dir} is not a simulated host (no state.json); create one with: aixsim init ${dir}`);
  }
  return JSON.parse(text) as HostState;
}

export function writeState(dir: string, state: HostState): void {
  const target = statePath(dir);
  const tmp = `${target}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, JSON.stringify(state, null, 1) + '\n');
  fs.renameSync(tmp, target);
}

function acquireLock(dir: string): string {
  const lock = path.join(dir, 'state.lock');
  const deadline = Date.now() + LOCK_WAIT_MS;
  for (let attempt = 0; ; attempt++) {
    // Linked into place with its owner (pid and start time): a lock is never seen without it.
    const me = selfIdentity();
    if (createWith(lock, `${me.pid} ${me.start ?? ''}`.trim())) return lock;
    breakStaleLock(lock);
    if (Date.now() > deadline) {
      throw new Error(`aixsim: state of ${dir} is locked by another command for more than ${LOCK_WAIT_MS / 1000}s (${lock})`);
    }
    sleepSync(Math.min(50, 2 + attempt * 2));
  }
}

function breakStaleLock(lock: string): void {
  try {
    const [pid, start] = fs.readFileSync(lock, 'utf8').trim().split(' ');
    const owner = Number(pid);
    const age = Date.now() - fs.statSync(lock).mtimeMs;
    // A lock is never made without its owner: one without is nobody's; with the start time, a pid the
    // system gave to another process since (the suite wraps around pid_max) is not the owner.
    if (!(owner > 0) || !processAlive(owner, start || null) || age > LOCK_STALE_MS) fs.rmSync(lock, { force: true });
  } catch {
    // The lock vanished between our attempts: the next attempt will take it.
  }
}

/** Read-modify-write under the host lock. The callback's changes are saved only if it returns normally. */
export function updateState<T>(dir: string, change: (state: HostState) => T): T {
  const lock = acquireLock(dir);
  try {
    const state = readState(dir);
    const result = change(state);
    writeState(dir, state);
    return result;
  } finally {
    fs.rmSync(lock, { force: true });
  }
}
