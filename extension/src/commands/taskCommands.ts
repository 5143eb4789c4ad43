import * as vscode from 'vscode';
import { toRange, type TaskInfo } from '../engine.js';
import type { Target } from '../hosts/catalog.js';
import { pickHost } from '../hosts/hostPicker.js';
import { argsLine } from '../runs/format.js';
import { newRecord, type RunRecord } from '../runs/model.js';
import { withRunProgress } from '../runs/progress.js';
import { applyRunEvent } from '../runs/taskRun.js';
import type { Services } from '../services.js';
import { mayRun } from '../trust.js';

// "Run task" and "Check task": one altdisk task through the runner, on the picked host (over SSH, or on
// a simulated host or twin), without Ansible. Jinja in the task's options is resolved from the host's
// inventory variables where it is a plain `{{ name }}`; anything else asks for the play run instead.

export interface TaskRunRequest {
  uri: vscode.Uri;
  line: number;
  check: boolean;
  target?: Target;
}

export function taskAt(tasks: TaskInfo[], line: number): TaskInfo | undefined {
  return tasks
    .filter((t) => t.kind === 'task' && t.module && t.range.start.line <= line && line <= t.range.end.line)
    .sort((a, b) => b.range.start.line - a.range.start.line)[0];
}

const PLAIN_VAR = /^\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}$/;

/** The task's options with plain `{{ var }}` values taken from the host's variables; the names left unresolved. */
export function resolveArgs(args: Record<string, unknown>, vars: Record<string, unknown>): { args: Record<string, unknown>; unresolved: string[] } {
  const unresolved: string[] = [];
  const resolve = (v: unknown): unknown => {
    if (typeof v === 'string' && v.includes('{{')) {
      const m = PLAIN_VAR.exec(v.trim());
      const value = m?.[1] !== undefined ? vars[m[1]] : undefined;
      if (m?.[1] && value !== undefined && !(typeof value === 'string' && value.includes('{{'))) return value;
      unresolved.push(v);
      return v;
    }
    if (Array.isArray(v)) return v.map(resolve);
    if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, resolve(x)]));
    return v;
  };
  return { args: resolve(args) as Record<string, unknown>, unresolved };
}

export async function runTask(s: Services, req: TaskRunRequest): Promise<RunRecord | undefined> {
  if (!mayRun('run tasks')) return undefined;
  const doc = await vscode.workspace.openTextDocument(req.uri);
  const task = taskAt(s.engine.tasks(doc), req.line);
  if (!task?.module) {
    void vscode.window.showErrorMessage('altdisk: no altdisk task here (altdisk.aix.clone, phase, bootlist...).');
    return undefined;
  }
  const target = req.target ?? s.catalog.current() ?? (await pickHost(s.catalog, req.uri, `Run ${task.name} on`));
  if (!target) return undefined;
  const { args, unresolved } = resolveArgs(task.args ?? {}, target.spec.vars);
  if (unresolved.length) {
    const choice = await vscode.window.showErrorMessage(
      `altdisk: "${task.name}" has options only a play run knows (${unresolved.join(', ')}): run the play, or write the values in the task to run it alone.`,
      req.check ? 'Check the play' : 'Run the play',
    );
    if (choice) void vscode.commands.executeCommand(req.check ? 'altdisk.checkPlay' : 'altdisk.runPlay', req.uri, req.line);
    return undefined;
  }

  const record = newRecord({ kind: 'task', title: task.name, check: req.check, target: target.name, ...(target.twinOf ? { twinOf: target.twinOf } : {}) });
  s.store.add(record);
  const out = s.output;
  out.show();
  out.appendLine('');
  out.appendLine(`=== ${req.check ? 'Check' : 'Run'} task "${task.name}" on ${target.name}${target.twinOf ? ` (twin of ${target.twinOf})` : target.kind === 'simulated' ? ' (simulated)' : ''}`);
  out.appendLine(`${task.module} ${argsLine(args)}${req.check ? ' (check mode)' : ''}`);
  const location = { uri: doc.uri, line: toRange(task.range).start.line };
  await withRunProgress(`altdisk: ${req.check ? 'checking' : 'running'} "${task.name}" on ${target.name}`, async (control) => {
    try {
      for await (const ev of s.runner.run({ module: task.module!, args, host: target.spec, check: req.check, signal: control.signal, stopWaiting: control.stopWaiting, sshOptions: [] })) {
        applyRunEvent(record, ev, { task: task.name, module: task.module!, location }, (l) => out.appendLine(l));
        if (ev.type === 'progress') control.report(ev.line);
        s.store.changed(record);
      }
    } catch (e) {
      record.outcome = 'failed';
      record.note = `The run could not go on: ${e instanceof Error ? e.message : String(e)}`;
      out.appendLine(`altdisk: ${record.note}`);
    }
  });
  record.endedAt ??= Date.now();
  record.outcome ??= 'failed';
  s.store.changed(record);
  const h = record.hosts[0];
  const line = `${record.check ? 'Check' : 'Run'} of "${task.name}" on ${target.name}${target.twinOf ? ` (twin of ${target.twinOf})` : ''}: ${h ? `${h.status}${h.steps[0]?.msg ? ` — ${h.steps[0].msg}` : h.message ? ` — ${h.message}` : ''}` : record.note ?? 'no answer'}`;
  if (h?.status === 'failed' || h?.status === 'unreachable' || record.outcome === 'failed') void vscode.window.showErrorMessage(`altdisk: ${line}`);
  else if (record.outcome === 'cancelled') void vscode.window.showWarningMessage(`altdisk: ${line}`);
  else void vscode.window.setStatusBarMessage(`altdisk: ${line}`, 10_000);
  return record;
}
