import type { DocumentInput, Finding, TextEdit, WorkspaceView, AnalyzeOptions } from './types.js';
import { LineIndex } from './yaml/document.js';
import { analyze } from './analyze.js';

// Applying fixes to a text: edits sorted from the end so earlier offsets stay valid; edits that
// overlap one already taken are left for the next pass (after re-analysis).

export function applyEdits(text: string, edits: TextEdit[]): { text: string; applied: number } {
  const lines = LineIndex.of(text);
  const spans = edits.map((e) => ({ start: lines.offset(e.range.start), end: lines.offset(e.range.end), newText: e.newText }));
  spans.sort((a, b) => b.start - a.start || b.end - a.end);
  let out = text;
  let applied = 0;
  let floor = Infinity;
  for (const s of spans) {
    if (s.end > floor) continue;
    out = out.slice(0, s.start) + s.newText + out.slice(s.end);
    floor = s.start;
    applied++;
  }
  return { text: out, applied };
}

export interface FixResult {
  text: string;
  /** Fixes applied, by finding code. */
  fixed: { code: string; title: string }[];
  /** The findings left after the fixes. */
  findings: Finding[];
}

/** Apply every safe fix (in passes, re-analysing between them, at most 10), as `altdisk lint --fix` does. */
export function applySafeFixes(doc: DocumentInput, ws: WorkspaceView = {}, opts: AnalyzeOptions = {}): FixResult {
  let text = doc.text;
  const fixed: FixResult['fixed'] = [];
  let findings = analyze({ uri: doc.uri, text }, ws, opts).findings;
  for (let pass = 0; pass < 10; pass++) {
    const chosen: { code: string; title: string; edits: TextEdit[] }[] = [];
    const taken: [number, number][] = [];
    const lines = LineIndex.of(text);
    for (const f of findings) {
      const fix = f.fixes.find((x) => x.safe);
      if (!fix) continue;
      const spans = fix.edits.map((e) => [lines.offset(e.range.start), lines.offset(e.range.end)] as [number, number]);
      if (spans.some(([s, e]) => taken.some(([ts, te]) => s < te && ts < e) || taken.some(([ts]) => s === e && s === ts))) continue;
      taken.push(...spans);
      chosen.push({ code: f.code, title: fix.title, edits: fix.edits });
    }
    if (!chosen.length) break;
    text = applyEdits(text, chosen.flatMap((c) => c.edits)).text;
    fixed.push(...chosen.map(({ code, title }) => ({ code, title })));
    findings = analyze({ uri: doc.uri, text }, ws, opts).findings;
  }
  return { text, fixed, findings };
}
