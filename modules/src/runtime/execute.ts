import type { CommandResult, HostAccess } from './host-access.js';
import type { PlannedCommand } from '../plan/types.js';

// Runs a plan's commands in order and stops at the first failure, so the host is never taken past
// a step that went wrong. Each line the AIX command prints goes to stderr as it comes (the CLI and
// the editor stream it; Ansible ignores it).

export interface Executed extends CommandResult {
  why: string;
}

export interface Execution {
  ran: Executed[];
  failed: Executed | null;
}

/** What the shell around the executor learns as commands start and end (the run record, signals). */
export interface ExecutionHooks {
  starting?(c: PlannedCommand): void;
  spawned?(pid: number): void;
  ended?(rc: number, stderr: string): void;
  /** Each line of the command's standard output, as it comes. */
  line?(line: string): void;
  /** true once the task was interrupted: no further command starts. */
  stopped?(): boolean;
}

export async function execute(host: HostAccess, commands: PlannedCommand[], hooks: ExecutionHooks = {}, stream = true): Promise<Execution> {
  const ran: Executed[] = [];
  for (const c of commands) {
    if (hooks.stopped?.()) break;
    hooks.starting?.(c);
    const r = await host.run(c.argv, {
      onLine: (s, line) => {
        if (stream) process.stderr.write(line + '\n');
        if (s === 'stdout') hooks.line?.(line);
      },
      onSpawn: (pid) => hooks.spawned?.(pid),
    });
    hooks.ended?.(r.rc, r.stderr);
    const done = { ...r, why: c.why };
    ran.push(done);
    if (r.rc !== 0) return { ran, failed: done };
  }
  return { ran, failed: null };
}

/** All output lines of the commands run, in order. */
export function outputLines(ran: Executed[]): string[] {
  return ran.flatMap((r) => r.stdout.split('\n').filter((l, i, a) => !(l === '' && i === a.length - 1)));
}

// AIX message ids: 0516-404, 0505-126, 0504-132 ... A message may continue on indented lines.
const MESSAGE_ID = /\b\d{4}-\d{3,4}\b/;

/** The AIX messages in a command's output: lines with a message id and their indented continuations. */
function messageLines(text: string): string[] {
  const out: string[] = [];
  let inMessage = false;
  for (const line of text.split('\n')) {
    if (MESSAGE_ID.test(line)) {
      out.push(line.trimEnd());
      inMessage = true;
    } else if (inMessage && /^\s+\S/.test(line)) {
      out.push(line.trimEnd());
    } else {
      inMessage = false;
    }
  }
  return out;
}

/**
 * What a failed AIX command said: its messages (AIX prints some, like 0516-404 allocp, on stdout)
 * followed by its stderr; the tail of stdout when it printed neither.
 */
export function aixError(r: CommandResult): string {
  const lines = [...messageLines(r.stdout)];
  for (const l of r.stderr.trimEnd().split('\n')) if (l.trim() && !lines.includes(l.trimEnd())) lines.push(l.trimEnd());
  if (lines.length) return lines.slice(-12).join('\n');
  return r.stdout.trim().split('\n').slice(-8).join('\n');
}
