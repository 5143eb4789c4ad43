import * as vscode from 'vscode';
import { toRange } from '../engine.js';
import { FindingDiagnostic } from './diagnostics.js';
import { suppressions } from './suppression.js';

// Quick fixes: the engine's fixes of each finding under the cursor (text edits), then a suppression
// comment (`# altdisk: ignore=CODE`) for the line or the task, where the finding allows it.

export class CodeActionsProvider implements vscode.CodeActionProvider {
  static readonly kinds = [vscode.CodeActionKind.QuickFix];

  provideCodeActions(doc: vscode.TextDocument, _range: vscode.Range, context: vscode.CodeActionContext): vscode.CodeAction[] {
    const actions: vscode.CodeAction[] = [];
    for (const diag of context.diagnostics) {
      if (!(diag instanceof FindingDiagnostic)) continue;
      const f = diag.finding;
      for (const [i, fix] of f.fixes.entries()) {
        const action = new vscode.CodeAction(fix.title, vscode.CodeActionKind.QuickFix);
        action.diagnostics = [diag];
        action.isPreferred = i === 0 && fix.safe;
        action.edit = new vscode.WorkspaceEdit();
        for (const e of fix.edits) action.edit.replace(doc.uri, toRange(e.range), e.newText);
        actions.push(action);
      }
      if (!f.suppressible) continue;
      for (const s of suppressions(doc, f)) {
        const action = new vscode.CodeAction(s.title, vscode.CodeActionKind.QuickFix);
        action.diagnostics = [diag];
        action.edit = new vscode.WorkspaceEdit();
        action.edit.set(doc.uri, [s.edit]);
        actions.push(action);
      }
    }
    return actions;
  }
}
