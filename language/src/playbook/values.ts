import { isAlias, isMap, isPair, isScalar, isSeq, type Document, type Node } from 'yaml';

// Plain values from YAML nodes, node by node (never the whole document): what Ansible would hand a
// module, with Jinja templates kept as their text and flagged, since their value is only known at run time.

const JINJA = /\{\{|\{%|\{#/;

export function isTemplate(v: unknown): boolean {
  return typeof v === 'string' && JINJA.test(v);
}

/** True when a value, or anything inside it, is a Jinja template. */
export function hasTemplate(v: unknown): boolean {
  if (typeof v === 'string') return JINJA.test(v);
  if (Array.isArray(v)) return v.some(hasTemplate);
  if (v !== null && typeof v === 'object') return Object.values(v as Record<string, unknown>).some(hasTemplate);
  return false;
}

/** YAML 1.1 reads 7300-02-01 as a date; Ansible hands it to a module as its ISO text. */
function dateText(d: Date, source: unknown): string {
  if (typeof source === 'string' && source) return source;
  const iso = d.toISOString();
  return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso;
}

export function nodeValue(node: unknown, doc?: Document.Parsed, depth = 0): unknown {
  if (depth > 64) return undefined;
  if (isScalar(node)) return node.value instanceof Date ? dateText(node.value, node.source) : node.value;
  if (isAlias(node)) {
    if (!doc) return undefined;
    try {
      return nodeValue(node.resolve(doc), doc, depth + 1);
    } catch {
      return undefined;
    }
  }
  if (isSeq(node)) return node.items.map((i) => nodeValue(i, doc, depth + 1));
  if (isMap(node)) {
    const out: Record<string, unknown> = Object.create(null);
    for (const p of node.items) {
      if (!isPair(p)) continue;
      const k = nodeValue(p.key, doc, depth + 1);
      if (k === null || k === undefined) continue;
      if (typeof k === 'symbol') {
        // A YAML 1.1 merge key (<<): the merged mappings' entries, without overriding this one's.
        const merged = nodeValue(p.value, doc, depth + 1);
        for (const m of Array.isArray(merged) ? merged : [merged]) {
          if (m && typeof m === 'object') for (const [mk, mv] of Object.entries(m)) if (!Object.hasOwn(out, mk)) out[mk] = mv;
        }
        continue;
      }
      out[String(k)] = nodeValue(p.value, doc, depth + 1);
    }
    return out;
  }
  return node === null || node === undefined ? null : undefined;
}

/** The key of a pair as a string (or null when it is not a plain scalar key). */
export function keyString(p: { key: unknown }): string | null {
  if (isScalar(p.key) && (typeof p.key.value === 'string' || typeof p.key.value === 'number' || typeof p.key.value === 'boolean')) return String(p.key.value);
  return null;
}

/** Source offsets [start, end) of a node's value (without trailing comments and line breaks). */
export function nodeSpan(node: Node | null | undefined, text: string): [number, number] | null {
  const r = node?.range;
  if (!r) return null;
  let end = r[1];
  for (let c = text.charCodeAt(end - 1); end > r[0] && (c === 32 || c === 10 || c === 13 || c === 9); c = text.charCodeAt(end - 1)) end--;
  return [r[0], end];
}
