// Fixed-column layouts as AIX prints them. Real consumers cut lines at column positions
// (IBM's lvm_facts splits lsvg/lspv at the index of "VG IDENTIFIER"), so widths matter.

/** Left-justify each value in a field of the given width; the last field is padded too when a width is given. */
export function fields(values: string[], widths: (number | null)[]): string {
  return values
    .map((v, i) => {
      const w = widths[i];
      return w === null || w === undefined ? v : v.padEnd(w);
    })
    .join('');
}

/** "LABEL:" padded to labelWidth, then the value. */
export function labelled(label: string, value: string, labelWidth: number): string {
  return label.padEnd(labelWidth) + value;
}

/**
 * Two label/value pairs on one line: left label in `leftLabel` columns, left value padded so the
 * right label starts at `rightAt`, right label in `rightLabel` columns.
 */
export function pairLine(l: string, lv: string, r: string | null, rv: string, o: { leftLabel: number; rightAt: number; rightLabel: number }): string {
  const left = l.padEnd(o.leftLabel) + lv;
  if (r === null) return left;
  // A left value that runs into the right column keeps one blank, as AIX prints
  // `LV IDENTIFIER:      <vgid>.8 PERMISSION:     read/write`.
  return (left.length < o.rightAt ? left.padEnd(o.rightAt) : left + ' ') + r.padEnd(o.rightLabel) + rv;
}

/** Split text at blanks into lines of at most `width` characters (a longer word stays whole). */
export function wrapWords(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line === '') line = word;
    else if (line.length + 1 + word.length <= width) line += ' ' + word;
    else {
      lines.push(line);
      line = word;
    }
  }
  if (line !== '' || lines.length === 0) lines.push(line);
  return lines;
}

/** Distribution strings: "00..00..00..00..04", "128..128..127..128..124". */
export function distributionString(counts: number[]): string {
  return counts.map((n) => String(n).padStart(2, '0')).join('..');
}

/** Widest value + 1 blank, as lsdev/lsattr size their columns. */
export function dynamicColumns(rows: string[][], sep = 1): string[] {
  const widths: number[] = [];
  for (const r of rows) r.forEach((v, i) => (widths[i] = Math.max(widths[i] ?? 0, v.length)));
  return rows.map((r) => r.map((v, i) => (i === r.length - 1 ? v : v.padEnd(widths[i]! + sep))).join(''));
}
