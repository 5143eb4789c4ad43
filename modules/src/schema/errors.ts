import type { ModuleSpec, OptionSpec } from './types.js';
import { describeAccepted, describeElement, showValue, typeName } from './describe.js';
import { FORMATS } from './formats.js';

// Turns the schema validator's findings into sentences an admin can act on: each names the option
// (targets[0], normal[1].device), says what was wrong and what the option accepts. Used by the
// modules at run time and by the editor on a playbook.

export interface SchemaError {
  instancePath: string;
  schemaPath: string;
  keyword: string;
  params: Record<string, unknown>;
}

function decode(seg: string): string {
  return seg.replace(/~1/g, '/').replace(/~0/g, '~');
}

function label(segs: string[]): string {
  return segs.map((s, i) => (i === 0 ? s : /^\d+$/.test(s) ? `[${s}]` : `.${s}`)).join('');
}

function valueAt(root: unknown, segs: string[]): unknown {
  let v: unknown = root;
  for (const s of segs) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<string, unknown>)[s];
  }
  return v;
}

/** The spec that governs a location below an option: the option itself, a list element, or a suboption. */
function specAt(option: OptionSpec, rest: string[]): { spec: OptionSpec; element: boolean } {
  let spec = option;
  let element = false;
  for (const s of rest) {
    if (/^\d+$/.test(s) && spec.type === 'list') {
      element = true;
      continue;
    }
    const sub = spec.suboptions?.[s];
    if (!sub) break;
    spec = sub;
    element = false;
  }
  return { spec, element };
}

/**
 * Edit distance of a and b when it is at most `limit`, else null. Two rows and a band of width
 * 2*limit+1: the work is bounded by the shorter name, never by a huge one (a 300,000-character key
 * is dismissed by its length alone).
 */
export function boundedDistance(a: string, b: string, limit: number): number | null {
  if (Math.abs(a.length - b.length) > limit) return null;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = new Array<number>(b.length + 1).fill(limit + 1);
    cur[0] = i;
    let best = cur[0];
    const from = Math.max(1, i - limit);
    const to = Math.min(b.length, i + limit);
    for (let j = from; j <= to; j++) {
      cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (cur[j]! < best) best = cur[j]!;
    }
    if (best > limit) return null;
    prev = cur;
  }
  return prev[b.length]! <= limit ? prev[b.length]! : null;
}

/** The option a misspelt name most likely meant, if any is close enough. */
function closest(name: string, candidates: string[]): string | null {
  const lower = name.toLowerCase();
  const limit = Math.max(2, Math.floor(name.length / 3));
  let best: string | null = null;
  let bestD = Infinity;
  for (const c of candidates) {
    const d = boundedDistance(lower, c, Math.min(limit, c.length));
    if (d !== null && d < bestD) {
      bestD = d;
      best = c;
    }
  }
  return best;
}

export function unknownOptionMessage(spec: ModuleSpec, name: string): string {
  const options = Object.keys(spec.options);
  const guess = closest(name, options);
  const shown = name.length > 40 ? `${name.slice(0, 37)}...` : name;
  const accepted = options.length ? `${spec.name} accepts: ${options.join(', ')}` : `${spec.name} takes no options`;
  return `unsupported option ${JSON.stringify(shown)}${guess ? ` (did you mean ${guess}?)` : ''}; ${accepted}`;
}

function elementBranchMatches(schemaPath: string, value: unknown): boolean {
  const m = /\/anyOf\/(\d)\//.exec(schemaPath);
  if (!m) return true;
  const isString = typeof value === 'string';
  return (m[1] === '0') === isString;
}

export function explainErrors(spec: ModuleSpec, params: Record<string, unknown>, errors: SchemaError[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  const add = (m: string) => {
    if (seen.has(m)) return;
    seen.add(m);
    out.push(m);
  };
  // One message per value: a wrong type says it all; a value too long also fails its pattern.
  const wrongType = new Set(errors.filter((e) => e.keyword === 'type' && !/\/anyOf\/\d\//.test(e.schemaPath)).map((e) => e.instancePath));
  const tooLong = new Set(errors.filter((e) => e.keyword === 'maxLength').map((e) => e.instancePath));
  for (const e of errors) {
    if (e.keyword !== 'type' && e.instancePath !== '' && wrongType.has(e.instancePath)) continue;
    if (e.keyword === 'pattern' && tooLong.has(e.instancePath)) continue;
    const rule = /^#\/allOf\/(\d+)\//.exec(e.schemaPath);
    if (rule && e.instancePath === '') {
      const r = spec.rules[Number(rule[1])];
      if (r) add(r.why);
      continue;
    }
    const segs = e.instancePath.split('/').slice(1).map(decode);
    if (segs.length === 0) {
      if (e.keyword === 'additionalProperties') add(unknownOptionMessage(spec, String(e.params.additionalProperty)));
      else if (e.keyword === 'required') {
        const missing = String(e.params.missingProperty);
        const o = Object.hasOwn(spec.options, missing) ? spec.options[missing] : undefined;
        add(`${missing}: this option is required${o ? `; give ${describeAccepted(o)}` : ''}`);
      } else if (e.keyword === 'type') add('the arguments must be a mapping of option names to values');
      continue;
    }
    const option = Object.hasOwn(spec.options, segs[0]!) ? spec.options[segs[0]!] : undefined;
    if (!option) continue;
    const where = label(segs);
    const value = valueAt(params, segs);
    const { spec: loc, element } = specAt(option, segs.slice(1));
    // A string entry of a "name or mapping" list failed as a name: describe only the name.
    const asName = element && loc.elements === 'str_or_dict' && typeof value === 'string' && loc.format;
    const accepted = asName ? FORMATS[loc.format!].describe : element ? describeElement(loc) : describeAccepted(loc);
    if (e.keyword === 'anyOf') {
      if (typeof value !== 'string' && (value === null || typeof value !== 'object' || Array.isArray(value))) {
        add(`${where}: expected ${accepted}, got ${typeName(value)}`);
      }
      continue;
    }
    if (!elementBranchMatches(e.schemaPath, valueAt(params, segs.slice(0, 2)))) continue;
    switch (e.keyword) {
      case 'type':
        add(`${where}: expected ${accepted}, got ${typeName(value)}`);
        break;
      case 'pattern':
      case 'enum':
        add(`${where}: ${showValue(value)} is not ${accepted}`);
        break;
      case 'maxLength':
        add(`${where}: the value is ${String(value).length} characters long (at most ${String(e.params.limit)}); give ${accepted}`);
        break;
      case 'minItems':
        add(`${where}: the list is empty; give ${accepted}`);
        break;
      case 'maxItems':
        add(`${where}: the list has more than ${String(e.params.limit)} entries`);
        break;
      case 'uniqueItems':
        add(`${where}: lists ${showValue((value as unknown[])[Number(e.params.j)])} more than once`);
        break;
      case 'minimum':
      case 'maximum':
        add(`${where}: ${showValue(value)} is out of range; give ${accepted}`);
        break;
      case 'additionalProperties':
        add(`${where}: unknown key ${showValue(e.params.additionalProperty)}; entries take ${Object.keys(loc.suboptions ?? {}).join(', ')}`);
        break;
      case 'required':
        add(`${where}: needs ${String(e.params.missingProperty)}`);
        break;
      default:
        add(`${where}: ${showValue(value)} is not accepted; give ${accepted}`);
    }
  }
  return out;
}
