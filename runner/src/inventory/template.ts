import * as path from 'node:path';

// Inventory variables may be Jinja templates ("{{ altdisk_sim_root }}/{{ inventory_hostname }}").
// Ansible renders them when a task uses them; the runner renders the few it reads (connection
// variables, altdisk_env) with this subset of Jinja: variables, attributes and subscripts,
// string and number literals, lists and dicts, ~ + - * /, comparisons, and/or/not, `x if c else y`,
// the tests defined/undefined/none, lookup('env', NAME), and the filters default (d), lower, upper,
// string, int, bool, trim, basename, dirname, replace, join, length, first, last.
// Anything else is refused with a message naming it (never guessed).

export class TemplateError extends Error {}

const UNDEFINED: unique symbol = Symbol('undefined');
type Value = unknown;

interface Token {
  kind: 'name' | 'string' | 'number' | 'op' | 'end';
  text: string;
  value?: unknown;
}

function tokenize(expr: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < expr.length) {
    const c = expr[i]!;
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    if (c === "'" || c === '"') {
      let s = '';
      i++;
      while (i < expr.length && expr[i] !== c) {
        if (expr[i] === '\\' && i + 1 < expr.length) {
          const e = expr[++i]!;
          s += ({ n: '\n', t: '\t', r: '\r' } as Record<string, string>)[e] ?? e;
        } else s += expr[i];
        i++;
      }
      if (i >= expr.length) throw new TemplateError(`an unterminated string in "${expr}"`);
      i++;
      out.push({ kind: 'string', text: s, value: s });
      continue;
    }
    const num = /^\d+(\.\d+)?/.exec(expr.slice(i));
    if (num) {
      out.push({ kind: 'number', text: num[0], value: Number(num[0]) });
      i += num[0].length;
      continue;
    }
    const name = /^[A-Za-z_]\w*/.exec(expr.slice(i));
    if (name) {
      out.push({ kind: 'name', text: name[0] });
      i += name[0].length;
      continue;
    }
    const op = /^(==|!=|<=|>=|\/\/|[~+\-*/%()[\]{}.,|:<>=])/.exec(expr.slice(i));
    if (!op) throw new TemplateError(`"${c}" is not understood in "${expr}"`);
    out.push({ kind: 'op', text: op[0] });
    i += op[0].length;
  }
  out.push({ kind: 'end', text: '' });
  return out;
}

export type Lookup = (name: string) => Value | typeof UNDEFINED;

function truthy(v: Value): boolean {
  if (v === UNDEFINED || v === null || v === false || v === 0 || v === '') return false;
  if (Array.isArray(v)) return v.length > 0;
  if (typeof v === 'object') return Object.keys(v as object).length > 0;
  return true;
}

function str(v: Value): string {
  if (v === UNDEFINED) throw new TemplateError('an undefined value cannot become text');
  if (v === null) return 'None';
  if (v === true) return 'True';
  if (v === false) return 'False';
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v);
}

class Parser {
  private i = 0;
  constructor(
    private readonly tokens: Token[],
    private readonly expr: string,
    private readonly lookup: Lookup,
  ) {}

  private peek(text?: string): boolean {
    const t = this.tokens[this.i]!;
    return text === undefined ? false : t.text === text && t.kind !== 'string';
  }

  private next(): Token {
    return this.tokens[this.i++]!;
  }

  private expect(text: string): void {
    const t = this.next();
    if (t.text !== text || t.kind === 'string') throw new TemplateError(`expected "${text}" in "${this.expr}", found "${t.text}"`);
  }

  parseAll(): Value {
    const v = this.ternary();
    if (this.tokens[this.i]!.kind !== 'end') throw new TemplateError(`"${this.tokens[this.i]!.text}" is not understood in "${this.expr}"`);
    return v;
  }

  private ternary(): Value {
    const v = this.or();
    if (this.peek('if')) {
      this.next();
      const cond = this.or();
      let other: Value = UNDEFINED;
      if (this.peek('else')) {
        this.next();
        other = this.ternary();
      }
      return truthy(cond) ? v : other;
    }
    return v;
  }

  private or(): Value {
    let v = this.and();
    while (this.peek('or')) {
      this.next();
      const r = this.and();
      v = truthy(v) ? v : r;
    }
    return v;
  }

  private and(): Value {
    let v = this.not();
    while (this.peek('and')) {
      this.next();
      const r = this.not();
      v = truthy(v) ? r : v;
    }
    return v;
  }

  private not(): Value {
    if (this.peek('not')) {
      this.next();
      return !truthy(this.not());
    }
    return this.compare();
  }

  private compare(): Value {
    let v = this.add();
    for (;;) {
      const t = this.tokens[this.i]!;
      if (t.kind === 'op' && ['==', '!=', '<', '>', '<=', '>='].includes(t.text)) {
        this.next();
        const r = this.add();
        const a = v as number;
        const b = r as number;
        v = { '==': JSON.stringify(v) === JSON.stringify(r), '!=': JSON.stringify(v) !== JSON.stringify(r), '<': a < b, '>': a > b, '<=': a <= b, '>=': a >= b }[t.text];
      } else if (this.peek('in') || (this.peek('not') && this.tokens[this.i + 1]?.text === 'in')) {
        const negate = this.next().text === 'not';
        if (negate) this.next();
        const r = this.add();
        const has = Array.isArray(r) ? r.some((x) => JSON.stringify(x) === JSON.stringify(v)) : typeof r === 'string' ? r.includes(str(v)) : r !== null && typeof r === 'object' ? Object.prototype.hasOwnProperty.call(r, str(v)) : false;
        v = negate ? !has : has;
      } else return v;
    }
  }

  private add(): Value {
    let v = this.concat();
    while (this.peek('+') || this.peek('-')) {
      const op = this.next().text;
      const r = this.concat();
      if (op === '+' && typeof v === 'string' && typeof r === 'string') v = v + r;
      else if (op === '+' && Array.isArray(v) && Array.isArray(r)) v = [...v, ...r];
      else if (typeof v === 'number' && typeof r === 'number') v = op === '+' ? v + r : v - r;
      else throw new TemplateError(`cannot ${op === '+' ? 'add' : 'subtract'} ${str(r)} and ${str(v)} in "${this.expr}"`);
    }
    return v;
  }

  private concat(): Value {
    let v = this.mul();
    while (this.peek('~')) {
      this.next();
      v = str(v) + str(this.mul());
    }
    return v;
  }

  private mul(): Value {
    let v = this.unary();
    while (this.peek('*') || this.peek('/') || this.peek('//') || this.peek('%')) {
      const op = this.next().text;
      const r = this.unary();
      if (typeof v !== 'number' || typeof r !== 'number') throw new TemplateError(`"${op}" needs numbers in "${this.expr}"`);
      v = op === '*' ? v * r : op === '/' ? v / r : op === '//' ? Math.floor(v / r) : v % r;
    }
    return v;
  }

  private unary(): Value {
    if (this.peek('-')) {
      this.next();
      const v = this.unary();
      if (typeof v !== 'number') throw new TemplateError(`"-" needs a number in "${this.expr}"`);
      return -v;
    }
    return this.postfix(this.primary());
  }

  private args(): { positional: Value[]; named: Record<string, Value> } {
    const positional: Value[] = [];
    const named: Record<string, Value> = {};
    this.expect('(');
    while (!this.peek(')')) {
      const t = this.tokens[this.i]!;
      if (t.kind === 'name' && this.tokens[this.i + 1]?.text === '=' && this.tokens[this.i + 1]?.kind === 'op') {
        this.i += 2;
        named[t.text] = this.ternary();
      } else positional.push(this.ternary());
      if (!this.peek(',')) break;
      this.next();
    }
    this.expect(')');
    return { positional, named };
  }

  private primary(): Value {
    const t = this.next();
    if (t.kind === 'string' || t.kind === 'number') return t.value;
    if (t.kind === 'op' && t.text === '(') {
      const v = this.ternary();
      this.expect(')');
      return v;
    }
    if (t.kind === 'op' && t.text === '[') {
      const out: Value[] = [];
      while (!this.peek(']')) {
        out.push(this.ternary());
        if (!this.peek(',')) break;
        this.next();
      }
      this.expect(']');
      return out;
    }
    if (t.kind === 'op' && t.text === '{') {
      const out: Record<string, Value> = {};
      while (!this.peek('}')) {
        const k = this.ternary();
        this.expect(':');
        out[str(k)] = this.ternary();
        if (!this.peek(',')) break;
        this.next();
      }
      this.expect('}');
      return out;
    }
    if (t.kind === 'name') {
      if (t.text === 'true' || t.text === 'True') return true;
      if (t.text === 'false' || t.text === 'False') return false;
      if (t.text === 'none' || t.text === 'None') return null;
      if (t.text === 'lookup' || t.text === 'query' || t.text === 'q') {
        const { positional, named } = this.args();
        const plugin = str(positional[0]);
        if (plugin !== 'env' && plugin !== 'ansible.builtin.env') throw new TemplateError(`lookup('${plugin}') is not supported by altdisk's templates (only lookup('env', NAME)) in "${this.expr}"`);
        const values = positional.slice(1).map((n) => process.env[str(n)] ?? (named.default !== undefined ? named.default : ''));
        return t.text === 'lookup' ? (values.length === 1 ? values[0] : values.join(',')) : values;
      }
      return this.lookup(t.text);
    }
    throw new TemplateError(`"${t.text}" is not understood in "${this.expr}"`);
  }

  private postfix(v: Value): Value {
    for (;;) {
      if (this.peek('.')) {
        this.next();
        const name = this.next().text;
        v = v !== null && typeof v === 'object' && name in (v as object) ? (v as Record<string, Value>)[name] : UNDEFINED;
      } else if (this.peek('[')) {
        this.next();
        const k = this.ternary();
        this.expect(']');
        if (Array.isArray(v) && typeof k === 'number') v = k < 0 ? v[v.length + k] : v[k];
        else if (v !== null && typeof v === 'object' && str(k) in (v as object)) v = (v as Record<string, Value>)[str(k)];
        else v = UNDEFINED;
        if (v === undefined) v = UNDEFINED;
      } else if (this.peek('|')) {
        this.next();
        v = this.filter(v);
      } else if (this.peek('is')) {
        this.next();
        let negate = false;
        if (this.peek('not')) {
          this.next();
          negate = true;
        }
        const test = this.next().text;
        const r = test === 'defined' ? v !== UNDEFINED : test === 'undefined' ? v === UNDEFINED : test === 'none' ? v === null : test === 'string' ? typeof v === 'string' : test === 'number' ? typeof v === 'number' : null;
        if (r === null) throw new TemplateError(`the test "${test}" is not supported by altdisk's templates in "${this.expr}"`);
        v = negate ? !r : r;
      } else return v;
    }
  }

  private filter(v: Value): Value {
    const name = this.next().text;
    const { positional } = this.peek('(') ? this.args() : { positional: [] as Value[] };
    const need = (x: Value) => {
      if (x === UNDEFINED) throw new TemplateError(`the filter "${name}" got an undefined value in "${this.expr}"`);
      return x;
    };
    switch (name) {
      case 'default':
      case 'd':
        return v === UNDEFINED || (positional[1] === true && !truthy(v)) ? (positional[0] ?? '') : v;
      case 'lower':
        return str(need(v)).toLowerCase();
      case 'upper':
        return str(need(v)).toUpperCase();
      case 'string':
        return str(need(v));
      case 'trim':
        return str(need(v)).trim();
      case 'int': {
        const n = parseInt(str(need(v)), 10);
        return Number.isNaN(n) ? (positional[0] ?? 0) : n;
      }
      case 'bool': {
        const s = str(need(v)).toLowerCase();
        return ['yes', 'on', '1', 'true', 'y', 't'].includes(s);
      }
      case 'basename':
        return path.posix.basename(str(need(v)));
      case 'dirname':
        return path.posix.dirname(str(need(v)));
      case 'replace':
        return str(need(v)).split(str(positional[0])).join(str(positional[1] ?? ''));
      case 'join':
        return (need(v) as Value[]).map(str).join(positional[0] === undefined ? '' : str(positional[0]));
      case 'length':
      case 'count':
        return Array.isArray(need(v)) || typeof v === 'string' ? (v as string | Value[]).length : Object.keys(v as object).length;
      case 'first':
        return (need(v) as Value[])[0] ?? UNDEFINED;
      case 'last': {
        const a = need(v) as Value[];
        return a[a.length - 1] ?? UNDEFINED;
      }
      default:
        throw new TemplateError(`the filter "${name}" is not supported by altdisk's templates in "${this.expr}"`);
    }
  }
}

export function isTemplate(v: unknown): boolean {
  return typeof v === 'string' && (v.includes('{{') || v.includes('{%'));
}

/** Render one template string; a string that is exactly one {{ expression }} keeps the expression's type. */
export function renderTemplate(text: string, lookup: Lookup): unknown {
  if (text.includes('{%')) throw new TemplateError(`statements ({% ... %}) are not supported by altdisk's templates: "${text}"`);
  const stripped = text.replace(/\{#[\s\S]*?#\}/g, '');
  const parts: unknown[] = [];
  let rest = stripped;
  while (rest.length > 0) {
    const open = rest.indexOf('{{');
    if (open < 0) {
      parts.push(rest);
      break;
    }
    if (open > 0) parts.push(rest.slice(0, open));
    const close = rest.indexOf('}}', open + 2);
    if (close < 0) throw new TemplateError(`an unclosed {{ in "${text}"`);
    const expr = rest.slice(open + 2, close).trim();
    const v = new Parser(tokenize(expr), expr, lookup).parseAll();
    if (v === UNDEFINED) throw new TemplateError(`"${expr}" is undefined`);
    parts.push({ value: v });
    rest = rest.slice(close + 2);
  }
  if (parts.length === 1 && typeof parts[0] === 'object' && parts[0] !== null) return (parts[0] as { value: unknown }).value;
  return parts.map((p) => (typeof p === 'string' ? p : str((p as { value: unknown }).value))).join('');
}

/**
 * A host's variables with templates rendered on demand: get('ansible_host') renders that variable
 * (and whatever it refers to), deeply for lists and mappings, and detects loops.
 */
export function templatedVars(vars: Record<string, unknown>): { get(name: string): unknown; has(name: string): boolean } {
  const cache = new Map<string, unknown>();
  const busy = new Set<string>();
  const deep = (v: unknown, lookup: Lookup): unknown => {
    if (typeof v === 'string') return isTemplate(v) ? renderTemplate(v, lookup) : v;
    if (Array.isArray(v)) return v.map((x) => deep(x, lookup));
    if (v !== null && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, deep(x, lookup)]));
    return v;
  };
  const get = (name: string): unknown => {
    if (cache.has(name)) return cache.get(name);
    if (!Object.prototype.hasOwnProperty.call(vars, name)) return UNDEFINED;
    if (busy.has(name)) throw new TemplateError(`the variable ${name} refers to itself`);
    busy.add(name);
    try {
      const v = deep(vars[name], get);
      cache.set(name, v);
      return v;
    } catch (e) {
      if (e instanceof TemplateError && !e.message.startsWith(`${name}: `)) throw new TemplateError(`${name}: ${e.message}`);
      throw e;
    } finally {
      busy.delete(name);
    }
  };
  return {
    get: (name) => {
      const v = get(name);
      return v === UNDEFINED ? undefined : v;
    },
    has: (name) => Object.prototype.hasOwnProperty.call(vars, name),
  };
}
