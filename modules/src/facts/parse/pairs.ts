import { UNKNOWN_VALUE, messageNumber, outputLines } from './text.js';

// `lspv <pv>`, `lsvg <vg>`, `lslv <lv>` and `lsmksysb -l` print two "LABEL: value" pairs per line.
// IBM's lvm_facts cuts every line at the column where the right-hand label starts in line 1; that
// breaks when a value overflows its column (lslv: "LV IDENTIFIER: <id>.1 PERMISSION: ...", lspv:
// "PV IDENTIFIER: <pvid> VG IDENTIFIER ...", where only one blank is left). So the right-hand
// label is found by name instead: a known label, preceded by a blank, after the left label's colon.

export interface LabelledOutput {
  /** Label (without the colon) -> value; null where AIX printed "???????". */
  fields: Map<string, string | null>;
  /** AIX diagnostics found among the lines (stderr merged into stdout, as in real captures). */
  messages: string[];
  /** Lines that are neither pairs nor messages (tables following the pairs, e.g. in lsmksysb). */
  rest: string[];
}

function valueOf(raw: string): string | null {
  const v = raw.trim();
  return v === UNKNOWN_VALUE ? null : v;
}

function rightLabelAt(line: string, rightLabels: readonly string[]): { at: number; label: string } | null {
  const firstColon = line.indexOf(':');
  let best: { at: number; label: string } | null = null;
  for (const label of rightLabels) {
    let from = 1;
    for (;;) {
      const at = line.indexOf(label, from);
      if (at < 0) break;
      if (at > firstColon && line[at - 1] === ' ' && (best === null || at < best.at)) best = { at, label };
      from = at + 1;
    }
  }
  return best;
}

function leftPair(part: string): [string, string | null] | null {
  const m = /^([^:]*[A-Za-z)?][^:]*):[ \t]*(.*)$/.exec(part);
  if (!m) return null;
  return [m[1]!.trim(), valueOf(m[2]!)];
}

/**
 * Parse two-column "LABEL: value" output. `rightLabels` are the labels that can start the right
 * column, written as AIX prints them (with their colon, except lspv's "VG IDENTIFIER").
 */
export function parseLabelledPairs(text: string, rightLabels: readonly string[]): LabelledOutput {
  const fields = new Map<string, string | null>();
  const messages: string[] = [];
  const rest: string[] = [];
  for (const line of outputLines(text)) {
    if (line.trim() === '') {
      rest.push(line);
      continue;
    }
    if (messageNumber(line) !== null) {
      messages.push(line.trim());
      continue;
    }
    const right = rightLabelAt(line, rightLabels);
    const leftText = right ? line.slice(0, right.at) : line;
    const left = leftPair(leftText);
    if (!left) {
      rest.push(line);
      continue;
    }
    fields.set(left[0], left[1]);
    if (right) {
      const label = right.label.replace(/:$/, '');
      const after = line.slice(right.at + right.label.length).replace(/^:/, '');
      fields.set(label, valueOf(after));
    }
  }
  return { fields, messages, rest };
}

/** "32 megabyte(s)" -> 32, "639 (20448 megabytes)" -> 639; null for unknown or other shapes. */
export function leadingInt(value: string | null | undefined): number | null {
  if (value === null || value === undefined) return null;
  const m = /^(\d+)(?:\s|$)/.exec(value.trim());
  return m ? Number(m[1]) : null;
}
