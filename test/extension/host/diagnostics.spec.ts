/// <reference types="mocha" />
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { altdiskDiagnostics, api, codeOf, open, rangeOf, thenRestore, waitFor } from './util.js';

// Diagnostics from the engine in process: codes and ranges on the fixture playbook (an `ansible`
// document, as the Red Hat stand-in names playbooks), the examples clean (`yaml` documents), as the
// user types, and nothing for YAML that is not Ansible.

suite('diagnostics', () => {
  test('the fixture playbook: codes, ranges, severities and documentation links', async () => {
    const editor = await open('clone-playbook.yml');
    assert.equal(editor.document.languageId, 'ansible', 'the stand-in of Red Hat\'s extension names playbooks ansible');
    const expected = ['ALTDISK001 16:31-16:54', 'ALTDISK006 13:8-13:19', 'ALTDISK020 20:16-20:24', 'schema/unknown-option 21:8-21:15'];
    const summary = (ds: vscode.Diagnostic[]) => ds.map((d) => `${codeOf(d)} ${rangeOf(d)}`).sort();
    // An earlier suite's edit was undone just before: its diagnostics stand until the debounced
    // re-analysis of the restored text lands, so wait for that rather than take the first set seen.
    const diags = await waitFor('diagnostics of clone-playbook.yml', () => {
      const d = altdiskDiagnostics(editor.document.uri);
      return JSON.stringify(summary(d)) === JSON.stringify(expected) && d;
    }).catch(() => altdiskDiagnostics(editor.document.uri));
    assert.deepEqual(summary(diags), expected);
    const byCode = new Map(diags.map((d) => [codeOf(d), d]));
    assert.equal(byCode.get('ALTDISK001')?.severity, vscode.DiagnosticSeverity.Error);
    assert.equal(byCode.get('ALTDISK006')?.severity, vscode.DiagnosticSeverity.Warning);
    const code = byCode.get('ALTDISK001')?.code;
    assert.ok(typeof code === 'object' && code.target.toString().toLowerCase().includes('altdisk001'), 'the code links to the rule\'s documentation');
    assert.match(byCode.get('schema/unknown-option')!.message, /did you mean service/);
  });

  test('the example playbooks, as yaml documents, have no errors', async () => {
    for (const name of ['clone-update-phased.yml', 'mksysb-install.yml', 'rollback-bootlist.yml', 'cleanup-old-rootvg.yml']) {
      const editor = await open(`examples/${name}`);
      assert.equal(editor.document.languageId, 'yaml');
      const a = await api();
      await a.analysed(editor.document.uri);
      const errors = altdiskDiagnostics(editor.document.uri).filter((d) => d.severity === vscode.DiagnosticSeverity.Error);
      assert.deepEqual(errors.map((d) => `${codeOf(d)} ${rangeOf(d)} ${d.message}`), [], name);
    }
  });

  test('as the user types: a hazard appears after the debounce and goes when undone', () =>
    thenRestore('clone-playbook.yml', async (editor) => {
    const uri = editor.document.uri;
    const line = 8; // "        targets: [hdisk1]" of the first clone
    assert.match(editor.document.lineAt(line).text, /targets: \[hdisk1\]/);
    const before = altdiskDiagnostics(uri).length;
    await editor.edit((e) => e.insert(new vscode.Position(line + 1, 0), '        force: true\n'));
    await waitFor('a new ALTDISK006 on the typed line', () => altdiskDiagnostics(uri).some((d) => codeOf(d) === 'ALTDISK006' && d.range.start.line === line + 1));
    await vscode.commands.executeCommand('undo');
    await waitFor('the diagnostic gone after undo', () => altdiskDiagnostics(uri).length === before);
    assert.equal(editor.document.isDirty, false);
  }));

  test('YAML that is not Ansible gets nothing', async () => {
    const doc = await vscode.workspace.openTextDocument({ language: 'yaml', content: 'services:\n  web:\n    image: nginx\n    command: exportvg altinst_rootvg\n' });
    await vscode.window.showTextDocument(doc);
    await new Promise((r) => setTimeout(r, 800));
    assert.deepEqual(altdiskDiagnostics(doc.uri), []);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });
});
