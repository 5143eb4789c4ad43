import * as fs from 'node:fs';
import * as path from 'node:path';
import type { HostAccess } from './host-access.js';
import { RUN_RECORD, type RunRecord } from '../facts/run-record.js';
import type { BuildStage } from '../facts/parse/alt-disk-transcript.js';

// Writes the record facts/run-record.ts reads: before each AIX command (with its pid as soon as
// it runs) and after it (its exit code), and once the task ends. Writes are synchronous and
// atomic (a temporary file renamed over the record), so a signal handler can finish the record
// and a kill at any moment leaves the last complete version.

export class RunRecorder {
  private readonly file: string;
  readonly record: RunRecord;

  constructor(
    host: HostAccess,
    module: string,
    rootvgPvids: string[],
    disks: string[],
    completes: string[] | null = null,
    /** false for a run of no alt_* command (the boot list alone): it leaves the record of the last copy run as it is. */
    private readonly writes = true,
  ) {
    this.file = host.localPath(RUN_RECORD);
    this.record = {
      version: 1,
      module,
      pid: process.pid,
      started: new Date().toISOString(),
      rootvgPvids,
      disks,
      status: 'running',
      ended: null,
      interrupted: null,
      commands: [],
      completes,
    };
    this.save();
  }

  private save(): void {
    if (!this.writes) return;
    try {
      fs.mkdirSync(path.dirname(this.file), { recursive: true });
      const tmp = `${this.file}.${process.pid}.tmp`;
      fs.writeFileSync(tmp, JSON.stringify(this.record) + '\n');
      fs.renameSync(tmp, this.file);
    } catch {
      // The record helps later runs tell a half-made copy; failing to write it must not stop this one.
    }
  }

  commandStarting(argv: string[], logRecordsBefore: number): void {
    this.record.commands.push({ argv, started: new Date().toISOString(), pid: null, rc: null, ended: null, logRecordsBefore });
    this.save();
  }

  /**
   * The stage its output reached, saved when it moves on (a handful of writes per command). Not
   * while the copy runs: the record lives in the rootvg being copied, and a file replaced under
   * the backup of rootvg is one the backup may trip over ('copying' proves nothing 'starting'
   * does not: neither is a whole copy).
   */
  commandStage(stage: BuildStage): void {
    const c = this.record.commands[this.record.commands.length - 1];
    if (!c || c.stage === stage) return;
    c.stage = stage;
    if (stage !== 'copying') this.save();
  }

  commandSpawned(pid: number): void {
    const c = this.record.commands[this.record.commands.length - 1];
    if (c) c.pid = pid;
    this.save();
  }

  commandEnded(rc: number, stderr: string): void {
    const c = this.record.commands[this.record.commands.length - 1];
    if (c) Object.assign(c, { rc, ended: new Date().toISOString(), ...(rc !== 0 ? { error: stderr.trimEnd().split('\n').slice(-6).join('\n') } : {}) });
    this.save();
  }

  finish(interrupted: string | null = null): void {
    Object.assign(this.record, { status: 'finished', ended: new Date().toISOString(), interrupted });
    this.save();
  }
}
