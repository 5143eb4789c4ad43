// INI inventory values go through Python's ast.literal_eval in Ansible: `22` is a number, `'22'` a
// string, `True` a boolean, `[1, 2]` a list, and anything literal_eval refuses stays the text it
// was. This reads the same literals (strings, numbers, booleans, None, lists, tuples, dicts).

class NotALiteral extends Error {}

export function pythonLiteral(text: string): unknown {
  try {
    const p = new Parser(text);
    const v = p.value();
    p.skipSpace();
    // Python's tokenizer drops a trailing comment: `8080 # the port` is 8080.
    if (!p.atEnd() && !p.atComment()) throw new NotALiteral();
    return v;
  } catch (e) {
    if (e instanceof NotALiteral) return text;
    throw e;
  }
}

class Parser {
  private i = 0;
  constructor(private readonly s: string) {}

  atEnd(): boolean {
    return this.i >= this.s.length;
  }

  atComment(): boolean {
    return this.s[this.i] === '#';
  }

  skipSpace(): void {
    while (this.i < this.s.length && /\s/.test(this.s[this.i]!)) this.i++;
  }

  private peek(): string {
    return this.s[this.i] ?? '';
  }

  value(): unknown {
    this.skipSpace();
    const c = this.peek();
    if (c === "'" || c === '"') return this.strings();
    if (c === '[') return this.sequence(']');
    if (c === '(') return this.sequence(')');
    if (c === '{') return this.mapping();
    if (c === '-' || c === '+' || /[0-9.]/.test(c)) return this.number();
    const m = /^[A-Za-z_]\w*/.exec(this.s.slice(this.i));
    if (m) {
      this.i += m[0].length;
      if (m[0] === 'True') return true;
      if (m[0] === 'False') return false;
      if (m[0] === 'None') return null;
    }
    throw new NotALiteral();
  }

  /** Adjacent string literals concatenate, as in Python. */
  private strings(): string {
    let out = this.string();
    for (;;) {
      const save = this.i;
      this.skipSpace();
      const c = this.peek();
      if (c !== "'" && c !== '"') {
        this.i = save;
        return out;
      }
      out += this.string();
    }
  }

  private string(): string {
    const q = this.s[this.i]!;
    const triple = this.s.startsWith(q.repeat(3), this.i);
    const end = triple ? q.repeat(3) : q;
    this.i += end.length;
    let out = '';
    while (this.i < this.s.length) {
      if (this.s.startsWith(end, this.i)) {
        this.i += end.length;
        return out;
      }
      const c = this.s[this.i++]!;
      if (c === '\n' && !triple) throw new NotALiteral();
      if (c !== '\\') {
        out += c;
        continue;
      }
      const e = this.s[this.i++] ?? '';
      const simple: Record<string, string> = { n: '\n', t: '\t', r: '\r', '\\': '\\', "'": "'", '"': '"', a: '\x07', b: '\b', f: '\f', v: '\v', '0': '\0', '\n': '' };
      if (e in simple) out += simple[e];
      else if (e === 'x' || e === 'u' || e === 'U') {
        const len = e === 'x' ? 2 : e === 'u' ? 4 : 8;
        const hex = this.s.slice(this.i, this.i + len);
        if (!/^[0-9a-fA-F]+$/.test(hex) || hex.length !== len) throw new NotALiteral();
        out += String.fromCodePoint(parseInt(hex, 16));
        this.i += len;
      } else out += '\\' + e;
    }
    throw new NotALiteral();
  }

  private number(): number {
    const m = /^[-+]?\s*(0[xX][0-9a-fA-F_]+|0[oO][0-7_]+|0[bB][01_]+|(?:\d[\d_]*)?\.?\d[\d_]*(?:[eE][-+]?\d+)?|\d[\d_]*\.)/.exec(this.s.slice(this.i));
    if (!m) throw new NotALiteral();
    const raw = m[0].replace(/\s+/g, '');
    this.i += m[0].length;
    const sign = raw.startsWith('-') ? -1 : 1;
    const body = raw.replace(/^[-+]/, '').replace(/_/g, '');
    if (/^0[xX]/.test(body)) return sign * parseInt(body.slice(2), 16);
    if (/^0[oO]/.test(body)) return sign * parseInt(body.slice(2), 8);
    if (/^0[bB]/.test(body)) return sign * parseInt(body.slice(2), 2);
    // Python 3 refuses 0755 (leading zeros in a decimal integer): the text stays a string.
    if (/^0\d/.test(body) && !/[.eE]/.test(body)) throw new NotALiteral();
    const n = Number(body);
    if (Number.isNaN(n)) throw new NotALiteral();
    return sign * n;
  }

  private sequence(close: string): unknown[] {
    this.i++;
    const out: unknown[] = [];
    for (;;) {
      this.skipSpace();
      if (this.peek() === close) {
        this.i++;
        return out;
      }
      out.push(this.value());
      this.skipSpace();
      if (this.peek() === ',') this.i++;
      else if (this.peek() !== close) throw new NotALiteral();
    }
  }

  private mapping(): Record<string, unknown> {
    this.i++;
    const out: Record<string, unknown> = {};
    for (;;) {
      this.skipSpace();
      if (this.peek() === '}') {
        this.i++;
        return out;
      }
      const k = this.value();
      this.skipSpace();
      if (this.peek() !== ':') throw new NotALiteral();
      this.i++;
      out[String(k)] = this.value();
      this.skipSpace();
      if (this.peek() === ',') this.i++;
      else if (this.peek() !== '}') throw new NotALiteral();
    }
  }
}
