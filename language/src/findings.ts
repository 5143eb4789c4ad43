import type { Finding, Severity } from './types.js';
import type { Span } from './playbook/model.js';
import type { LineIndex } from './yaml/document.js';

// Findings while the analysis runs: offsets into the document (cheap to make and compare), turned
// into LSP ranges once at the end.

export interface RawEdit {
  span: Span;
  newText: string;
}

export interface RawFix {
  title: string;
  edits: RawEdit[];
  safe: boolean;
}

export interface RawFinding {
  code: string;
  severity: Severity;
  message: string;
  span: Span;
  fixes: RawFix[];
  suppressible: boolean;
  docUrl?: string;
  /** The task the finding is about (a suppression comment on the task covers it). */
  taskSpan?: Span;
  /** The option it is about, for de-duplication between the schema and the hazard rules. */
  option?: string;
}

export function toFinding(f: RawFinding, lines: LineIndex): Finding {
  const out: Finding = {
    code: f.code,
    severity: f.severity,
    message: f.message,
    range: lines.range(f.span[0], f.span[1]),
    fixes: f.fixes.map((x) => ({ title: x.title, safe: x.safe, edits: x.edits.map((e) => ({ range: lines.range(e.span[0], e.span[1]), newText: e.newText })) })),
    suppressible: f.suppressible,
  };
  if (f.docUrl) out.docUrl = f.docUrl;
  return out;
}
