/// <reference types="mocha" />
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { AltdiskApi } from '../../../extension/src/api.js';

suite('activation', () => {
  test('activates for YAML and offers the test hook; runs are enabled in a trusted workspace', async () => {
    const ext = vscode.extensions.getExtension<AltdiskApi>('altdisk.altdisk');
    assert.ok(ext, 'altdisk.altdisk is loaded');
    const doc = await vscode.workspace.openTextDocument({ language: 'yaml', content: '- hosts: all\n  tasks: []\n' });
    await vscode.window.showTextDocument(doc);
    const api = await ext.activate();
    assert.ok(ext.isActive);
    assert.equal(typeof api.transcript, 'function');
    assert.ok(api.activationMs >= 0);
    assert.ok(vscode.workspace.isTrusted);
    const commands = await vscode.commands.getCommands(true);
    for (const c of ['altdisk.runPlay', 'altdisk.checkPlay', 'altdisk.runTask', 'altdisk.checkTask', 'altdisk.previewTask', 'altdisk.rehearseOnTwin', 'altdisk.pickHost']) assert.ok(commands.includes(c), c);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });
});
