import * as fs from 'node:fs';
import * as path from 'node:path';
import { execa } from 'execa';
import type { HostSettings } from '../host-settings.js';
import type { SshSettings } from '../types.js';
import { chooseOptions, explainSshFailure, parseSshG, type ChosenOptions } from './ssh-options.js';
import { TransportError, type Connector, type ExecResult, type Started } from './types.js';

// The system OpenSSH client (so ~/.ssh/config, the agent, known_hosts, ProxyJump and IdentityFile
// work as they do for the user's own ssh), with one multiplexed master connection per host and
// run: its control socket lives in the run's private 0700 folder, and close() ends it.

export interface SshConnectorOptions {
  settings: HostSettings;
  ssh: SshSettings;
  /** The run's private folder for control sockets (0700). */
  controlDir: string;
  /** A short unique name for this host's socket in controlDir. */
  socketName: string;
  debug?: (message: string) => void;
}

const SERVER_ALIVE_SECONDS = 15;
const CONTROL_PERSIST_SECONDS = 30;

export class SshConnector implements Connector {
  readonly transport = 'ssh' as const;
  readonly target: string;
  private readonly program: string;
  private readonly userArgs: string[];
  private chosen: ChosenOptions | null = null;
  private readonly controlPath: string;

  constructor(private readonly o: SshConnectorOptions) {
    const s = o.settings;
    this.program = o.ssh.program ?? 'ssh';
    this.target = `${s.user ? `${s.user}@` : ''}${s.address}${s.port ? `:${s.port}` : ''}`;
    this.controlPath = path.join(o.controlDir, o.socketName);
    // What the user chose: their configuration file, then the inventory's connection variables.
    this.userArgs = [
      ...(o.ssh.configFile ? ['-F', o.ssh.configFile] : []),
      ...(s.port ? ['-p', String(s.port)] : []),
      ...(s.user ? ['-l', s.user] : []),
      ...(s.privateKeyFile ? ['-i', s.privateKeyFile] : []),
      ...s.sshArgs,
    ];
  }

  /** The whole ssh argument list before the destination (for messages and tests). */
  args(): string[] {
    if (!this.chosen) throw new Error('SshConnector: open() first');
    return ['-T', ...this.userArgs, ...this.chosen.args];
  }

  async open(): Promise<void> {
    const r = await execa(this.program, ['-G', ...this.userArgs, '--', this.o.settings.address], { reject: false, stdin: 'ignore' });
    if (r.exitCode !== 0) {
      throw new TransportError(`ssh -G ${this.o.settings.address}: ${String(r.stderr).trim() || r.message}`);
    }
    this.chosen = chooseOptions(parseSshG(String(r.stdout)), this.userArgs, {
      controlPath: this.controlPath,
      controlPersistSeconds: CONTROL_PERSIST_SECONDS,
      connectTimeoutSeconds: this.o.ssh.connectTimeoutSeconds ?? 10,
      serverAliveSeconds: SERVER_ALIVE_SECONDS,
      acceptNewHostKeys: this.o.ssh.acceptNewHostKeys === true,
    });
    this.o.debug?.(`ssh ${this.args().join(' ')} -- ${this.o.settings.address} <command>`);
  }

  async exec(command: string): Promise<ExecResult> {
    const r = await execa(this.program, [...this.args(), '--', this.o.settings.address, command], { reject: false, stdin: 'ignore', stripFinalNewline: false });
    return { code: typeof r.exitCode === 'number' ? r.exitCode : 255, stdout: String(r.stdout ?? ''), stderr: String(r.stderr ?? '') };
  }

  start(command: string): Started {
    // Its own process group: a Ctrl-C at the terminal reaches altdisk only, which then stops the
    // remote work through the session (the bootstrap's control channel) and waits for it.
    const p = execa(this.program, [...this.args(), '--', this.o.settings.address, command], {
      reject: false,
      stdin: 'pipe',
      buffer: false,
      detached: true,
      cleanup: false,
    });
    return startedOf(p);
  }

  transportFailure(code: number | null, stderr: string): string | null {
    if (code !== 255) return null;
    return explainSshFailure(stderr, {
      target: this.target,
      acceptNewAsked: this.o.ssh.acceptNewHostKeys === true,
      strictKept: this.chosen?.strictHostKeysKept ?? null,
      address: this.o.settings.address,
      port: this.o.settings.port,
    });
  }

  async close(): Promise<void> {
    if (!this.chosen || !fs.existsSync(this.controlPath)) return;
    await execa(this.program, [...this.args(), '-O', 'exit', '--', this.o.settings.address], { reject: false, stdin: 'ignore', timeout: 10_000 });
  }
}

type Subprocess = ReturnType<typeof execa>;

export function startedOf(p: Subprocess): Started {
  p.stdin?.on('error', () => undefined);
  const exited = p.then(
    (r) => ({ code: typeof r.exitCode === 'number' ? r.exitCode : null, signal: r.signal ?? null }),
    (e: { exitCode?: number; signal?: string }) => ({ code: typeof e.exitCode === 'number' ? e.exitCode : null, signal: e.signal ?? null }),
  );
  return {
    stdin: p.stdin!,
    stdout: p.stdout!,
    stderr: p.stderr!,
    exited,
    kill: () => {
      try {
        if (p.pid) process.kill(-p.pid, 'SIGKILL');
      } catch {
        p.kill('SIGKILL');
      }
    },
  };
}
