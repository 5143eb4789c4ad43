/// <reference types="mocha" />
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { thenRestore } from './util.js';

// Completion of module names and options from the modules' specs.

async function labelsAt(uri: vscode.Uri, pos: vscode.Position): Promise<string[]> {
  const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', uri, pos);
  return list.items.map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
}

suite('completion', () => {
  test('options of altdisk.aix.clone, with their documentation', () =>
    thenRestore('clone-playbook.yml', async (editor) => {
    await editor.edit((e) => e.insert(new vscode.Position(9, 0), '        \n'));
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', editor.document.uri, new vscode.Position(9, 8));
    const labels = list.items.map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
    for (const o of ['phase', 'bootlist', 'disk_size_policy', 'images_location']) assert.ok(labels.includes(o), `${o} offered among ${labels.join(', ')}`);
    assert.ok(!labels.includes('targets'), 'targets is already there');
    const phase = list.items.find((i) => i.label === 'phase');
    const doc = phase?.documentation;
    assert.ok(doc && (typeof doc === 'string' ? doc : doc.value).length > 10, 'the option carries its documentation');
  }));

  test('module names after altdisk.aix.', () =>
    thenRestore('clone-playbook.yml', async (editor) => {
    await editor.edit((e) => e.insert(new vscode.Position(10, 0), '    - altdisk.aix.\n'));
    const labels = await labelsAt(editor.document.uri, new vscode.Position(10, 18));
    for (const m of ['clone', 'phase', 'bootlist', 'cleanup', 'facts', 'mksysb_install']) assert.ok(labels.some((l) => l.endsWith(m)), `${m} offered among ${labels.join(', ')}`);
  }));
});
