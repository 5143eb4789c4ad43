import { spawn } from 'node:child_process';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { eachLine } from './lines.js';
import { hostOf, stepFrom, worse, type HostStatus, type RunRecord, type StepStatus } from './model.js';

// A play run is ansible-playbook itself: its screen output goes to the Output channel line by line, and
// the callback plugin shipped with the extension (ansible/callback_plugins/altdisk_events.py) reports
// each task result as a JSON line on a pipe (fd 3), which fills the Run results view as the run goes.

export type PlaybookEvent =
  | { type: 'play'; name: string }
  | { type: 'task'; name: string; action: string; path?: string }
  | { type: 'result'; status: StepStatus; host: string; task: string; action: string; path?: string; result: Record<string, unknown> }
  | { type: 'stats'; hosts: Record<string, { ok: number; changed: number; failures: number; unreachable: number; skipped: number; rescued: number; ignored: number }> };

export interface PlaybookRunOptions {
  program: string;
  playbook: string;
  inventories: string[];
  limit?: string;
  check: boolean;
  cwd: string;
  /** The folder of altdisk_events.py. */
  callbackDir: string;
  env?: NodeJS.ProcessEnv;
  extraArgs?: string[];
  onOutput(line: string): void;
  onEvent(event: PlaybookEvent): void;
  /** First abort: SIGINT to ansible-playbook (Ctrl-C: it stops its workers); a second: SIGKILL. */
  signal: AbortSignal;
  stopWaiting?: AbortSignal;
}

export interface PlaybookRunEnd {
  code: number | null;
  interrupted: boolean;
  argv: string[];
}

export function playbookArgv(o: Pick<PlaybookRunOptions, 'playbook' | 'inventories' | 'limit' | 'check' | 'extraArgs'>): string[] {
  return [
    ...o.inventories.flatMap((i) => ['-i', i]),
    ...(o.limit ? ['-l', o.limit] : []),
    ...(o.check ? ['--check', '--diff'] : []),
    ...(o.extraArgs ?? []),
    o.playbook,
  ];
}

export async function runPlaybook(o: PlaybookRunOptions): Promise<PlaybookRunEnd> {
  const argv = playbookArgv(o);
  const callbackPath = [o.callbackDir, process.env.ANSIBLE_CALLBACK_PLUGINS].filter(Boolean).join(path.delimiter);
  const child = spawn(o.program, argv, {
    cwd: o.cwd,
    // Its own process group: an interrupt reaches ansible-playbook and its forked workers, as Ctrl-C does.
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe', 'pipe'],
    env: {
      ...process.env,
      ...o.env,
      ANSIBLE_CALLBACK_PLUGINS: callbackPath,
      ALTDISK_EVENTS_FD: '3',
      ANSIBLE_FORCE_COLOR: '0',
      ANSIBLE_NOCOLOR: '1',
      PYTHONUNBUFFERED: '1',
    },
  });
  let interrupted = false;
  const signalGroup = (sig: NodeJS.Signals): void => {
    if (child.pid === undefined || child.exitCode !== null) return;
    try {
      process.kill(-child.pid, sig);
    } catch {
      /* gone */
    }
  };
  const onAbort = (): void => {
    interrupted = true;
    signalGroup('SIGINT');
  };
  const onStop = (): void => signalGroup('SIGKILL');
  if (o.signal.aborted) onAbort();
  o.signal.addEventListener('abort', onAbort);
  o.stopWaiting?.addEventListener('abort', onStop);
  const exited = new Promise<number | null>((resolve) => {
    child.on('error', (e) => {
      o.onOutput(`altdisk: cannot start ${o.program}: ${e.message}`);
      resolve(null);
    });
    child.on('close', (code) => resolve(code));
  });
  const events = child.stdio[3] as import('node:stream').Readable | null;
  await Promise.all([
    eachLine(child.stdout, o.onOutput),
    eachLine(child.stderr, o.onOutput),
    eachLine(events, (line) => {
      if (!line.trim()) return;
      try {
        o.onEvent(JSON.parse(line) as PlaybookEvent);
      } catch {
        o.onOutput(`altdisk: unreadable event from the callback plugin: ${line}`);
      }
    }),
  ]);
  const code = await exited;
  o.signal.removeEventListener('abort', onAbort);
  o.stopWaiting?.removeEventListener('abort', onStop);
  return { code, interrupted, argv };
}

/** "playbook.yml:42" (Ansible's task path, 1-based line) as a location. */
function locationOf(taskPath: string | undefined): { uri: vscode.Uri; line: number } | undefined {
  const m = taskPath ? /^(.*):(\d+)$/.exec(taskPath) : null;
  if (!m?.[1] || !m[2]) return undefined;
  return { uri: vscode.Uri.file(m[1]), line: Math.max(0, Number(m[2]) - 1) };
}

const STEP_TO_HOST: Record<StepStatus, HostStatus> = {
  ok: 'ok',
  changed: 'changed',
  failed: 'failed',
  ignored: 'ok',
  skipped: 'skipped',
  unreachable: 'unreachable',
  interrupted: 'interrupted',
};

/** Folds one callback event into the run record. Skipped tasks are not shown as steps (Ansible's recap counts them). */
export function applyPlaybookEvent(record: RunRecord, ev: PlaybookEvent): void {
  if (ev.type === 'result') {
    const h = hostOf(record, ev.host);
    h.transport ??= 'ansible';
    if (h.status === 'running' || h.status === 'skipped') h.status = ev.status === 'skipped' ? 'skipped' : 'ok';
    h.status = worse(h.status, STEP_TO_HOST[ev.status]);
    if (ev.status !== 'skipped') h.steps.push(stepFrom(ev.task || ev.action, ev.status, ev.result, locationOf(ev.path), ev.action));
  } else if (ev.type === 'stats') {
    for (const [host, s] of Object.entries(ev.hosts)) {
      const h = hostOf(record, host);
      if (h.status === 'running') h.status = s.failures ? 'failed' : s.unreachable ? 'unreachable' : s.changed ? 'changed' : s.ok ? 'ok' : 'skipped';
    }
  }
}
