import * as vscode from 'vscode';
import type { Finding } from '../engine.js';

// Suppression comments as the engine reads them (`# altdisk: ignore=CODE`): at the end of the line
// for that line; on a line of its own above a task for the whole task. An existing directive on the
// line gets the code added instead of a second comment.

const DIRECTIVE = /#\s*altdisk:\s*ignore\s*=\s*([A-Za-z0-9_,/ -]+)$/;

export interface Suppression {
  title: string;
  edit: vscode.TextEdit;
}

/** The first line of the task (or block) the line belongs to: the nearest "- " item above at a smaller indent. */
export function taskStartLine(doc: vscode.TextDocument, line: number): number | undefined {
  const indentOf = (t: string): number => t.length - t.trimStart().length;
  const own = doc.lineAt(line).text;
  const dash = /^(\s*)-\s/.exec(own);
  if (dash) return line;
  const limit = indentOf(own);
  for (let l = line - 1; l >= 0; l--) {
    const t = doc.lineAt(l).text;
    if (/^\s*(#.*)?$/.test(t)) continue;
    const m = /^(\s*)-\s/.exec(t);
    if (m && m[1]!.length < limit) return l;
  }
  return undefined;
}

export function suppressions(doc: vscode.TextDocument, f: Finding): Suppression[] {
  const out: Suppression[] = [];
  const line = f.range.start.line;
  const text = doc.lineAt(line).text;
  const existing = DIRECTIVE.exec(text);
  if (existing) {
    out.push({ title: `Ignore ${f.code} on this line`, edit: vscode.TextEdit.insert(new vscode.Position(line, text.length), `,${f.code}`) });
  } else {
    out.push({ title: `Ignore ${f.code} on this line`, edit: vscode.TextEdit.insert(new vscode.Position(line, text.length), `  # altdisk: ignore=${f.code}`) });
  }
  const start = taskStartLine(doc, line);
  if (start !== undefined && start !== line) {
    const first = doc.lineAt(start).text;
    const indent = /^(\s*)/.exec(first)![1];
    out.push({ title: `Ignore ${f.code} for this task`, edit: vscode.TextEdit.insert(new vscode.Position(start, 0), `${indent}# altdisk: ignore=${f.code}\n`) });
  }
  return out;
}
