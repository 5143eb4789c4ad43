import * as vscode from 'vscode';
import { isAnsibleYaml } from '../documents.js';
import { toRange, type Engine } from '../engine.js';

// CodeLens: "Run" and "Check" on each play, "Run task", "Check task" and "Preview commands" on each
// altdisk task. In an untrusted workspace only the preview is offered (runs are refused anyway).

export class CodeLensProvider implements vscode.CodeLensProvider {
  private readonly emitter = new vscode.EventEmitter<void>();
  readonly onDidChangeCodeLenses = this.emitter.event;

  constructor(private readonly engine: Engine) {}

  refresh(): void {
    this.emitter.fire();
  }

  provideCodeLenses(doc: vscode.TextDocument): vscode.CodeLens[] {
    if (!isAnsibleYaml(doc)) return [];
    const trusted = vscode.workspace.isTrusted;
    const lenses: vscode.CodeLens[] = [];
    for (const t of this.engine.tasks(doc)) {
      const start = toRange(t.range).start;
      const at = new vscode.Range(start, start);
      const args = [doc.uri, start.line];
      if (t.kind === 'play') {
        if (!trusted) continue;
        lenses.push(new vscode.CodeLens(at, { title: '$(play) Run', command: 'altdisk.runPlay', arguments: args, tooltip: `Run the play "${t.name}" with ansible-playbook on the picked host` }));
        lenses.push(new vscode.CodeLens(at, { title: 'Check', command: 'altdisk.checkPlay', arguments: args, tooltip: 'ansible-playbook --check --diff on the picked host' }));
      } else if (t.module) {
        if (trusted) {
          lenses.push(new vscode.CodeLens(at, { title: '$(play) Run task', command: 'altdisk.runTask', arguments: args, tooltip: `Run ${t.module} on the picked host` }));
          lenses.push(new vscode.CodeLens(at, { title: 'Check task', command: 'altdisk.checkTask', arguments: args, tooltip: `Run ${t.module} in check mode on the picked host` }));
        }
        lenses.push(new vscode.CodeLens(at, { title: 'Preview commands', command: 'altdisk.previewTask', arguments: args, tooltip: 'The exact AIX command lines on the picked host' }));
      }
    }
    return lenses;
  }
}
