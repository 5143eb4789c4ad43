// Identical answers from many hosts shown once, as `dshbak -c` does, with the hosts' names
// compressed the way pdsh's hostlists are (lpar[01-03,07]).

export interface AnswerGroup {
  hosts: string[];
  /** The text the hosts share. */
  text: string;
}

/** Hosts grouped by identical text, in the order of each group's first host. */
export function groupIdentical(items: { host: string; text: string }[]): AnswerGroup[] {
  const groups = new Map<string, AnswerGroup>();
  for (const { host, text } of items) {
    const g = groups.get(text);
    if (g) g.hosts.push(host);
    else groups.set(text, { hosts: [host], text });
  }
  return [...groups.values()];
}

/** lpar01 lpar02 lpar03 lpar07 aix → lpar[01-03,07],aix (zero padding kept). */
export function compressHostList(hosts: string[]): string {
  const byPrefix = new Map<string, { width: number; n: number; raw: string }[]>();
  const order: string[] = [];
  for (const h of hosts) {
    const m = /^(.*?)(\d+)$/.exec(h);
    // Same prefix and as many digits: one series (lpar01..lpar20); lpar9 and lpar10 are two.
    const key = m ? `${m[1]}\u0000${m[2]!.length}` : `${h}\u0001`;
    if (!byPrefix.has(key)) {
      byPrefix.set(key, []);
      order.push(key);
    }
    byPrefix.get(key)!.push(m ? { width: m[2]!.length, n: Number(m[2]), raw: m[2]! } : { width: 0, n: -1, raw: '' });
  }
  const parts: string[] = [];
  for (const key of order) {
    const items = byPrefix.get(key)!;
    if (key.endsWith('\u0001')) {
      parts.push(key.slice(0, -1));
      continue;
    }
    const prefix = key.slice(0, key.indexOf('\u0000'));
    if (items.length === 1) {
      parts.push(prefix + items[0]!.raw);
      continue;
    }
    const sorted = [...items].sort((a, b) => a.n - b.n);
    const ranges: string[] = [];
    for (let i = 0; i < sorted.length; ) {
      let j = i;
      while (j + 1 < sorted.length && sorted[j + 1]!.n === sorted[j]!.n + 1) j++;
      ranges.push(i === j ? sorted[i]!.raw : `${sorted[i]!.raw}-${sorted[j]!.raw}`);
      i = j + 1;
    }
    parts.push(`${prefix}[${ranges.join(',')}]`);
  }
  return parts.join(',');
}
