import type { FreeText, Span } from '../playbook/model.js';

// Command lines of command/shell/raw/script tasks, split the way a POSIX shell would at ; && || | &
// and line breaks, into simple commands of words (quotes removed) with their source spans. Wrappers
// (sudo, env, nohup, time) and VAR=value prefixes are looked through.

export interface CommandWord {
  text: string;
  span: Span;
}

export interface Invocation {
  /** The program's base name: /usr/sbin/exportvg -> exportvg. */
  program: string;
  /** The program's word and its arguments. */
  words: CommandWord[];
  span: Span;
  /** The task runs this one command and nothing else. */
  whole: boolean;
}

const WRAPPERS = new Set(['sudo', 'env', 'nohup', 'time', 'exec', 'command', 'nice']);
const ANSIBLE_PARAMS = /^(chdir|creates|removes|executable|warn|stdin|stdin_add_newline|strip_empty_ends)=/;

interface Token {
  text: string;
  start: number;
  end: number;
  op: boolean;
}

function tokenize(s: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < s.length) {
    const ch = s[i]!;
    if (ch === '\n' || ch === ';' || ch === '&' || ch === '|' || ch === '(' || ch === ')') {
      const two = s.slice(i, i + 2);
      const len = two === '&&' || two === '||' ? 2 : 1;
      out.push({ text: s.slice(i, i + len), start: i, end: i + len, op: true });
      i += len;
      continue;
    }
    if (/\s/.test(ch)) {
      i++;
      continue;
    }
    if (ch === '#') {
      while (i < s.length && s[i] !== '\n') i++;
      continue;
    }
    const start = i;
    let text = '';
    while (i < s.length) {
      const c = s[i]!;
      if (c === "'") {
        const close = s.indexOf("'", i + 1);
        const end = close < 0 ? s.length : close;
        text += s.slice(i + 1, end);
        i = end + 1;
      } else if (c === '"') {
        i++;
        while (i < s.length && s[i] !== '"') {
          if (s[i] === '\\' && i + 1 < s.length && '"\\$`'.includes(s[i + 1]!)) i++;
          text += s[i];
          i++;
        }
        i++;
      } else if (c === '\\' && i + 1 < s.length) {
        if (s[i + 1] !== '\n') text += s[i + 1];
        i += 2;
      } else if (/\s/.test(c) || ';&|()'.includes(c)) break;
      else {
        text += c;
        i++;
      }
    }
    out.push({ text, start, end: Math.min(i, s.length), op: false });
  }
  return out;
}

export function baseName(word: string): string {
  return word.slice(word.lastIndexOf('/') + 1);
}

export function invocations(free: FreeText, ansibleParams = true): Invocation[] {
  const tokens = tokenize(free.text);
  const groups: Token[][] = [[]];
  for (const t of tokens) {
    if (t.op) groups.push([]);
    else groups[groups.length - 1]!.push(t);
  }
  const out: Invocation[] = [];
  const nonEmpty = groups.filter((g) => g.length > 0);
  for (const g of nonEmpty) {
    let words = g.filter((t) => !(ansibleParams && ANSIBLE_PARAMS.test(t.text)));
    // Look through VAR=value prefixes and wrappers (sudo -u user, env A=B, nohup).
    for (;;) {
      const first = words[0];
      if (!first) break;
      if (/^[A-Za-z_][A-Za-z0-9_]*=/.test(first.text)) words = words.slice(1);
      else if (WRAPPERS.has(baseName(first.text))) {
        words = words.slice(1);
        while (words[0] && words[0].text.startsWith('-')) {
          const opt = words[0].text;
          words = words.slice(1);
          if ((opt === '-u' || opt === '-g' || opt === '-n') && words[0]) words = words.slice(1);
        }
      } else break;
    }
    if (words.length === 0) continue;
    const cw = words.map((t) => ({ text: t.text, span: [free.at(t.start), free.at(t.end - 1) + 1] as Span }));
    out.push({ program: baseName(cw[0]!.text), words: cw, span: [cw[0]!.span[0], cw[cw.length - 1]!.span[1]], whole: nonEmpty.length === 1 });
  }
  return out;
}

export interface ParsedFlags {
  /** Flag letter -> its value word (null for a flag without value), in order of appearance. */
  flags: { letter: string; value: CommandWord | null; span: Span }[];
  operands: CommandWord[];
  /** Letters that are not flags of the command. */
  unknown: string[];
}

/**
 * getopt-style flags: `withArg` letters take a value (attached -dhdisk1 or the next word), `bool`
 * letters may be grouped (-DBV). Words that are not flags are operands.
 */
export function parseFlags(words: CommandWord[], withArg: string, bool: string): ParsedFlags {
  const out: ParsedFlags = { flags: [], operands: [], unknown: [] };
  for (let i = 1; i < words.length; i++) {
    const w = words[i]!;
    if (w.text === '--') {
      out.operands.push(...words.slice(i + 1));
      break;
    }
    if (!w.text.startsWith('-') || w.text.length < 2) {
      out.operands.push(w);
      continue;
    }
    for (let k = 1; k < w.text.length; k++) {
      const letter = w.text[k]!;
      if (withArg.includes(letter)) {
        const rest = w.text.slice(k + 1);
        if (rest) {
          const start = w.span[0] + k + 1;
          out.flags.push({ letter, value: { text: rest, span: [Math.min(start, w.span[1]), w.span[1]] }, span: w.span });
        } else {
          const next = words[i + 1] ?? null;
          out.flags.push({ letter, value: next, span: next ? [w.span[0], next.span[1]] : w.span });
          if (next) i++;
        }
        break;
      }
      if (!bool.includes(letter)) out.unknown.push(letter);
      out.flags.push({ letter, value: null, span: w.span });
    }
  }
  return out;
}
