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

export async function execute(host: HostAccess, commands: PlannedCommand[], stream = true): Promise<Execution> {
  const ran: Executed[] = [];
  for (const c of commands) {
    const r = await host.run(c.argv, stream ? { onLine: (_s, line) => void process.stderr.write(line + '\n') } : {});
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

/** The AIX error lines of a failed command: its stderr, or the tail of stdout when stderr is empty. */
export function aixError(r: CommandResult): string {
  const err = r.stderr.trim();
  if (err) return err.split('\n').slice(-8).join('\n');
  return r.stdout.trim().split('\n').slice(-8).join('\n');
}
