import type { ModuleSpec, OptionSpec } from './types.js';

// Ansible hands a non-Python module its options with their YAML types, but ad hoc `-a 'k=v'`
// arguments and key=value words arrive as strings ("true", "3", "hdisk1,hdisk2"). Convert them the
// way AnsibleModule does before validating, so both forms mean the same thing. Anything that does
// not convert is left alone for the validator to reject with a precise message.

const TRUE = new Set(['yes', 'on', '1', 'true', 'y', 't']);
const FALSE = new Set(['no', 'off', '0', 'false', 'n', 'f']);

export function toBool(v: unknown): unknown {
  if (typeof v === 'string') {
    const s = v.trim().toLowerCase();
    if (TRUE.has(s)) return true;
    if (FALSE.has(s)) return false;
  }
  if (v === 1) return true;
  if (v === 0) return false;
  return v;
}

function toInt(v: unknown): unknown {
  if (typeof v === 'string' && /^\s*-?\d{1,15}\s*$/.test(v)) return Number(v.trim());
  return v;
}

function toStr(v: unknown): unknown {
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  return v;
}

function toList(v: unknown, o: OptionSpec): unknown {
  let list: unknown = v;
  if (typeof v === 'string') {
    const t = v.trim();
    if (t.startsWith('[')) {
      try {
        list = JSON.parse(t);
      } catch {
        list = v;
      }
    } else {
      list = t === '' ? [] : t.split(',').map((s) => s.trim());
    }
  }
  if (!Array.isArray(list)) return list;
  if (o.elements === 'str' || o.elements === undefined) return list.map(toStr);
  return list.map((e) => (o.elements === 'str_or_dict' ? toStr(e) : coerceDict(e, o.suboptions ?? {})));
}

function coerceDict(v: unknown, sub: Record<string, OptionSpec>): unknown {
  if (v === null || typeof v !== 'object' || Array.isArray(v)) return v;
  const out: Record<string, unknown> = Object.create(null);
  for (const [k, val] of Object.entries(v as Record<string, unknown>)) {
    const o = Object.hasOwn(sub, k) ? sub[k] : undefined;
    out[k] = o && val !== null ? coerceValue(val, o) : val;
  }
  return out;
}

export function coerceValue(v: unknown, o: OptionSpec): unknown {
  switch (o.type) {
    case 'bool':
      return toBool(v);
    case 'int':
      return toInt(v);
    case 'str':
    case 'path':
      return toStr(v);
    case 'list':
      return toList(v, o);
    case 'dict':
      return coerceDict(v, o.suboptions ?? {});
    default:
      return v;
  }
}

export interface CoerceResult {
  params: Record<string, unknown>;
  errors: string[];
}

/** Canonical names (aliases folded), nulls dropped (an option set to null counts as not given), types converted. */
export function coerceParams(spec: ModuleSpec, raw: Record<string, unknown>): CoerceResult {
  const aliasOf = new Map<string, string>();
  for (const [name, o] of Object.entries(spec.options)) for (const a of o.aliases ?? []) aliasOf.set(a, name);
  // Prototype-less, and options looked up as own keys: "__proto__" or "constructor" are unknown options, not members.
  const params: Record<string, unknown> = Object.create(null);
  const errors: string[] = [];
  for (const [key, value] of Object.entries(raw)) {
    const name = aliasOf.get(key) ?? key;
    const o = Object.hasOwn(spec.options, name) ? spec.options[name] : undefined;
    // null means "not given" for a known option (as in Ansible); an unknown key is reported whatever its value.
    if ((value === null || value === undefined) && o) continue;
    if (Object.hasOwn(params, name)) {
      errors.push(`${name}: given twice (as ${name} and as its alias ${key}); give it once`);
      continue;
    }
    params[name] = o ? coerceValue(value, o) : value;
  }
  return { params, errors };
}

/** Fill defaults after validation: the module code sees every option with its effective value. */
export function withDefaults(spec: ModuleSpec, params: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...params };
  for (const [name, o] of Object.entries(spec.options)) {
    if (out[name] === undefined && o.default !== undefined && o.default !== null) out[name] = structuredClone(o.default);
  }
  return out;
}
