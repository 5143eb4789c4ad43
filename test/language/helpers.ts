import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { ROOT } from '../helpers/sim.js';
import { analyze, applyEdits, type AnalyzeOptions, type Finding, type Range, type WorkspaceView } from '../../language/src/index.js';
import { LineIndex } from '../../language/src/yaml/document.js';

// Engine tests run in process on documents written in the test: analyse, look at one code's
// findings, the text their range covers, and the text after a fix.

export const PB = '/ws/site.yml';

export function check(text: string, ws: WorkspaceView = {}, opts: AnalyzeOptions = {}, uri = PB): Finding[] {
  return analyze({ uri, text }, ws, opts).findings;
}

export function codes(fs: Finding[]): string[] {
  return fs.map((f) => f.code);
}

export function only(text: string, code: string, ws: WorkspaceView = {}, opts: AnalyzeOptions = {}, uri = PB): Finding[] {
  return check(text, ws, opts, uri).filter((f) => f.code === code);
}

/** The one finding of `code` (fails unless there is exactly one). */
export function one(text: string, code: string, ws: WorkspaceView = {}, opts: AnalyzeOptions = {}, uri = PB): Finding {
  const all = check(text, ws, opts, uri);
  const hits = all.filter((f) => f.code === code);
  assert.equal(hits.length, 1, `expected one ${code}, got: ${JSON.stringify(all.map((f) => `${f.code} ${f.message}`), null, 1)}`);
  return hits[0]!;
}

export function none(text: string, code: string, ws: WorkspaceView = {}, opts: AnalyzeOptions = {}, uri = PB): void {
  const hits = only(text, code, ws, opts, uri);
  assert.deepEqual(hits.map((f) => f.message), [], `expected no ${code}`);
}

export function covered(text: string, r: Range): string {
  const lines = LineIndex.of(text);
  return text.slice(lines.offset(r.start), lines.offset(r.end));
}

export function fixed(text: string, f: Finding, index = 0): string {
  const fix = f.fixes[index];
  assert.ok(fix, `${f.code} has no fix #${index}`);
  return applyEdits(text, fix.edits).text;
}

/** A playbook with one play on hosts `aix` (tasks indented under tasks:). */
export function play(tasks: string, extra = ''): string {
  const body = tasks
    .replace(/^\n/, '')
    .split('\n')
    .map((l) => (l ? `    ${l}` : l))
    .join('\n');
  return `- name: Test play\n  hosts: aix\n${extra}  tasks:\n${body}${body.endsWith('\n') ? '' : '\n'}`;
}

/** A workspace of in-memory files (absolute paths). */
export function memoryWorkspace(files: Record<string, string>, extra: Partial<WorkspaceView> = {}): WorkspaceView {
  return { readFile: (p) => files[p], ...extra };
}

export { ROOT };

export function diskWorkspace(): WorkspaceView {
  return {
    readFile(p) {
      try {
        return fs.readFileSync(p, 'utf8');
      } catch {
        return undefined;
      }
    },
  };
}
