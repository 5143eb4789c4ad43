import * as vscode from 'vscode';
import type { RunRecord } from './model.js';

/** The runs of this window, newest first (the last 20 are kept), with a change event for the views. */
export class RunStore implements vscode.Disposable {
  private readonly records: RunRecord[] = [];
  private readonly emitter = new vscode.EventEmitter<RunRecord | undefined>();
  readonly onDidChange = this.emitter.event;
  private static readonly KEPT = 20;

  add(record: RunRecord): void {
    this.records.unshift(record);
    this.records.splice(RunStore.KEPT);
    this.emitter.fire(undefined);
  }

  changed(record: RunRecord): void {
    this.emitter.fire(this.records.includes(record) ? record : undefined);
  }

  clear(): void {
    this.records.length = 0;
    this.emitter.fire(undefined);
  }

  all(): readonly RunRecord[] {
    return this.records;
  }

  latest(): RunRecord | undefined {
    return this.records[0];
  }

  dispose(): void {
    this.emitter.dispose();
  }
}
