// key=value words, as Ansible writes them for "old-style" modules and as an admin types them:
// split like a POSIX shell (quotes and backslashes), then split each word at its first "=".

export function shellWords(text: string): string[] {
  const words: string[] = [];
  let cur = '';
  let inWord = false;
  let quote: '"' | "'" | null = null;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quote === "'") {
      if (ch === "'") quote = null;
      else cur += ch;
      continue;
    }
    if (quote === '"') {
      if (ch === '"') quote = null;
      else if (ch === '\\' && i + 1 < text.length && '"\\$`'.includes(text[i + 1]!)) cur += text[++i];
      else cur += ch;
      continue;
    }
    if (ch === "'" || ch === '"') {
      quote = ch;
      inWord = true;
    } else if (ch === '\\' && i + 1 < text.length) {
      cur += text[++i];
      inWord = true;
    } else if (/\s/.test(ch)) {
      if (inWord) words.push(cur);
      cur = '';
      inWord = false;
    } else {
      cur += ch;
      inWord = true;
    }
  }
  if (quote) throw new Error(`unbalanced ${quote} quote in the key=value arguments`);
  if (inWord) words.push(cur);
  return words;
}

export function parseKeyValueWords(words: string[]): Record<string, string> {
  const out: Record<string, string> = Object.create(null);
  for (const w of words) {
    const eq = w.indexOf('=');
    if (eq <= 0) throw new Error(`"${w.length > 40 ? w.slice(0, 37) + '...' : w}" is not a key=value argument (write options as name=value, or pass JSON)`);
    out[w.slice(0, eq)] = w.slice(eq + 1);
  }
  return out;
}
