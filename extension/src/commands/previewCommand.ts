import * as vscode from 'vscode';
import { toRange } from '../engine.js';
import { pickHost } from '../hosts/hostPicker.js';
import { quoteArgv } from '../runs/format.js';
import type { Services } from '../services.js';
import { taskAt } from './taskCommands.js';

// "Preview commands": the exact AIX command lines a task would run on the picked host, from the modules'
// own planner over that host's facts, in a read-only document beside the playbook (and the Output).

export const PREVIEW_SCHEME = 'altdisk-preview';

export class PreviewDocuments implements vscode.TextDocumentContentProvider {
  private readonly texts = new Map<string, string>();
  private readonly emitter = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.emitter.event;

  set(uri: vscode.Uri, text: string): void {
    this.texts.set(uri.toString(), text);
    this.emitter.fire(uri);
  }

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.texts.get(uri.toString()) ?? '';
  }
}

export async function previewTask(s: Services, docs: PreviewDocuments, uri?: vscode.Uri, line?: number): Promise<string | undefined> {
  const editor = vscode.window.activeTextEditor;
  const docUri = uri ?? editor?.document.uri;
  if (!docUri) return undefined;
  const doc = await vscode.workspace.openTextDocument(docUri);
  const at = line ?? editor?.selection.active.line ?? 0;
  const task = taskAt(s.engine.tasks(doc), at);
  if (!task) {
    void vscode.window.showInformationMessage('altdisk: put the cursor on an altdisk task to preview its AIX commands.');
    return undefined;
  }
  const target = s.catalog.current() ?? (await pickHost(s.catalog, docUri, 'Preview the commands on'));
  if (!target) return undefined;
  const facts = s.catalog.factsOf(target.factsKey) ?? (await s.catalog.loadFacts(target));
  if (!facts) {
    const choice = await vscode.window.showWarningMessage(
      `altdisk: no facts of ${target.name} yet. A preview plans from the host's disks and levels: build its twin once (it reads the facts over SSH), or pick a simulated host.`,
      'Build the twin',
      'Pick another host',
    );
    if (choice === 'Build the twin') void vscode.commands.executeCommand('altdisk.rehearseOnTwin', undefined, undefined, { buildOnly: true });
    if (choice === 'Pick another host') void vscode.commands.executeCommand('altdisk.pickHost');
    return undefined;
  }
  const p = s.engine.preview(doc, toRange(task.range).start, facts);
  if (!p) return undefined;
  const lines = [
    `# ${task.name}`,
    `# ${p.module} on ${target.name}${target.twinOf ? ` (twin of ${target.twinOf})` : target.simDir ? ' (simulated)' : ''}`,
    '',
    ...(p.refusal ? [`# refused: ${p.refusal}`] : []),
    ...(p.argv.length ? p.argv.map((a) => quoteArgv(a)) : p.refusal ? [] : ['# nothing to run: the host is already as asked']),
    '',
    ...(p.msg ? [`# ${p.msg}`] : []),
    ...p.warnings.map((w) => `# warning: ${w}`),
  ];
  const text = lines.join('\n') + '\n';
  s.output.appendLine('');
  s.output.appendLine(`=== Preview of "${task.name}" on ${target.name}`);
  for (const l of lines) s.output.appendLine(l);
  const previewUri = vscode.Uri.from({ scheme: PREVIEW_SCHEME, path: `/${target.name}/${task.name.replace(/[/\\]/g, '-')}.sh` });
  docs.set(previewUri, text);
  const shown = await vscode.workspace.openTextDocument(previewUri);
  await vscode.window.showTextDocument(shown, { viewColumn: vscode.ViewColumn.Beside, preview: true, preserveFocus: true });
  return text;
}
