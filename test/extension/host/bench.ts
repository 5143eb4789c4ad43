import * as vscode from 'vscode';
import type { AltdiskApi } from '../../../extension/src/api.js';

// Not a test: bench/extension.mjs loads this as the extension-host "tests" entry to measure, inside the
// real extension host, the extension's activation and the time from opening a large playbook to its
// diagnostics shown. Figures are printed as `BENCH {json}` lines.

function say(what: string, value: unknown): void {
  console.log(`BENCH ${JSON.stringify({ what, value })}`);
}

export async function run(): Promise<void> {
  const ext = vscode.extensions.getExtension<AltdiskApi>('altdisk.altdisk');
  if (!ext) throw new Error('altdisk.altdisk is not loaded');
  say('activeBeforeYaml', ext.isActive);
  const t0 = performance.now();
  const api = await ext.activate();
  say('activateMs', performance.now() - t0);
  say('activateFunctionMs', api.activationMs);

  // One generated file per run: each open is a document VS Code has not seen yet.
  const files = (process.env.ALTDISK_BENCH_FILES ?? '').split(',').filter(Boolean);
  if (!files.length) throw new Error('ALTDISK_BENCH_FILES is not set');
  for (const file of files) {
    const uri = vscode.Uri.file(file);
    const started = performance.now();
    const doc = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(doc);
    await api.analysed(uri);
    const shown = performance.now() - started;
    const count = vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'altdisk').length;
    say('openToDiagnosticsMs', { ms: shown, diagnostics: count, lines: doc.lineCount, engineMs: api.lastAnalysisMs(uri) });
    // A one-character edit, then the time until its diagnostics are set (the debounce is set to 0).
    const editStarted = performance.now();
    const editor = vscode.window.activeTextEditor!;
    await editor.edit((e) => e.insert(new vscode.Position(3, 0), '#'));
    await api.analysed(uri);
    say('editToDiagnosticsMs', { ms: performance.now() - editStarted, engineMs: api.lastAnalysisMs(uri) });
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  }
}
