/// <reference types="mocha" />
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';

suite('activation', () => {
  test('activates for a YAML playbook and offers the transcript hook', async () => {
    const ext = vscode.extensions.getExtension<{ transcript(): string[] }>('altdisk.altdisk');
    assert.ok(ext, 'altdisk.altdisk is loaded');
    const doc = await vscode.workspace.openTextDocument({ language: 'yaml', content: '- hosts: all\n  tasks: []\n' });
    await vscode.window.showTextDocument(doc);
    const api = await ext.activate();
    assert.ok(api.transcript().includes('altdisk: activated'));
  });
});
