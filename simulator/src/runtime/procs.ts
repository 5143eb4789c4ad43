import * as fs from 'node:fs';
import * as path from 'node:path';
import { sleepSync } from './sleep.js';

// The simulated host's process table: every simulated command registers itself in <host>/run/<pid>.json
// while it runs, so the host's ps can list what runs on it (and only that), `aixsim show` can tell
// an operation in progress from one that was killed, and a reboot can end what runs, as a real
// reboot does. A process killed outright leaves its file behind: an entry counts only while a
// process with that pid AND that start time is alive, so a stale entry (or a recycled pid) is ignored.

export interface ProcEntry {
  pid: number;
  ppid: number;
  /** Start time of the process as the kernel records it (Linux: /proc/<pid>/stat field 22), null where unknown. */
  start: string | null;
  /** When it started (ISO), for ps's STIME. */
  startedAt: string;
  /** The simulated command's name (alt_disk_copy, lspv, ...). */
  command: string;
  args: string[];
}

export function runDir(dir: string): string {
  return path.join(dir, 'run');
}

/** State letter and start time of a process from /proc (Linux), or null when they cannot be read. */
function procStat(pid: number): { state: string; start: string } | null {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    // "pid (comm) state ppid ...": comm may hold blanks and parentheses, the fields follow the last ")".
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return { state: fields[0] ?? '', start: fields[19] ?? '' };
  } catch {
    return null;
  }
}

/** The kernel's start time of a process, or null when it cannot be read (no /proc, process gone). */
export function processStartTime(pid: number): string | null {
  return procStat(pid)?.start || null;
}

/** Is the process that registered as (pid, start) still alive? */
export function processAlive(pid: number, start: string | null): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  const now = procStat(pid);
  if (now === null) return true;
  // A zombie has finished: it only waits for its parent to collect the status.
  if (now.state === 'Z' || now.state === 'X') return false;
  return start === null || now.start === start;
}

let own: { file: string; entry: ProcEntry } | null = null;

/** This process's identity, as it registers (and as claims and faults record their owner). */
export function selfIdentity(): { pid: number; start: string | null } {
  return { pid: process.pid, start: own?.entry.start ?? processStartTime(process.pid) };
}

export function registerProcess(dir: string, command: string, args: string[]): void {
  const entry: ProcEntry = {
    pid: process.pid,
    ppid: process.ppid,
    start: processStartTime(process.pid),
    startedAt: new Date().toISOString(),
    command,
    args,
  };
  const file = path.join(runDir(dir), `${process.pid}.json`);
  const text = JSON.stringify(entry) + '\n';
  try {
    try {
      fs.writeFileSync(file, text);
    } catch (e) {
      // The host's first command makes run/ (every command paying for a mkdir would be slower).
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
      fs.mkdirSync(runDir(dir), { recursive: true });
      fs.writeFileSync(file, text);
    }
    own = { file, entry };
  } catch {
    // A host folder that cannot take the entry (removed under us): the command still runs.
  }
}

export function unregisterProcess(): void {
  if (own) removeIfThere(own.file);
  own = null;
}

function removeIfThere(file: string): void {
  try {
    fs.unlinkSync(file);
  } catch {
    // Already gone (a reboot cleans up what it killed).
  }
}

function readEntry(file: string): ProcEntry | null {
  try {
    const e = JSON.parse(fs.readFileSync(file, 'utf8')) as ProcEntry;
    return typeof e.pid === 'number' && typeof e.command === 'string' ? e : null;
  } catch {
    return null;
  }
}

/** The simulated commands running on the host now, oldest first. Stale entries are removed on the way. */
export function liveProcesses(dir: string): ProcEntry[] {
  let names: string[];
  try {
    names = fs.readdirSync(runDir(dir)).filter((n) => /^\d+\.json$/.test(n));
  } catch {
    return [];
  }
  const out: ProcEntry[] = [];
  for (const n of names) {
    const file = path.join(runDir(dir), n);
    const e = readEntry(file);
    if (e && processAlive(e.pid, e.start)) {
      out.push(e);
      continue;
    }
    // Only a file that belongs to a dead process goes: one being written right now parses next time.
    if (e) fs.rmSync(file, { force: true });
  }
  return out.sort((a, b) => (a.startedAt < b.startedAt ? -1 : a.startedAt > b.startedAt ? 1 : a.pid - b.pid));
}


/** A reboot ends every process of the host (but the caller): SIGKILL, then wait until they are gone. */
export function killHostProcesses(dir: string): number[] {
  const victims = liveProcesses(dir).filter((e) => e.pid !== process.pid);
  for (const v of victims) {
    try {
      process.kill(v.pid, 'SIGKILL');
    } catch {
      // Already gone.
    }
  }
  const deadline = Date.now() + 5000;
  while (victims.some((v) => processAlive(v.pid, v.start)) && Date.now() < deadline) sleepSync(10);
  for (const v of victims) fs.rmSync(path.join(runDir(dir), `${v.pid}.json`), { force: true });
  return victims.map((v) => v.pid);
}
