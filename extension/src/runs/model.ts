import * as vscode from 'vscode';

// What the Run results view shows: one record per run (a play through ansible-playbook, or one task
// through the runner), per host its status and the steps it went through, each with the AIX commands,
// diffs and warnings of its module answer and where its task is written.

export type HostStatus = 'running' | 'ok' | 'changed' | 'failed' | 'unreachable' | 'interrupted' | 'skipped' | 'not-started';
export type StepStatus = 'ok' | 'changed' | 'failed' | 'ignored' | 'skipped' | 'unreachable' | 'interrupted';

export interface TaskLocation {
  uri: vscode.Uri;
  /** 0-based. */
  line: number;
}

export interface Diff {
  before: string;
  after: string;
  beforeHeader?: string;
  afterHeader?: string;
}

export interface StepResult {
  task: string;
  module?: string;
  status: StepStatus;
  msg?: string;
  /** The AIX command lines the module ran (or would run in check mode). */
  commands: string[][];
  diffs: Diff[];
  warnings: string[];
  location?: TaskLocation;
}

export interface HostRun {
  host: string;
  /** 'ssh', 'sim', 'local'... */
  transport?: string;
  status: HostStatus;
  steps: StepResult[];
  /** The AIX progress lines of a task run, as they came. */
  progress: string[];
  /** After an interrupt: the state the host was left in, and what to run next. */
  state?: string;
  next?: string[];
  message?: string;
}

export interface RunRecord {
  id: number;
  kind: 'play' | 'task';
  title: string;
  check: boolean;
  /** The host (or host pattern) picked for the run. */
  target: string;
  /** Rehearsal: the real host the twin stands for. */
  twinOf?: string;
  startedAt: number;
  endedAt?: number;
  outcome?: 'done' | 'failed' | 'cancelled';
  hosts: HostRun[];
  /** What to say at the top when the run could not start or ended early. */
  note?: string;
}

let nextId = 1;

export function newRecord(init: Omit<RunRecord, 'id' | 'startedAt' | 'hosts'>): RunRecord {
  return { ...init, id: nextId++, startedAt: Date.now(), hosts: [] };
}

export function hostOf(record: RunRecord, host: string): HostRun {
  let h = record.hosts.find((x) => x.host === host);
  if (!h) {
    h = { host, status: 'running', steps: [], progress: [] };
    record.hosts.push(h);
  }
  return h;
}

const RANK: Record<HostStatus, number> = { 'not-started': 0, skipped: 1, running: 2, ok: 3, changed: 4, interrupted: 5, failed: 6, unreachable: 7 };

/** The worse of two statuses: a host that failed once is failed, changed beats ok. */
export function worse(a: HostStatus, b: HostStatus): HostStatus {
  return RANK[b] > RANK[a] ? b : a;
}

function strings(v: unknown): string[] {
  if (Array.isArray(v)) return v.filter((x): x is string => typeof x === 'string');
  return typeof v === 'string' && v ? [v] : [];
}

function diffsOf(v: unknown): Diff[] {
  const list = Array.isArray(v) ? v : v && typeof v === 'object' ? [v] : [];
  return list
    .filter((d): d is Record<string, unknown> => !!d && typeof d === 'object')
    .filter((d) => typeof d.before === 'string' || typeof d.after === 'string')
    .map((d) => ({
      before: String(d.before ?? ''),
      after: String(d.after ?? ''),
      ...(typeof d.before_header === 'string' ? { beforeHeader: d.before_header } : {}),
      ...(typeof d.after_header === 'string' ? { afterHeader: d.after_header } : {}),
    }));
}

/** The AIX command lines of a module answer: `commands` (altdisk's argv list) or `cmd`. */
function commandsOf(result: Record<string, unknown>): string[][] {
  const list = result.commands;
  if (Array.isArray(list) && list.every((c) => Array.isArray(c))) return list.map((c) => strings(c));
  const cmd = result.cmd;
  if (Array.isArray(cmd) && cmd.every((c) => typeof c === 'string')) return cmd.length ? [cmd as string[]] : [];
  if (typeof cmd === 'string' && cmd) return [[cmd]];
  return [];
}

/** A step from a module's JSON answer (Ansible's keys plus altdisk's own). */
export function stepFrom(task: string, status: StepStatus, result: Record<string, unknown>, location?: TaskLocation, module?: string): StepResult {
  const items = Array.isArray(result.items) ? (result.items as Record<string, unknown>[]) : [];
  const all = [result, ...items];
  return {
    task,
    ...(module ? { module } : {}),
    status,
    ...(typeof result.msg === 'string' && result.msg ? { msg: result.msg } : {}),
    commands: all.flatMap(commandsOf),
    diffs: all.flatMap((r) => diffsOf(r.diff)),
    warnings: all.flatMap((r) => strings(r.warnings)),
    ...(location ? { location } : {}),
  };
}

export function describeHost(h: HostRun): string {
  const failed = h.steps.filter((s) => s.status === 'failed').length;
  const changed = h.steps.filter((s) => s.status === 'changed').length;
  const parts: string[] = [h.status];
  if (h.steps.length > 1) parts.push(`${h.steps.length} steps`);
  if (changed && h.steps.length > 1) parts.push(`${changed} changed`);
  if (failed) parts.push(`${failed} failed`);
  if (h.transport) parts.push(h.transport);
  return parts.join(' · ');
}
