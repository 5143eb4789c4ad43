import { LineCounter, parseAllDocuments, type Document, type YAMLError } from 'yaml';
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
  /** Lines blanked out to read the rest of a broken document (offsets into text). */
  masked: [number, number][];
}

function firstLine(message: string): string {
  return message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '').trim();
}

function parse(text: string): { docs: Document.Parsed[]; counter: LineCounter } {
  const counter = new LineCounter();
  const docs = parseAllDocuments(text, YAML_OPTIONS(counter));
  return { docs: Array.isArray(docs) ? docs : [], counter };
}

/** An opening bracket or quote that the line does not close (the start of a broken flow value). */
function opensSomething(line: string): boolean {
  let depth = 0;
  let quote: string | null = null;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (quote) {
      if (c === '\\' && quote === '"') i++;
      else if (c === quote) quote = null;
    } else if (c === '#' && (i === 0 || /\s/.test(line[i - 1]!))) break;
    else if (c === '"' || (c === "'" && (i === 0 || /[\s[{,:]/.test(line[i - 1]!)))) quote = c;
    else if (c === '[' || c === '{') depth++;
    else if (c === ']' || c === '}') depth--;
  }
  return depth > 0 || quote !== null;
}

/**
 * Broken YAML: the parser's recovery may swallow the rest of the document (an unclosed [ or "
 * runs to the end). Blank the lines of the first error (same length, so offsets stay valid) and
 * parse again, error after error, so that what follows is still analysed. The errors that remain
 * are the ones to report; the others were the first one's echo.
 */
function recover(text: string, lines: LineIndex, first: YAMLError[]): { docs: Document.Parsed[]; masked: [number, number][]; errors: YAMLError[] } | null {
  let current = text;
  const maskedLines = new Set<number>();
  const reported: YAMLError[] = [];
  let pending = first;
  for (let attempt = 0; attempt < 8 && pending.length; attempt++) {
    const e = pending.reduce((a, b) => (b.pos[0] < a.pos[0] ? b : a));
    reported.push(e);
    const before = maskedLines.size;
    const at = lines.position(e.pos[0]).line;
    maskedLines.add(at);
    for (let l = at - 1; l >= Math.max(0, at - 30); l--) {
      if (lines.lineText(l).trim() === '') continue;
      if (opensSomething(lines.lineText(l))) {
        for (let k = l; k < at; k++) maskedLines.add(k);
        break;
      }
      if (!/^\s/.test(lines.lineText(l))) break;
    }
    if (maskedLines.size === before) return null;
    let out = '';
    let last = 0;
    for (const l of [...maskedLines].sort((a, b) => a - b)) {
      const start = lines.starts[l]!;
      const end = start + lines.lineText(l).length;
      out += current.slice(last, start) + ' '.repeat(end - start);
      last = end;
    }
    current = out + current.slice(last);
    const again = parse(current);
    pending = again.docs.flatMap((d) => d.errors);
    if (!pending.length) {
      const masked = [...maskedLines].sort((a, b) => a - b).map((l): [number, number] => [lines.starts[l]!, lines.starts[l]! + lines.lineText(l).length]);
      return { docs: again.docs, masked, errors: reported };
    }
  }
  return null;
}

export function parseYaml(text: string): ParsedYaml {
  const { docs: list, counter } = parse(text);
  const lines = new LineIndex(text, counter.lineStarts.length ? counter.lineStarts : [0]);
  const errors = list.flatMap((d) => d.errors);
  const recovered = errors.length ? recover(text, lines, errors) : null;
  const syntax: RawFinding[] = [];
  for (const [problems, severity] of [
    [recovered?.errors ?? errors, 'error'],
    [list.flatMap((d) => d.warnings), 'warning'],
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
  return { text, lines, docs: recovered?.docs ?? list, syntax, masked: recovered?.masked ?? [] };
}
