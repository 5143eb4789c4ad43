import * as vscode from 'vscode';
import type { AltdiskApi } from '../../../extension/src/api.js';

// Helpers of the extension-host suite: the extension's test hook, the workspace's files, and waiting
// for what VS Code does asynchronously (diagnostics after the debounce, runs).

export async function api(): Promise<AltdiskApi> {
  const ext = vscode.extensions.getExtension<AltdiskApi>('altdisk.altdisk');
  if (!ext) throw new Error('the altdisk extension is not loaded');
  return ext.activate();
}

export function ws(rel: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('the suite runs with a workspace folder');
  return vscode.Uri.joinPath(folder.uri, rel);
}

export async function open(rel: string): Promise<vscode.TextEditor> {
  const doc = await vscode.workspace.openTextDocument(ws(rel));
  return vscode.window.showTextDocument(doc);
}

export async function waitFor<T>(what: string, f: () => T | undefined | false | Promise<T | undefined | false>, timeoutMs = 15_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  let last: unknown;
  while (Date.now() < end) {
    try {
      const v = await f();
      if (v) return v;
    } catch (e) {
      last = e;
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`timed out waiting for ${what}${last ? `: ${String(last)}` : ''}`);
}

export function altdiskDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'altdisk');
}

export function codeOf(d: vscode.Diagnostic): string {
  return typeof d.code === 'object' ? String(d.code.value) : String(d.code);
}

export function rangeOf(d: vscode.Diagnostic): string {
  const r = d.range;
  return `${r.start.line}:${r.start.character}-${r.end.line}:${r.end.character}`;
}

/** The simulated host the run tests use, created once through the extension's own command. */
export async function simHost(name = 'extsim'): Promise<string> {
  const a = await api();
  if (!(await a.pickHost(`sim:${name}`))) await vscode.commands.executeCommand('altdisk.newSimulatedHost', name, 'aix73');
  if (a.pickedHost() !== `sim:${name}`) throw new Error(`the simulated host ${name} was not picked (picked: ${a.pickedHost()})`);
  return name;
}

export function markdownOf(h: vscode.Hover): string {
  return h.contents.map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : '')).join('\n');
}

/** Runs `f` on the open document, then puts its text back as it was and saves it (no dirty editor left). */
export async function thenRestore<T>(rel: string, f: (editor: vscode.TextEditor) => Promise<T>): Promise<T> {
  const editor = await open(rel);
  const original = editor.document.getText();
  try {
    return await f(editor);
  } finally {
    const doc = editor.document;
    if (doc.getText() !== original) {
      const all = new vscode.Range(doc.positionAt(0), doc.positionAt(doc.getText().length));
      const edit = new vscode.WorkspaceEdit();
      edit.replace(doc.uri, all, original);
      await vscode.workspace.applyEdit(edit);
    }
    if (doc.isDirty) await doc.save();
  }
}
