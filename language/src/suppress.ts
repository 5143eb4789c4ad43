import type { RawFinding } from './findings.js';
import type { FileModel, Span } from './playbook/model.js';
import { fileTasks } from './playbook/model.js';

// Suppression comments, as ShellCheck's directives: `# altdisk: ignore=ALTDISK003` (several codes
// separated by commas, or `all`) at the end of a line silences that line; on a line of its own it
// silences the next line. When that line starts a task (or block), it silences the whole task.

const DIRECTIVE = /(^|\s)#\s*altdisk:\s*ignore\s*=\s*([A-Za-z0-9_,/ -]+)/;

interface Directive {
  /** The line it applies to. */
  line: number;
  codes: Set<string>;
}

function directives(file: FileModel): Directive[] {
  const out: Directive[] = [];
  if (!file.text.includes('altdisk:')) return out;
  const n = file.lines.lineCount();
  for (let line = 0; line < n; line++) {
    const text = file.lines.lineText(line);
    const m = DIRECTIVE.exec(text);
    if (!m) continue;
    const codes = new Set(m[2]!.split(/[\s,]+/).filter(Boolean).map((c) => c.toUpperCase()));
    const ownLine = text.slice(0, m.index + m[1]!.length).trim() === '';
    let target = line;
    if (ownLine) {
      target = line + 1;
      while (target < n && /^\s*(#.*)?$/.test(file.lines.lineText(target))) target++;
    }
    out.push({ line: target, codes });
  }
  return out;
}

function matches(codes: Set<string>, code: string): boolean {
  return codes.has(code) || codes.has('ALL');
}

export function applySuppressions(file: FileModel, findings: RawFinding[]): RawFinding[] {
  const ds = directives(file);
  if (!ds.length) return findings;
  const byLine = new Map<number, Set<string>>();
  for (const d of ds) byLine.set(d.line, new Set([...(byLine.get(d.line) ?? []), ...d.codes]));
  // Tasks whose first line carries a directive: it covers everything inside them.
  const taskScopes: { span: Span; codes: Set<string> }[] = [];
  for (const t of fileTasks(file)) {
    const codes = byLine.get(file.lines.position(t.span[0]).line);
    if (codes) taskScopes.push({ span: t.span, codes });
  }
  return findings.filter((f) => {
    if (!f.suppressible) return true;
    const line = file.lines.position(f.span[0]).line;
    const onLine = byLine.get(line);
    if (onLine && matches(onLine, f.code)) return false;
    for (const s of taskScopes) {
      if (f.span[0] >= s.span[0] && f.span[0] <= s.span[1] && matches(s.codes, f.code)) return false;
    }
    return true;
  });
}
