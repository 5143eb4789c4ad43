import { execa } from 'execa';
import type { Connector, ExecResult, Started } from './types.js';
import { startedOf } from './ssh.js';

// This machine (Ansible's local connection): the same shell commands as over SSH, without SSH.

export class LocalConnector implements Connector {
  readonly transport: 'local' | 'sim' = 'local';
  readonly target: string = 'this machine';

  /** `env`: added to the commands' environment (ELECTRON_RUN_AS_NODE in an Electron host). */
  constructor(private readonly env: Record<string, string> = {}) {}

  async open(): Promise<void> {}

  async exec(command: string): Promise<ExecResult> {
    const r = await execa('/bin/sh', ['-c', command], { reject: false, stdin: 'ignore', stripFinalNewline: false, env: this.env });
    return { code: typeof r.exitCode === 'number' ? r.exitCode : 1, stdout: String(r.stdout ?? ''), stderr: String(r.stderr ?? '') };
  }

  start(command: string): Started {
    return startedOf(execa('/bin/sh', ['-c', command], { reject: false, stdin: 'pipe', buffer: false, detached: true, cleanup: false, env: this.env }));
  }

  transportFailure(): string | null {
    return null;
  }

  async close(): Promise<void> {}
}
