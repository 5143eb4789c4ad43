import type { Inventory } from './model.js';

// Host patterns as Ansible's --limit reads them: names and globs of groups or hosts separated by
// commas (or colons), `~regex`, `group[0]` / `group[1:3]` subscripts, `&group` to intersect and
// `!pattern` to exclude: `aix:!lpar03`, `lpar0*`, `aix:&prod`, `all`.

export class PatternError extends Error {}

/** Split on commas, or on colons when there is no comma (colons inside [..] or a regex stay). */
export function splitPatterns(pattern: string): string[] {
  const text = pattern.trim();
  if (text.includes(',')) return text.split(',').map((p) => p.trim()).filter(Boolean);
  const out: string[] = [];
  let cur = '';
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '[') depth++;
    if (c === ']') depth--;
    if (c === ':' && depth === 0 && !cur.startsWith('~')) {
      if (cur.trim()) out.push(cur.trim());
      cur = '';
      continue;
    }
    cur += c;
  }
  if (cur.trim()) out.push(cur.trim());
  return out;
}

function globToRegExp(glob: string): RegExp {
  let re = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i]!;
    if (c === '*') re += '.*';
    else if (c === '?') re += '.';
    else if (c === '[') {
      const end = glob.indexOf(']', i + 1);
      if (end < 0) re += '\\[';
      else {
        let body = glob.slice(i + 1, end);
        if (body.startsWith('!')) body = '^' + body.slice(1);
        re += `[${body.replace(/\\/g, '\\\\')}]`;
        i = end;
      }
    } else re += c.replace(/[.+^${}()|\\/]/g, '\\$&');
  }
  return new RegExp(`^${re}$`);
}

function matcher(pattern: string): (name: string) => boolean {
  if (pattern.startsWith('~')) {
    let re: RegExp;
    try {
      re = new RegExp(pattern.slice(1));
    } catch (e) {
      throw new PatternError(`"${pattern}" is not a valid regular expression: ${(e as Error).message}`);
    }
    return (n) => re.test(n);
  }
  if (/[*?[]/.test(pattern)) {
    const re = globToRegExp(pattern);
    return (n) => re.test(n);
  }
  return (n) => n === pattern;
}

/** `name[3]`, `name[1:3]`, `name[-1]`: the pattern and its subscript. */
function subscriptOf(pattern: string): { expr: string; slice: [number, number | null] | null } {
  const m = /^(.+)\[(-?\d+)(?::(-?\d*))?\]$/.exec(pattern);
  if (!m || pattern.startsWith('~')) return { expr: pattern, slice: null };
  const start = Number(m[2]);
  if (m[3] === undefined) return { expr: m[1]!, slice: [start, start] };
  return { expr: m[1]!, slice: [start, m[3] === '' ? null : Number(m[3])] };
}

function applySlice(hosts: string[], slice: [number, number | null] | null): string[] {
  if (!slice) return hosts;
  const norm = (i: number) => (i < 0 ? hosts.length + i : i);
  const start = norm(slice[0]);
  const end = slice[1] === null ? hosts.length - 1 : norm(slice[1]);
  return hosts.slice(start, end + 1);
}

function matchOne(inv: Inventory, pattern: string): string[] {
  const { expr, slice } = subscriptOf(pattern);
  const m = matcher(expr);
  const found = new Set<string>();
  const groups = [...inv.groups.keys()].filter(m);
  for (const g of groups) for (const h of inv.hostsOf(g)) found.add(h);
  if (groups.length === 0 || expr.startsWith('~') || /[.?*[]/.test(expr)) {
    for (const h of inv.hosts.keys()) if (m(h)) found.add(h);
  }
  const ordered = [...inv.hosts.keys()].filter((h) => found.has(h));
  return applySlice(ordered, slice);
}

/** The hosts a pattern selects, in inventory order. */
export function selectHosts(inv: Inventory, pattern: string): string[] {
  const words = splitPatterns(pattern);
  if (words.length === 0) throw new PatternError('an empty host pattern selects nothing');
  const plain = words.filter((w) => !w.startsWith('&') && !w.startsWith('!'));
  const intersect = words.filter((w) => w.startsWith('&')).map((w) => w.slice(1));
  const exclude = words.filter((w) => w.startsWith('!')).map((w) => w.slice(1));
  let selected = new Set<string>();
  for (const w of plain.length ? plain : ['all']) for (const h of matchOne(inv, w === '*' ? 'all' : w)) selected.add(h);
  for (const w of intersect) {
    const keep = new Set(matchOne(inv, w));
    selected = new Set([...selected].filter((h) => keep.has(h)));
  }
  for (const w of exclude) for (const h of matchOne(inv, w)) selected.delete(h);
  return [...inv.hosts.keys()].filter((h) => selected.has(h));
}
