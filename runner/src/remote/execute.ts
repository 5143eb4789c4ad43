import type { Connector } from '../connectors/types.js';
import { CONTROL_PREFIX, type BootstrapReport } from './bootstrap.js';
import { NO_NODE_EXIT, PROBE_PREFIX } from '../node-discovery.js';
import { SSH_CLIENT_LINE } from '../connectors/ssh-options.js';

// Runs one framed program (remote/payload.ts) through the launcher and the bootstrap on a host
// and tells apart what can happen: the module answered; it was stopped (we asked, or its session
// ended); the connection was lost while it ran; the connection could not be made; the host has
// no Node.js to run it; we stopped waiting.

export interface ProgramOutcome {
  kind: 'answered' | 'lost' | 'unreachable' | 'no-node' | 'abandoned';
  /** The module's exit code, when the bootstrap reported one. */
  code: number | null;
  /** The module's standard output (its one JSON answer). */
  stdout: string;
  /** The last lines of standard error that were not progress (for messages). */
  stderrTail: string;
  /** The bootstrap stopped the module (stop request, or its input ended). */
  stopped: boolean;
  /** The module process was started on the host. */
  started: boolean;
  message: string | null;
  /** The launcher's report of where it looked for Node.js (for kind no-node). */
  probe: string[];
}

export interface RunningProgram {
  /** Ask the bootstrap to stop the module (its process group) and report. */
  stop(): void;
  /** Stop waiting: kill our end of the connection. */
  abandon(): void;
  outcome: Promise<ProgramOutcome>;
}

export function startProgram(
  connector: Connector,
  command: string,
  payload: Buffer,
  handlers: { onProgress(line: string): void; onReport?(r: BootstrapReport): void },
): RunningProgram {
  const p = connector.start(command);
  const out: Buffer[] = [];
  const errTail: string[] = [];
  let pending = '';
  let exitReport: Extract<BootstrapReport, { event: 'exit' }> | null = null;
  let started = false;
  let abandoned = false;
  let stopAsked = false;
  const probe: string[] = [];

  const line = (l: string) => {
    if (l.startsWith(PROBE_PREFIX)) {
      probe.push(l.slice(PROBE_PREFIX.length));
      return;
    }
    if (l.startsWith(CONTROL_PREFIX)) {
      try {
        const r = JSON.parse(l.slice(CONTROL_PREFIX.length)) as BootstrapReport;
        if (r.event === 'started') started = true;
        if (r.event === 'exit') exitReport = r;
        handlers.onReport?.(r);
        return;
      } catch {
        // not ours after all: show it
      }
    }
    errTail.push(l);
    if (errTail.length > 20) errTail.shift();
    handlers.onProgress(l);
  };
  p.stdout.on('data', (d: Buffer) => out.push(d));
  p.stderr.on('data', (d: Buffer) => {
    pending += d.toString('utf8');
    let nl: number;
    while ((nl = pending.indexOf('\n')) >= 0) {
      line(pending.slice(0, nl).replace(/\r$/, ''));
      pending = pending.slice(nl + 1);
    }
  });
  p.stdin.write(payload);

  const outcome = (async (): Promise<ProgramOutcome> => {
    const ex = await p.exited;
    // The streams may still hold the last bytes after the exit event.
    await Promise.all([ended(p.stdout), ended(p.stderr)]);
    if (pending) line(pending);
    p.stdin.end();
    const stdout = Buffer.concat(out).toString('utf8');
    const stderrTail = errTail.join('\n');
    const exit = exitReport as Extract<BootstrapReport, { event: 'exit' }> | null;
    const base = { stdout, stderrTail, started, probe };
    if (exit) return { ...base, kind: 'answered', code: exit.code, stopped: exit.stopped, message: null };
    if (abandoned) return { ...base, kind: 'abandoned', code: null, stopped: false, message: 'altdisk stopped waiting for this host' };
    if (!started && ex.code === NO_NODE_EXIT && probe.length > 0) return { ...base, kind: 'no-node', code: null, stopped: false, message: null };
    // Once the module runs, its progress shares the stream: only the ssh client's own lines explain a loss.
    const failure = connector.transportFailure(ex.code, started ? errTail.filter((l) => SSH_CLIENT_LINE.test(l.trim())).join('\n') : stderrTail);
    if (!started) {
      return { ...base, kind: 'unreachable', code: null, stopped: false, message: failure ?? `the module could not start on ${connector.target} (exit ${ex.code ?? ex.signal}): ${stderrTail.trim() || 'no message'}` };
    }
    return { ...base, kind: 'lost', code: null, stopped: stopAsked, message: failure ?? `the connection to ${connector.target} ended while the module ran (exit ${ex.code ?? ex.signal})` };
  })();

  return {
    stop() {
      if (stopAsked) return;
      stopAsked = true;
      try {
        p.stdin.write('stop\n');
        p.stdin.end();
      } catch {
        // already closed: the bootstrap stops on the end of its input anyway
      }
    },
    abandon() {
      abandoned = true;
      p.kill();
    },
    outcome,
  };
}

function ended(s: NodeJS.ReadableStream & { readableEnded?: boolean; destroyed?: boolean }): Promise<void> {
  if (s.readableEnded || s.destroyed) return Promise.resolve();
  return new Promise((resolve) => {
    s.once('end', resolve);
    s.once('close', resolve);
    s.once('error', () => resolve());
  });
}
