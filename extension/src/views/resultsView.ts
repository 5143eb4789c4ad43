import * as vscode from 'vscode';
import { describeHost, type Diff, type HostRun, type RunRecord, type StepResult } from '../runs/model.js';
import type { RunStore } from '../runs/store.js';

// The Run results view: run → host (ok / changed / failed...) → step (task) → the AIX commands, diffs,
// warnings and message of its module answer. A failed step opens its task in the playbook; a diff opens
// VS Code's diff editor.

type Node =
  | { kind: 'run'; run: RunRecord }
  | { kind: 'host'; run: RunRecord; host: HostRun }
  | { kind: 'step'; run: RunRecord; host: HostRun; step: StepResult }
  | { kind: 'detail'; label: string; description?: string; icon: string; tooltip?: string; command?: vscode.Command; id: string };

const HOST_ICONS: Record<string, [string, string?]> = {
  running: ['sync~spin'],
  ok: ['pass', 'testing.iconPassed'],
  changed: ['edit', 'charts.yellow'],
  failed: ['error', 'testing.iconFailed'],
  unreachable: ['debug-disconnect', 'testing.iconFailed'],
  interrupted: ['debug-pause', 'charts.orange'],
  skipped: ['debug-step-over'],
  'not-started': ['circle-outline'],
  ignored: ['warning', 'charts.yellow'],
};

function icon(status: string): vscode.ThemeIcon {
  const [id, color] = HOST_ICONS[status] ?? ['circle-outline'];
  return new vscode.ThemeIcon(id, color ? new vscode.ThemeColor(color) : undefined);
}

function time(at: number): string {
  return new Date(at).toLocaleTimeString();
}

export class ResultsView implements vscode.TreeDataProvider<Node> {
  private readonly emitter = new vscode.EventEmitter<Node | undefined>();
  readonly onDidChangeTreeData = this.emitter.event;

  constructor(
    private readonly store: RunStore,
    private readonly showDiff: (diff: Diff, title: string) => Promise<void>,
  ) {
    store.onDidChange(() => this.emitter.fire(undefined));
  }

  getChildren(node?: Node): Node[] {
    if (!node) return this.store.all().map((run) => ({ kind: 'run', run }));
    if (node.kind === 'run') {
      const hosts: Node[] = node.run.hosts.map((host) => ({ kind: 'host', run: node.run, host }));
      return node.run.note ? [{ kind: 'detail', label: node.run.note, icon: 'info', id: `${node.run.id}/note` }, ...hosts] : hosts;
    }
    if (node.kind === 'host') return this.hostChildren(node.run, node.host);
    if (node.kind === 'step') return this.stepChildren(node.run, node.host, node.step);
    return [];
  }

  private hostChildren(run: RunRecord, host: HostRun): Node[] {
    const base = `${run.id}/${host.host}`;
    const out: Node[] = [];
    if (host.message) out.push({ kind: 'detail', label: host.message, icon: 'info', tooltip: host.message, id: `${base}/message` });
    if (host.state) out.push({ kind: 'detail', label: `State left: ${host.state}`, icon: 'debug-pause', tooltip: host.state, id: `${base}/state` });
    for (const [i, n] of (host.next ?? []).entries()) out.push({ kind: 'detail', label: n, description: 'next', icon: 'arrow-right', id: `${base}/next${i}` });
    out.push(...host.steps.map((step): Node => ({ kind: 'step', run, host, step })));
    return out;
  }

  private stepChildren(run: RunRecord, host: HostRun, step: StepResult): Node[] {
    const base = `${run.id}/${host.host}/${host.steps.indexOf(step)}`;
    const out: Node[] = [];
    if (step.msg) out.push({ kind: 'detail', label: step.msg, icon: step.status === 'failed' ? 'error' : 'comment', tooltip: step.msg, id: `${base}/msg`, ...this.reveal(step) });
    for (const [i, argv] of step.commands.entries()) {
      const line = argv.join(' ');
      out.push({ kind: 'detail', label: line, icon: 'terminal', tooltip: line, id: `${base}/cmd${i}` });
    }
    for (const [i, d] of step.diffs.entries()) {
      const title = `${host.host}: ${step.task} (${d.beforeHeader ?? 'before'} ↔ ${d.afterHeader ?? 'after'})`;
      out.push({
        kind: 'detail',
        label: 'diff',
        description: `${d.beforeHeader ?? 'before'} → ${d.afterHeader ?? 'after'}`,
        icon: 'diff',
        id: `${base}/diff${i}`,
        command: { title: 'Show diff', command: 'altdisk.showDiff', arguments: [d, title] },
      });
    }
    for (const [i, w] of step.warnings.entries()) out.push({ kind: 'detail', label: w, icon: 'warning', tooltip: w, id: `${base}/warn${i}` });
    return out;
  }

  private reveal(step: StepResult): { command?: vscode.Command } {
    if (!step.location) return {};
    return { command: { title: 'Go to the task', command: 'altdisk.revealTask', arguments: [step.location.uri, step.location.line] } };
  }

  getTreeItem(node: Node): vscode.TreeItem {
    const C = vscode.TreeItemCollapsibleState;
    switch (node.kind) {
      case 'run': {
        const r = node.run;
        const item = new vscode.TreeItem(`${r.check ? 'Check' : 'Run'} ${r.title}`, r === this.store.latest() ? C.Expanded : C.Collapsed);
        item.id = `run/${r.id}`;
        const on = r.twinOf ? `${r.target} (twin of ${r.twinOf})` : r.target;
        item.description = `${on} · ${time(r.startedAt)}${r.outcome === 'cancelled' ? ' · cancelled' : ''}`;
        const status = r.outcome === undefined ? 'running' : r.outcome === 'cancelled' ? 'interrupted' : r.hosts.reduce<string>((s, h) => (h.status === 'failed' || h.status === 'unreachable' ? 'failed' : s), 'ok');
        item.iconPath = icon(status);
        item.contextValue = 'altdisk.run';
        return item;
      }
      case 'host': {
        const h = node.host;
        const item = new vscode.TreeItem(h.host, h.status === 'failed' || h.status === 'unreachable' || node.run === this.store.latest() ? C.Expanded : C.Collapsed);
        item.id = `run/${node.run.id}/${h.host}`;
        item.description = describeHost(h);
        item.iconPath = icon(h.status);
        item.tooltip = h.progress.length ? h.progress.slice(-10).join('\n') : undefined;
        return item;
      }
      case 'step': {
        const s = node.step;
        const hasChildren = !!(s.msg || s.commands.length || s.diffs.length || s.warnings.length);
        const item = new vscode.TreeItem(s.task, hasChildren ? (s.status === 'failed' || s.status === 'changed' ? C.Expanded : C.Collapsed) : C.None);
        item.id = `run/${node.run.id}/${node.host.host}/${node.host.steps.indexOf(s)}`;
        item.description = [s.status, s.module, s.location ? `line ${s.location.line + 1}` : undefined].filter(Boolean).join(' · ');
        item.iconPath = icon(s.status);
        item.tooltip = s.msg;
        if (s.location) item.command = { title: 'Go to the task', command: 'altdisk.revealTask', arguments: [s.location.uri, s.location.line] };
        return item;
      }
      case 'detail': {
        const item = new vscode.TreeItem(node.label, C.None);
        item.id = node.id;
        item.description = node.description;
        item.iconPath = new vscode.ThemeIcon(node.icon);
        item.tooltip = node.tooltip;
        item.command = node.command;
        return item;
      }
    }
  }

  /** For the tests and the commands: the view's rows as text, depth first. */
  snapshot(): string[] {
    const out: string[] = [];
    const walk = (nodes: Node[], depth: number): void => {
      for (const n of nodes) {
        const item = this.getTreeItem(n);
        const label = typeof item.label === 'string' ? item.label : (item.label?.label ?? '');
        out.push(`${'  '.repeat(depth)}${label}${item.description ? ` [${String(item.description)}]` : ''}`);
        walk(this.getChildren(n), depth + 1);
      }
    };
    walk(this.getChildren(), 0);
    return out;
  }

  showDiffCommand(diff: Diff, title: string): Promise<void> {
    return this.showDiff(diff, title);
  }
}
