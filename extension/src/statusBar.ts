import * as vscode from 'vscode';
import { isAnsibleYaml } from './documents.js';
import type { HostCatalog } from './hosts/catalog.js';

// The status bar item: the picked host (runs and previews go there), shown while a playbook is in the
// editor; a click opens the host picker.

export class HostStatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('altdisk.host', vscode.StatusBarAlignment.Left, 50);
  private readonly disposables: vscode.Disposable[] = [];

  constructor(private readonly catalog: HostCatalog) {
    this.item.name = 'altdisk target host';
    this.item.command = 'altdisk.pickHost';
    this.disposables.push(
      this.item,
      catalog.onDidChange(() => this.update()),
      vscode.window.onDidChangeActiveTextEditor(() => this.update()),
    );
    this.update();
  }

  update(): void {
    const editor = vscode.window.activeTextEditor;
    if (!editor || !isAnsibleYaml(editor.document)) {
      this.item.hide();
      return;
    }
    const t = this.catalog.current();
    const icon = t?.kind === 'inventory' ? '$(server)' : t ? '$(beaker)' : '$(server)';
    this.item.text = `${icon} ${t ? t.name : 'pick a host'}`;
    this.item.tooltip = t
      ? `altdisk runs and command previews target ${t.name}${t.kind === 'twin' ? ` (twin of ${t.twinOf})` : t.kind === 'simulated' ? ' (simulated AIX host)' : ''}. Click to pick another host.`
      : 'altdisk: pick the host runs and command previews target';
    this.item.show();
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}
