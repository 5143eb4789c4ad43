import { isScalar, type Node } from 'yaml';

// Where a character of a scalar's value is in the source. Plain and simple quoted scalars map one to
// one; folded, block and escaped ones are aligned character by character (the value's characters
// appear in the source in order; only whitespace, quotes and escapes differ).

export type OffsetMap = (valueIndex: number) => number;

export function scalarOffsets(text: string, node: Node): OffsetMap {
  const range = node.range;
  if (!range || !isScalar(node) || typeof node.source !== 'string') {
    const start = range ? range[0] : 0;
    return () => start;
  }
  const value = String(node.source);
  const [start, end] = range;
  const raw = text.slice(start, range[1]);
  if (raw === value) return (i) => start + Math.min(i, value.length);
  if ((node.type === 'QUOTE_SINGLE' || node.type === 'QUOTE_DOUBLE') && raw.slice(1, -1) === value) return (i) => start + 1 + Math.min(i, value.length);
  let map: Int32Array | null = null;
  return (i) => {
    if (!map) {
      map = new Int32Array(value.length + 1);
      let j = start;
      for (let k = 0; k < value.length; k++) {
        const ch = value[k]!;
        let found = j;
        while (found < end && text[found] !== ch) found++;
        if (found < end) {
          map[k] = found;
          j = found + 1;
        } else map[k] = Math.min(j, end);
      }
      map[value.length] = Math.min(j, end);
    }
    return map[Math.max(0, Math.min(i, value.length))]!;
  };
}

export interface Word {
  text: string;
  /** Offsets in the string the word was split from. */
  start: number;
  end: number;
}

/** Words of a key=value line the way Ansible splits them: at whitespace outside quotes and Jinja blocks. */
export function splitArgs(s: string): Word[] {
  const words: Word[] = [];
  let i = 0;
  while (i < s.length) {
    while (i < s.length && /\s/.test(s[i]!)) i++;
    if (i >= s.length) break;
    const start = i;
    let quote: string | null = null;
    let jinja = 0;
    while (i < s.length) {
      const ch = s[i]!;
      if (quote) {
        if (ch === '\\' && i + 1 < s.length) i++;
        else if (ch === quote) quote = null;
      } else if (ch === '{' && (s[i + 1] === '{' || s[i + 1] === '%')) {
        jinja++;
        i++;
      } else if ((ch === '}' || ch === '%') && s[i + 1] === '}' && jinja > 0) {
        jinja--;
        i++;
      } else if (jinja === 0 && (ch === '"' || ch === "'")) quote = ch;
      else if (jinja === 0 && /\s/.test(ch)) break;
      i++;
    }
    words.push({ text: s.slice(start, i), start, end: i });
  }
  return words;
}

/** A value of key=value without its surrounding quotes (Ansible unquotes them). */
export function unquote(v: string): string {
  if (v.length >= 2 && (v[0] === '"' || v[0] === "'") && v[v.length - 1] === v[0]) {
    const inner = v.slice(1, -1);
    return v[0] === '"' ? inner.replace(/\\(["\\])/g, '$1') : inner;
  }
  return v;
}
