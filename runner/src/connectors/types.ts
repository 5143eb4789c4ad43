import type { Readable, Writable } from 'node:stream';
import type { Transport } from '../host-settings.js';

// One interface for every transport (pyinfra's connectors/base): open, run a shell command,
// start a long-running one with pipes, close. The run loop knows nothing else about them.

export interface ExecResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** A command started on the host, its standard streams connected to us. */
export interface Started {
  stdin: Writable;
  stdout: Readable;
  stderr: Readable;
  /** Exit code of the local process (ssh's, or the local shell's); null with a signal. */
  exited: Promise<{ code: number | null; signal: string | null }>;
  /** Kill the local end (the ssh client, or the local shell): stop waiting. */
  kill(): void;
}

export interface Connector {
  readonly transport: Transport;
  /** What it connects to, for messages: root@aix01:22, or the simulated host's folder. */
  readonly target: string;
  /** Get ready (SSH: read the user's configuration with ssh -G). Throws TransportError when it cannot. */
  open(): Promise<void>;
  /** Run a shell command on the host and wait for it. */
  exec(command: string): Promise<ExecResult>;
  /** Start a shell command on the host with pipes. */
  start(command: string): Started;
  /**
   * When a command's exit says the transport failed (SSH: 255 before anything ran), the failure in
   * the transport's own words and how to fix it; null when the command itself ran.
   */
  transportFailure(code: number | null, stderr: string): string | null;
  /** Close what open() and the commands left (SSH: the master connection and its folder). */
  close(): Promise<void>;
}

/** The host cannot be reached (Ansible's UNREACHABLE). */
export class TransportError extends Error {}

/** POSIX shell quoting: one word, whatever it holds. */
export function shQuote(word: string): string {
  if (/^[A-Za-z0-9_@%+=:,./-]+$/.test(word)) return word;
  return `'${word.replace(/'/g, `'\\''`)}'`;
}
