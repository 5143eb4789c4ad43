import * as fs from 'node:fs';
import * as path from 'node:path';
import type { HostAccess } from './host-access.js';
import type { OperationFacts } from '../facts/types.js';
import { createWith } from './create-with.js';
import { LOCK_FILE, holderOfThisSystem, parseLockHolder, type LockHolder } from '../facts/run-record.js';

// One changing altdisk task at a time per host, as AIX runs one alternate-disk operation at a
// time: a task that would change the host takes /var/adm/ras/altdisk/lock (created exclusively),
// and a second one waits for it — and for an alt_disk_* command somebody started by hand — then
// plans again from the facts as they are then. So the loser of a race never runs a command on a
// state it did not plan for: it finds the winner's result (nothing to do, changed: false) or is
// refused for what is there now. A lock whose process is gone (kill -9, a reboot) is taken over.

/** How long a task waits for another one before it gives up (ALTDISK_LOCK_WAIT seconds overrides it). */
export const LOCK_WAIT_SECONDS = 600;
const POLL_MS = 250;

export interface HeldLock {
  release(): void;
  /** The task (or AIX command) this one waited for, if it had to wait. */
  waitedFor: { holder: LockHolder | null; operation: OperationFacts | null } | null;
}

export class LockTimeout extends Error {
  constructor(
    readonly holder: LockHolder | null,
    readonly operation: OperationFacts | null,
    seconds: number,
  ) {
    super(`waited ${seconds} s`);
  }
}

function waitSeconds(env: NodeJS.ProcessEnv): number {
  const v = Number(env.ALTDISK_LOCK_WAIT);
  return env.ALTDISK_LOCK_WAIT !== undefined && Number.isFinite(v) && v >= 0 ? v : LOCK_WAIT_SECONDS;
}

function readHolder(file: string): { holder: LockHolder | null; ino: number } | null {
  try {
    const st = fs.statSync(file);
    return { holder: parseLockHolder(fs.readFileSync(file, 'utf8')), ino: st.ino };
  } catch {
    return null;
  }
}

/**
 * Take the lock, waiting while another live task holds it or an alternate-disk command runs.
 * `running` lists the alt_disk_* commands running now (ps).
 */
export async function acquireLock(
  host: HostAccess,
  me: LockHolder,
  running: () => Promise<OperationFacts[]>,
  onWait: (what: string) => void,
  env: NodeJS.ProcessEnv = process.env,
): Promise<HeldLock> {
  const file = host.localPath(LOCK_FILE);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const seconds = waitSeconds(env);
  const deadline = Date.now() + seconds * 1000;
  let waitedFor: HeldLock['waitedFor'] = null;
  let told = '';
  for (;;) {
    let holder: LockHolder | null = null;
    if (createWith(file, JSON.stringify(me) + '\n')) {
      // Holding the lock, an alt_disk_* command started by hand is the one thing left to wait for.
      const ops = await running();
      if (ops.length === 0) {
        return {
          waitedFor,
          release() {
            const now = readHolder(file);
            if (now?.holder?.pid === me.pid) fs.rmSync(file, { force: true });
          },
        };
      }
      fs.rmSync(file, { force: true });
      waitedFor = { holder: null, operation: ops[0]! };
    } else {
      const seen = readHolder(file);
      holder = seen?.holder ?? null;
      if (seen && (holder === null || !holderOfThisSystem(holder, me.rootvgPvids ?? []) || !host.processAlive(holder.pid))) {
        // Its owner is gone (killed, the host rebooted under it, or the lock came with a clone): take it over, unless it changed meanwhile.
        const again = readHolder(file);
        if (again && again.ino === seen.ino) fs.rmSync(file, { force: true });
        continue;
      }
      if (holder) waitedFor = { holder, operation: null };
    }
    const what = holder ? `altdisk ${holder.what} (pid ${holder.pid})` : waitedFor?.operation ? `${waitedFor.operation.command} (pid ${waitedFor.operation.pid})` : 'another task';
    if (what !== told) {
      onWait(`altdisk: waiting for ${what} to finish before this task runs`);
      told = what;
    }
    if (Date.now() >= deadline) throw new LockTimeout(holder, waitedFor?.operation ?? null, seconds);
    await new Promise((r) => setTimeout(r, POLL_MS));
  }
}
