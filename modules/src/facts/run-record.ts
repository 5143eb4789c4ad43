import type { BuildStage } from './parse/alt-disk-transcript.js';

// What the altdisk modules themselves record on the host (/var/adm/ras/altdisk/): the lock a
// changing task holds while it runs, and the record of its last run — each AIX command it started,
// with its pid, and its exit code once it ended. AIX leaves no trace that tells a phase 1 that was
// killed half-way from one that finished (the same mounts, the same log lines), so this record is
// what lets the modules refuse to continue a half-made copy. Written by runtime/run-record.ts.

export const ALTDISK_DIR = '/var/adm/ras/altdisk';
export const RUN_RECORD = `${ALTDISK_DIR}/run.json`;
export const LOCK_FILE = `${ALTDISK_DIR}/lock`;

export interface RecordedCommand {
  argv: string[];
  started: string;
  /** The AIX command's process, while it runs. */
  pid: number | null;
  /** Its exit code (128+n when a signal ended it); null while it runs or when the module died first. */
  rc: number | null;
  ended: string | null;
  /** The last lines it printed on stderr when it failed (what AIX said). */
  error?: string;
  /** How far its output says it got (facts/parse/alt-disk-transcript.ts); a lower bound once the module died. */
  stage?: BuildStage;
  /** Records in alt_disk_inst.log before it started: a later command by anybody else adds more. */
  logRecordsBefore: number;
}

export interface RunRecord {
  version: 1;
  module: string;
  pid: number;
  started: string;
  /** PVIDs of the running rootvg when the run started: a record copied into a clone describes another system. */
  rootvgPvids: string[];
  /** The disks the run worked on (targets, or the alternate rootvg it continued or removed). */
  disks: string[];
  status: 'running' | 'finished';
  /** The argv of an earlier run's command that this run finished (the boot-list step it failed at). */
  completes?: string[] | null;
  ended: string | null;
  /** The signal that interrupted the module, when one did. */
  interrupted: string | null;
  commands: RecordedCommand[];
}

export interface LockHolder {
  pid: number;
  module: string;
  started: string;
  /** What it does, for messages: "clone targets=hdisk1". */
  what: string;
  /** PVIDs of the running rootvg when it was taken: a lock copied into a clone (or a mksysb) belongs to another system. */
  rootvgPvids?: string[];
}

/**
 * Whether a lock was taken on this system. alt_disk_copy copies the lock of the clone task into the
 * clone: once the clone is booted, its pid names whatever process has that number now.
 */
export function holderOfThisSystem(h: LockHolder, rootvgPvids: readonly string[]): boolean {
  return !h.rootvgPvids?.length || h.rootvgPvids.every((p) => rootvgPvids.includes(p));
}

function isObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/** The record, or null when there is none or it cannot be read (a record never blocks anything by being garbage). */
export function parseRunRecord(text: string | null): RunRecord | null {
  if (text === null) return null;
  let v: unknown;
  try {
    v = JSON.parse(text);
  } catch {
    return null;
  }
  if (!isObject(v) || v.version !== 1 || !Array.isArray(v.commands) || typeof v.pid !== 'number') return null;
  return v as unknown as RunRecord;
}

export function parseLockHolder(text: string | null): LockHolder | null {
  if (text === null) return null;
  try {
    const v: unknown = JSON.parse(text);
    if (isObject(v) && typeof v.pid === 'number') return v as unknown as LockHolder;
  } catch {
    // A lock half-written by a process that died at that moment: its pid cannot be known.
  }
  return null;
}

export type RunOutcome =
  /** The module or one of its AIX commands is still running. */
  | { kind: 'running'; command: RecordedCommand | null }
  /** The module died (killed, SIGKILL, a dropped session) or a command was ended by a signal. */
  | { kind: 'interrupted'; command: RecordedCommand | null; why: string }
  | { kind: 'finished'; failed: RecordedCommand | null };

/** What became of the recorded run; `alive` tells whether a pid still runs on this host. */
export function runOutcome(r: RunRecord, alive: (pid: number) => boolean): RunOutcome {
  const open = r.commands.find((c) => c.rc === null) ?? null;
  if (r.status === 'running') {
    if (alive(r.pid) || (open !== null && open.pid !== null && alive(open.pid))) return { kind: 'running', command: open };
    return { kind: 'interrupted', command: open ?? r.commands[r.commands.length - 1] ?? null, why: r.interrupted ? `the module was interrupted (${r.interrupted})` : 'the module ended without finishing its record (killed, or its session dropped)' };
  }
  const failed = r.commands.find((c) => c.rc !== null && c.rc !== 0) ?? null;
  if (r.interrupted) return { kind: 'interrupted', command: failed ?? open, why: `the module was interrupted (${r.interrupted})` };
  if (failed && failed.rc! >= 128) return { kind: 'interrupted', command: failed, why: `${failed.argv[0]?.split('/').pop()} ended with rc ${failed.rc} (killed by signal ${failed.rc! - 128})` };
  return { kind: 'finished', failed };
}

/** Whether the record still describes the host: same running rootvg, and nobody ran an alt-disk command since. */
export function recordIsCurrent(r: RunRecord, rootvgPvids: readonly string[], logRecordsNow: number): boolean {
  const same = r.rootvgPvids.length > 0 && r.rootvgPvids.every((p) => rootvgPvids.includes(p));
  if (!same) return false;
  const last = r.commands[r.commands.length - 1];
  if (!last) return true;
  // The last command adds at most one record of its own.
  return logRecordsNow <= last.logRecordsBefore + 1;
}
