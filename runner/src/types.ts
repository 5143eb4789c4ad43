// The runner's plain data: what a caller asks for (RunRequest), what it hears while the run goes
// (RunEvent), and what it gets at the end (RunSummary). No terminal, no VS Code: front ends render
// these their own way.

/** A host to run on: its inventory name and its variables (ansible_host, altdisk_env, altdisk_sim_dir...). */
export interface HostSpec {
  name: string;
  vars: Record<string, unknown>;
}

/** One module's JSON answer, as the module printed it (Ansible's keys plus altdisk's own). */
export type ModuleResult = Record<string, unknown> & {
  changed?: boolean;
  failed?: boolean;
  skipped?: boolean;
  msg?: string;
  warnings?: string[];
};

/** SSH settings for the whole run (per-host settings come from the host's variables). */
export interface SshSettings {
  /** `-F FILE`: an OpenSSH client configuration to read instead of ~/.ssh/config and /etc/ssh/ssh_config. */
  configFile?: string;
  /** Accept (and record) a host key seen for the first time (StrictHostKeyChecking=accept-new). */
  acceptNewHostKeys?: boolean;
  /** ConnectTimeout in seconds when the user's configuration sets none (default 10). */
  connectTimeoutSeconds?: number;
  /** The OpenSSH client program (default `ssh` on PATH). */
  program?: string;
}

/** Where the bundles live: `<distDir>/modules/<name>.js`, `<distDir>/simulator/aixsim.cjs`. */
export interface RunnerPaths {
  distDir: string;
  /**
   * The Node.js that runs modules on simulated hosts and the simulator itself (default:
   * process.execPath; in an Electron extension host that is Electron, which then runs as Node.js).
   */
  localNode?: string;
}

/** The local Node.js, and the environment that makes Electron's binary behave as one. */
export function localNodeOf(paths: RunnerPaths): { node: string; env: Record<string, string> } {
  const node = paths.localNode ?? process.execPath;
  return { node, env: node === process.execPath && process.versions.electron ? { ELECTRON_RUN_AS_NODE: '1' } : {} };
}

export interface RunRequest {
  /** 'clone', 'facts'... (or altdisk.aix.clone): a bundle of `<distDir>/modules`. */
  module: string;
  args: Record<string, unknown>;
  hosts: HostSpec[];
  paths: RunnerPaths;
  check?: boolean;
  diff?: boolean;
  /** Hosts worked on at the same time (default 10). */
  forks?: number;
  /** The longest a module may run on one host; then it is stopped like an interrupt (reason 'timeout'). */
  timeoutMs?: number;
  ssh?: SshSettings;
  /** First abort: stop the remote work and report each host's state (same as RunHandle.interrupt()). */
  signal?: AbortSignal;
  /** Abort: stop waiting (same as a second RunHandle.interrupt()). */
  stopWaitingSignal?: AbortSignal;
  /** After an interrupt, a timeout or a lost connection, read the host's state with the facts module (default true). */
  stateAfterInterrupt?: boolean;
}

export type HostStatus = 'ok' | 'changed' | 'failed' | 'unreachable' | 'interrupted' | 'skipped' | 'not-started';

export type InterruptReason = 'interrupt' | 'timeout' | 'connection-lost';

/** What the facts said about a host after its run was stopped, and how to go on. */
export interface HostState {
  /** altinst_rootvg: none, phase1, awake, complete, varied-on-by-hand. */
  altinst: string;
  altinstDisks: string[];
  oldRootvgDisks: string[];
  bootlistNormal: string[];
  health: string[];
  /** One sentence: the state in AIX terms. */
  summary: string;
  /** What to run next (altdisk commands). */
  next: string[];
}

export type RunEvent =
  | { type: 'host-start'; host: string; transport: string; at: number }
  | { type: 'progress'; host: string; line: string; at: number }
  | { type: 'debug'; host: string; message: string; at: number }
  | { type: 'result'; host: string; result: ModuleResult; at: number }
  | { type: 'failed'; host: string; result: ModuleResult; at: number }
  | { type: 'unreachable'; host: string; message: string; at: number }
  | { type: 'interrupted'; host: string; reason: InterruptReason; message: string; state?: HostState; at: number }
  | { type: 'run-end'; summary: RunSummary; at: number };

export interface HostOutcome {
  host: string;
  status: HostStatus;
  transport: string;
  /** The module's answer (ok, changed, failed, skipped). */
  result?: ModuleResult;
  /** Unreachable, interrupted, not started: what happened, in words. */
  message?: string;
  reason?: InterruptReason;
  state?: HostState;
  /** The AIX progress lines the module wrote (its standard error). */
  progress: string[];
  startedAt?: number;
  endedAt?: number;
}

export interface RunSummary {
  module: string;
  check: boolean;
  hosts: HostOutcome[];
  counts: Record<HostStatus, number>;
  /** Ansible's: 0 all fine, 2 a host failed, 4 a host unreachable, 99 interrupted. */
  exitCode: number;
  interrupted: boolean;
  startedAt: number;
  endedAt: number;
}
