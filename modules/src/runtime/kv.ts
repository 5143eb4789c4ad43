// key=value words, as Ansible writes them for "old-style" modules and as an admin types them:
// split like a POSIX shell (quotes and backslashes), then split each word at its first "=".

export interface ShellWordsOptions {
  /** A # that starts a word starts a comment (Python's shlex.split(line, comments=True)). */
  comments?: boolean;
  /** What a backslash escapes inside double quotes: a POSIX shell's four, or shlex's two ('"\\'). */
  doubleQuoteEscapes?: string;
  /** The message for an unbalanced quote. */
  unbalanced?: (quote: string) => string;
}

export function shellWords(text: string, opts: ShellWordsOptions = {}): string[] {
  const escapes = opts.doubleQuoteEscapes ?? '"\\$`';
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
      else if (ch === '\\' && i + 1 < text.length && escapes.includes(text[i + 1]!)) cur += text[++i];
      else cur += ch;
      continue;
    }
    if (opts.comments && ch === '#' && !inWord) break;
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
  if (quote) throw new Error(opts.unbalanced ? opts.unbalanced(quote) : `unbalanced ${quote} quote in the key=value arguments`);
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
