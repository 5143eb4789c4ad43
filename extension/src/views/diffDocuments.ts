import * as vscode from 'vscode';
import type { Diff } from '../runs/model.js';

// The before and after texts of a module's diff as read-only documents, for VS Code's diff editor.

export const DIFF_SCHEME = 'altdisk-diff';

export class DiffDocuments implements vscode.TextDocumentContentProvider {
  private readonly texts = new Map<string, string>();
  private next = 1;

  /** Opens the diff editor on one module diff. */
  async show(diff: Diff, title: string): Promise<void> {
    const id = this.next++;
    const left = this.put(`${id}/${diff.beforeHeader ?? 'before'}`, diff.before);
    const right = this.put(`${id}/${diff.afterHeader ?? 'after'}`, diff.after);
    await vscode.commands.executeCommand('vscode.diff', left, right, title, { preview: true });
  }

  private put(name: string, text: string): vscode.Uri {
    const uri = vscode.Uri.from({ scheme: DIFF_SCHEME, path: `/${name}` });
    this.texts.set(uri.toString(), text);
    return uri;
  }

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.texts.get(uri.toString()) ?? '';
  }
}
