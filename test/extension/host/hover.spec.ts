/// <reference types="mocha" />
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { markdownOf, open, simHost, waitFor } from './util.js';

// Hover: module and option documentation, and on a task the exact AIX commands on the picked host.

async function hoversAt(uri: vscode.Uri, pos: vscode.Position): Promise<string[]> {
  const hs = (await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, pos)) ?? [];
  return hs.map(markdownOf);
}

suite('hover', () => {
  test('an option: its documentation from the spec', async () => {
    const editor = await open('clone-playbook.yml');
    const line = editor.document.lineAt(13).text;
    assert.match(line, /force: true/);
    const pos = new vscode.Position(13, line.indexOf('force') + 2);
    const hs = await waitFor('a hover on force', async () => {
      const all = await hoversAt(editor.document.uri, pos);
      return all.some((h) => /force/.test(h) && h.length > 40) && all;
    });
    assert.ok(hs.some((h) => h.includes('**force** (bool, default false)')), `documentation of force in: ${hs.join('\n---\n')}`);
  });

  test('a task on a simulated host: the exact AIX command lines (command preview)', async () => {
    await simHost();
    const editor = await open('clone-playbook.yml');
    const pos = new vscode.Position(7, editor.document.lineAt(7).text.indexOf('altdisk.aix.clone') + 3);
    const hs = await waitFor('a hover with the command preview', async () => {
      const all = await hoversAt(editor.document.uri, pos);
      return all.some((h) => h.includes('alt_disk_copy -d hdisk1')) && all;
    }, 60_000);
    const preview = hs.find((h) => h.includes('alt_disk_copy -d hdisk1'))!;
    assert.match(preview, /alt_disk_copy -d hdisk1/);
    assert.match(preview, /On extsim/);
  });

  test('Preview commands: the same lines in a document beside the playbook', async () => {
    await simHost();
    const editor = await open('clone-playbook.yml');
    const text = await vscode.commands.executeCommand<string>('altdisk.previewTask', editor.document.uri, 6);
    assert.match(text, /\/usr\/sbin\/alt_disk_copy -d hdisk1/);
    const shown = vscode.window.visibleTextEditors.find((e) => e.document.uri.scheme === 'altdisk-preview');
    assert.ok(shown, 'the preview is shown');
    assert.equal(shown.document.getText(), text);
  });
});
