import type { OptionSpec } from './types.js';
import { FORMATS } from './formats.js';

// Plain-English descriptions of what an option accepts, shared by validation messages, the
// generated docs and the editor's hover.

export function describeElement(o: OptionSpec): string {
  if (o.elements === 'str_or_dict') {
    const name = o.format ? FORMATS[o.format].describe : 'a string';
    return `${name}, or a mapping with ${Object.keys(o.suboptions ?? {}).join(', ')}`;
  }
  if (o.choices) return `one of ${o.choices.join(', ')}`;
  if (o.format) return FORMATS[o.format].describe;
  if (o.elements === 'dict' || o.type === 'dict') {
    const keys = Object.keys(o.suboptions ?? {});
    return `a mapping with ${keys.join(', ')}`;
  }
  return 'a string';
}

export function describeAccepted(o: OptionSpec): string {
  switch (o.type) {
    case 'bool':
      return 'true or false';
    case 'int':
      return o.minimum !== undefined && o.maximum !== undefined ? `a whole number from ${o.minimum} to ${o.maximum}` : 'a whole number';
    case 'list': {
      if (o.format && !o.choices) return `a list of ${FORMATS[o.format].many}`;
      const e = describeElement(o);
      return `a list of ${e.replace(/^an? /, '').replace(/^one of/, 'values, each one of')}`;
    }
    case 'dict':
      return describeElement(o);
    case 'raw':
      return 'any value';
    default:
      return describeElement(o);
  }
}

/** A value as it appears in a message: short, quoted, never a wall of text. */
export function showValue(v: unknown): string {
  if (typeof v === 'string') {
    const s = v.length > 40 ? `${v.slice(0, 37)}...` : v;
    return JSON.stringify(s);
  }
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'a mapping';
  return String(v);
}

export function typeName(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'a mapping';
  if (typeof v === 'number') return Number.isInteger(v) ? `the number ${v}` : `the number ${v}`;
  if (typeof v === 'boolean') return `${v}`;
  return `the string ${showValue(v)}`;
}
