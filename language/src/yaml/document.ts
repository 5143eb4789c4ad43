import { LineCounter, parseAllDocuments, type Document } from 'yaml';
import type { Position, Range } from '../types.js';
import type { RawFinding } from '../findings.js';

// A document's YAML with positions: every node keeps its source offsets, and a line index turns
// offsets into LSP positions (0-based lines, UTF-16 characters: JavaScript string offsets already
// count UTF-16 code units). Broken YAML still yields documents: the syntax error is one finding
// where it is, and the rest is analysed as far as it parsed.

export class LineIndex {
  constructor(
    readonly text: string,
    readonly starts: readonly number[],
  ) {}

  static of(text: string): LineIndex {
    const starts = [0];
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
    return new LineIndex(text, starts);
  }

  position(offset: number): Position {
    const o = Math.max(0, Math.min(offset, this.text.length));
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid]! <= o) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo, character: o - this.starts[lo]! };
  }

  range(start: number, end: number): Range {
    return { start: this.position(start), end: this.position(Math.max(start, end)) };
  }

  offset(p: Position): number {
    if (p.line < 0) return 0;
    if (p.line >= this.starts.length) return this.text.length;
    const start = this.starts[p.line]!;
    const next = p.line + 1 < this.starts.length ? this.starts[p.line + 1]! - 1 : this.text.length;
    return Math.min(start + Math.max(0, p.character), next);
  }

  lineCount(): number {
    return this.starts.length;
  }

  /** The text of a line without its line break. */
  lineText(line: number): string {
    const start = this.starts[line];
    if (start === undefined) return '';
    const end = line + 1 < this.starts.length ? this.starts[line + 1]! - 1 : this.text.length;
    const s = this.text.slice(start, end);
    return s.endsWith('\r') ? s.slice(0, -1) : s;
  }
}

/** Ansible reads playbooks as YAML 1.1 (PyYAML): yes/no/on/off are booleans, 0755 is octal. */
export const YAML_OPTIONS = (lineCounter?: LineCounter) => ({ version: '1.1' as const, prettyErrors: false, ...(lineCounter ? { lineCounter } : {}) });

export interface ParsedYaml {
  text: string;
  lines: LineIndex;
  docs: Document.Parsed[];
  /** Syntax errors and warnings, as findings with code 'yaml'. */
  syntax: RawFinding[];
}

function firstLine(message: string): string {
  return message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '').trim();
}

export function parseYaml(text: string): ParsedYaml {
  const counter = new LineCounter();
  const docs = parseAllDocuments(text, YAML_OPTIONS(counter));
  const lines = new LineIndex(text, counter.lineStarts.length ? counter.lineStarts : [0]);
  const list: Document.Parsed[] = Array.isArray(docs) ? docs : [];
  const syntax: RawFinding[] = [];
  for (const d of list) {
    for (const [problems, severity] of [
      [d.errors, 'error'],
      [d.warnings, 'warning'],
    ] as const) {
      for (const e of problems) {
        const start = e.pos[0];
        let end = e.pos[1];
        if (end <= start) {
          // An empty span: mark the rest of the line, so the editor shows something.
          const p = lines.position(start);
          end = Math.max(start + 1, lines.offset({ line: p.line, character: Number.MAX_SAFE_INTEGER }));
        }
        syntax.push({ code: 'yaml', severity, message: `YAML: ${firstLine(e.message)}`, span: [start, end], fixes: [], suppressible: false });
      }
    }
  }
  return { text, lines, docs: list, syntax };
}
