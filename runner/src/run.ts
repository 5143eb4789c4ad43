import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { localNodeOf, type HostOutcome, type HostSpec, type HostStatus, type InterruptReason, type ModuleResult, type RunEvent, type RunRequest, type RunSummary } from './types.js';
import { Channel } from './channel.js';
import { RunControl, StopWaiting } from './control.js';
import { parseAnswer } from './answer.js';
import { hostSettings, HostSettingsError, type HostSettings } from './host-settings.js';
import { TransportError, type Connector } from './connectors/types.js';
import { SshConnector } from './connectors/ssh.js';
import { LocalConnector } from './connectors/local.js';
import { SimConnector, SIM_ENV } from './connectors/sim.js';
import { launchCommand, nodeNotFoundMessage, readProbe } from './node-discovery.js';
import { embedArgs, framePayload, moduleArgs, moduleNameOf, readBundle, type ModuleName } from './remote/payload.js';
import { startProgram } from './remote/execute.js';
import { altdiskFactsOf } from '../../common/facts-answer.js';
import { hostStateFrom } from './state-report.js';

// The run loop: one module on N hosts, at most `forks` at a time, every host through its
// connector (which it knows nothing about beyond the interface), everything said as RunEvents.
// First interrupt: stop the module on every host (through the bootstrap), then read each host's
// state with the facts module; second interrupt: stop waiting.

export interface RunHandle extends AsyncIterable<RunEvent> {
  /** First call: stop the remote work and report each host's state. Second call: stop waiting. */
  interrupt(): void;
  /** Resolves when the run is over (after the run-end event). */
  readonly summary: Promise<RunSummary>;
}

export class RunRequestError extends Error {}

const DEFAULT_FORKS = 10;
const STATE_TIMEOUT_MS = 120_000;

export function run(req: RunRequest): RunHandle {
  const name = moduleNameOf(req.module);
  if (!name) throw new RunRequestError(`altdisk has no module "${req.module}" (modules: bootlist, cleanup, clone, facts, mksysb_install, phase)`);
  if (req.hosts.length === 0) throw new RunRequestError('no hosts to run on');
  const dupes = req.hosts.map((h) => h.name).filter((n, i, all) => all.indexOf(n) !== i);
  if (dupes.length) throw new RunRequestError(`the host ${dupes[0]} is given twice`);
  const bundle = readBundle(req.paths.distDir, name);
  const channel = new Channel<RunEvent>();
  const ctl = new RunControl();
  req.signal?.addEventListener('abort', () => ctl.interrupt(), { once: true });
  req.stopWaitingSignal?.addEventListener('abort', () => ctl.stopWaiting(), { once: true });
  if (req.signal?.aborted) ctl.interrupt();
  if (req.stopWaitingSignal?.aborted) ctl.stopWaiting();
  const summary = execute(req, name, bundle, channel, ctl).finally(() => channel.close());
  return {
    [Symbol.asyncIterator]: () => channel[Symbol.asyncIterator](),
    interrupt: () => ctl.escalate(),
    summary,
  };
}

function statusOf(result: ModuleResult): HostStatus {
  if (result.failed === true) return 'failed';
  if (result.skipped === true) return 'skipped';
  return result.changed === true ? 'changed' : 'ok';
}

export function exitCodeOf(hosts: HostOutcome[], interrupted: boolean): number {
  if (interrupted) return 99;
  if (hosts.some((h) => h.status === 'unreachable' || h.reason === 'connection-lost')) return 4;
  if (hosts.some((h) => h.status === 'failed' || h.status === 'interrupted')) return 2;
  return 0;
}

async function execute(req: RunRequest, name: ModuleName, bundle: string, channel: Channel<RunEvent>, ctl: RunControl): Promise<RunSummary> {
  const startedAt = Date.now();
  const emit = (e: RunEvent) => channel.push(e);
  const program = embedArgs(bundle, moduleArgs(name, req.args, { check: req.check, diff: req.diff }));
  let controlDir: string | null = null;
  const controlDirFor = () => {
    if (!controlDir) {
      // Short: a control socket path must fit in 104 bytes.
      const base = os.tmpdir().length > 60 ? '/tmp' : os.tmpdir();
      controlDir = fs.mkdtempSync(path.join(base, 'altdisk-ssh-'));
      fs.chmodSync(controlDir, 0o700);
    }
    return controlDir;
  };
  const outcomes: HostOutcome[] = req.hosts.map((h) => ({ host: h.name, status: 'not-started', transport: 'unknown', progress: [] }));
  const forks = Math.max(1, Math.floor(req.forks ?? DEFAULT_FORKS));
  let next = 0;
  const worker = async () => {
    while (next < req.hosts.length) {
      const i = next++;
      if (ctl.level > 0) {
        outcomes[i]!.message = 'not started: the run was interrupted before this host';
        continue;
      }
      await runHost(req, name, program, req.hosts[i]!, i, outcomes[i]!, { emit, ctl, controlDirFor });
    }
  };
  try {
    await Promise.all(Array.from({ length: Math.min(forks, req.hosts.length) }, worker));
  } finally {
    if (controlDir) fs.rmSync(controlDir, { recursive: true, force: true });
  }
  const counts = { ok: 0, changed: 0, failed: 0, unreachable: 0, interrupted: 0, skipped: 0, 'not-started': 0 } as Record<HostStatus, number>;
  for (const o of outcomes) counts[o.status]++;
  const interrupted = ctl.level > 0 && outcomes.some((o) => o.reason === 'interrupt' || o.status === 'not-started');
  const summary: RunSummary = {
    module: name,
    check: req.check === true,
    hosts: outcomes,
    counts,
    exitCode: exitCodeOf(outcomes, interrupted),
    interrupted,
    startedAt,
    endedAt: Date.now(),
  };
  emit({ type: 'run-end', summary, at: Date.now() });
  return summary;
}

interface HostContext {
  emit(e: RunEvent): void;
  ctl: RunControl;
  controlDirFor(): string;
}

function connectorFor(settings: HostSettings, req: RunRequest, index: number, ctx: HostContext, host: string): Connector {
  if (settings.transport === 'sim') return new SimConnector(settings.simDir!, localNodeOf(req.paths).env);
  if (settings.transport === 'local') return new LocalConnector(localNodeOf(req.paths).env);
  return new SshConnector({
    settings,
    ssh: req.ssh ?? {},
    controlDir: ctx.controlDirFor(),
    socketName: String(index),
    debug: (message) => ctx.emit({ type: 'debug', host, message, at: Date.now() }),
  });
}

async function runHost(req: RunRequest, name: ModuleName, program: string, host: HostSpec, index: number, out: HostOutcome, ctx: HostContext): Promise<void> {
  const { emit, ctl } = ctx;
  const at = () => Date.now();
  const debug = (message: string) => emit({ type: 'debug', host: host.name, message, at: at() });
  out.startedAt = at();
  const finish = () => (out.endedAt = at());
  let settings: HostSettings;
  try {
    settings = hostSettings(host);
  } catch (e) {
    if (!(e instanceof HostSettingsError)) throw e;
    emit({ type: 'host-start', host: host.name, transport: 'unknown', at: at() });
    fail(out, { changed: false, failed: true, msg: e.message }, emit);
    return void finish();
  }
  out.transport = settings.transport;
  emit({ type: 'host-start', host: host.name, transport: settings.transport, at: at() });
  const connector = connectorFor(settings, req, index, ctx, host.name);
  const env = { ...settings.env, ...(settings.transport === 'sim' ? { [SIM_ENV]: (connector as SimConnector).dir } : {}) };
  try {
    try {
      await ctl.race(connector.open());
    } catch (e) {
      if (e instanceof TransportError) {
        out.status = 'unreachable';
        out.message = `${host.name}: ${e.message}`;
        emit({ type: 'unreachable', host: host.name, message: out.message, at: at() });
        return;
      }
      if (e instanceof StopWaiting) {
        out.message = 'not started: altdisk stopped waiting while it connected';
        return;
      }
      throw e;
    }
    if (ctl.level > 0) {
      out.message = 'not started: the run was interrupted before the module started on this host';
      return;
    }
    // A simulated host runs with this machine's Node.js; others with the one the host has.
    const explicitNode = settings.transport === 'sim' ? localNodeOf(req.paths).node : settings.nodeInterpreter;
    const command = launchCommand(explicitNode);
    let reason = null as InterruptReason | null;
    const prog = startProgram(connector, command, framePayload(program, env), {
      onProgress: (line) => {
        out.progress.push(line);
        emit({ type: 'progress', host: host.name, line, at: at() });
      },
      onReport: (r) => debug(r.event === 'started' ? `node ${r.node} (${r.version}) on ${connector.target}, module pid ${r.pid}` : `bootstrap: ${JSON.stringify(r)}`),
    });
    const offInterrupt = ctl.onInterrupt(() => {
      reason ??= 'interrupt';
      prog.stop();
    });
    const offStop = ctl.onStopWaiting(() => prog.abandon());
    const timer = req.timeoutMs
      ? setTimeout(() => {
          reason ??= 'timeout';
          debug(`timeout after ${req.timeoutMs} ms: stopping the module`);
          prog.stop();
        }, req.timeoutMs)
      : null;
    const o = await prog.outcome;
    offInterrupt();
    offStop();
    if (timer) clearTimeout(timer);

    const answer = parseAnswer(o.stdout);
    // A module stopped by altdisk answers for itself (its own account of what it left behind); the
    // host is still reported as interrupted, so that the run ends as an interrupted one (exit 99).
    const answeredTheStop = o.kind === 'answered' && answer !== null && reason !== null && answer.failed === true;
    if (o.kind === 'answered' && answer && !answeredTheStop) {
      out.result = answer;
      out.status = statusOf(answer);
      emit(answer.failed === true ? { type: 'failed', host: host.name, result: answer, at: at() } : { type: 'result', host: host.name, result: answer, at: at() });
      return;
    }
    if (o.kind === 'answered' && !o.stopped) {
      fail(out, { changed: false, failed: true, rc: o.code, msg: `the ${name} module ended without an answer (exit code ${o.code})${o.stderrTail.trim() ? `: ${o.stderrTail.trim().split('\n').slice(-3).join(' ')}` : ''}` }, emit);
      return;
    }
    if (o.kind === 'no-node') {
      fail(out, { changed: false, failed: true, msg: nodeNotFoundMessage(host.name, readProbe(o.probe, explicitNode), explicitNode) }, emit);
      return;
    }
    if (o.kind === 'unreachable') {
      out.status = 'unreachable';
      out.message = `${host.name}: ${o.message}`;
      emit({ type: 'unreachable', host: host.name, message: out.message, at: at() });
      return;
    }
    const why: InterruptReason = reason ?? (o.kind === 'lost' ? 'connection-lost' : 'interrupt');
    out.status = 'interrupted';
    out.reason = why;
    const what = `the ${name} module on ${host.name}`;
    if (answeredTheStop) out.result = answer;
    out.message =
      o.kind === 'abandoned'
        ? `${what}: altdisk stopped waiting; whether the module is still running is unknown: check with altdisk facts`
        : why === 'timeout'
          ? `${what} ran longer than ${Math.round((req.timeoutMs ?? 0) / 1000)} s: altdisk stopped it`
          : why === 'connection-lost'
            ? `${what}: ${o.message}; the module stops on the host when its SSH session ends`
            : `${what} was interrupted: altdisk stopped it on the host`;
    if (answeredTheStop && typeof answer.msg === 'string' && answer.msg) out.message += `. The module said: ${answer.msg}`;
    if (o.kind !== 'abandoned' && req.stateAfterInterrupt !== false && ctl.level < 2) {
      try {
        const facts = await readState(req, connector, command, env, ctl);
        out.state = hostStateFrom(facts, host.name);
      } catch (e) {
        out.message += `; its state could not be read (${(e as Error).message}): check it with altdisk facts`;
      }
    }
    emit({ type: 'interrupted', host: host.name, reason: why, message: out.message, ...(out.state ? { state: out.state } : {}), at: at() });
  } finally {
    finish();
    await connector.close().catch(() => undefined);
  }
}

function fail(out: HostOutcome, result: ModuleResult, emit: (e: RunEvent) => void): void {
  out.status = 'failed';
  out.result = result;
  emit({ type: 'failed', host: out.host, result, at: Date.now() });
}

/** The facts module on the same connection (a new one when it was lost), for the state report. */
async function readState(req: RunRequest, connector: Connector, command: string, env: Record<string, string>, ctl: RunControl) {
  const program = embedArgs(readBundle(req.paths.distDir, 'facts'), {});
  const prog = startProgram(connector, command, framePayload(program, env), { onProgress: () => undefined });
  const off = ctl.onStopWaiting(() => prog.abandon());
  const timer = setTimeout(() => prog.stop(), STATE_TIMEOUT_MS);
  try {
    const o = await prog.outcome;
    const answer = parseAnswer(o.stdout);
    if (o.kind !== 'answered' || !answer) throw new Error(o.message ?? `the facts module gave no answer (exit ${o.code})`);
    if (answer.failed) throw new Error(String(answer.msg));
    const facts = altdiskFactsOf(answer);
    if (!facts) throw new Error('the facts module answered without ansible_facts.altdisk');
    return facts;
  } finally {
    off();
    clearTimeout(timer);
  }
}
