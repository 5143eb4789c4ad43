/// <reference types="mocha" />
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { altdiskDiagnostics, codeOf, thenRestore, waitFor } from './util.js';

// Quick fixes and suppression comments, applied as a person would (the code action's workspace edit).

async function actionsAt(uri: vscode.Uri, range: vscode.Range): Promise<vscode.CodeAction[]> {
  return (await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, range, vscode.CodeActionKind.QuickFix.value)) ?? [];
}

suite('quick fixes', () => {
  test('ALTDISK001: exportvg of altinst_rootvg becomes the cleanup module task', () =>
    thenRestore('clone-playbook.yml', async (editor) => {
    const uri = editor.document.uri;
    const diag = await waitFor('ALTDISK001', () => altdiskDiagnostics(uri).find((d) => codeOf(d) === 'ALTDISK001'));
    const actions = await actionsAt(uri, diag.range);
    const fix = actions.find((a) => a.title.includes('altdisk.aix.cleanup'));
    assert.ok(fix?.edit, `a fix to the cleanup module among: ${actions.map((a) => a.title).join(' | ')}`);
    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    const text = editor.document.getText();
    assert.ok(!text.includes('exportvg altinst_rootvg'), 'the exportvg command is gone');
    assert.match(text, /altdisk\.aix\.cleanup/);
    await waitFor('ALTDISK001 gone', () => !altdiskDiagnostics(uri).some((d) => codeOf(d) === 'ALTDISK001'));
  }));

  test('suppression: "Ignore ALTDISK006 on this line" silences it', () =>
    thenRestore('clone-playbook.yml', async (editor) => {
    const uri = editor.document.uri;
    const diag = await waitFor('ALTDISK006', () => altdiskDiagnostics(uri).find((d) => codeOf(d) === 'ALTDISK006'));
    const actions = await actionsAt(uri, diag.range);
    const ignore = actions.find((a) => a.title === 'Ignore ALTDISK006 on this line');
    assert.ok(ignore?.edit, `a suppression among: ${actions.map((a) => a.title).join(' | ')}`);
    assert.ok(actions.some((a) => a.title === 'Ignore ALTDISK006 for this task'));
    assert.ok(await vscode.workspace.applyEdit(ignore.edit));
    assert.match(editor.document.lineAt(diag.range.start.line).text, /force: true {2}# altdisk: ignore=ALTDISK006$/);
    await waitFor('ALTDISK006 silenced', () => !altdiskDiagnostics(uri).some((d) => codeOf(d) === 'ALTDISK006'));
  }));
});
