import { parseDocument, isMap, isSeq, isScalar } from 'yaml';

// What a play run needs from the playbook's text beyond the engine's task list: the plays, each with
// its line span and its `hosts:` pattern.

export interface PlaySpan {
  /** 0-based, first line of the play's item. */
  startLine: number;
  /** 0-based, exclusive. */
  endLine: number;
  hosts?: string;
}

export function playsOf(text: string): PlaySpan[] {
  const doc = parseDocument(text, { keepSourceTokens: false });
  if (!isSeq(doc.contents)) return [];
  const lineOf = (offset: number): number => {
    let n = 0;
    for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) n++;
    return n;
  };
  const items = doc.contents.items;
  return items.flatMap((item, i) => {
    if (!isMap(item) || !item.range) return [];
    // A play item starts at its "- " dash: the line of its first key.
    const startLine = lineOf(item.range[0]);
    const next = items[i + 1];
    const endLine = next && 'range' in next && next.range ? lineOf(next.range[0]) : text.split('\n').length;
    const hostsNode = item.get('hosts', true);
    const hostsItems: unknown[] = isSeq(hostsNode) ? hostsNode.items : [];
    const hosts = isScalar(hostsNode) ? String(hostsNode.value) : isSeq(hostsNode) ? hostsItems.map((x) => (isScalar(x) ? String(x.value) : '')).filter(Boolean).join(',') : undefined;
    return [{ startLine, endLine, ...(hosts !== undefined ? { hosts } : {}) }];
  });
}

/** The plain group or host names of a `hosts:` pattern (no `!`, `&`, wildcards or ranges). */
export function plainNames(pattern: string): string[] {
  return pattern
    .split(/[,:]/)
    .map((p) => p.trim())
    .filter((p) => p && /^[A-Za-z0-9_.-]+$/.test(p));
}
