import type { ModuleSpec, OptionSpec } from './types.js';

// Bad input must cost little: a list of 60,000 disk names or a 300,000-character option name is
// refused as quickly as one wrong name. The sizes are checked before any per-element check runs,
// the elements of an oversized list are not examined one by one, and only the first few problems
// are reported (the answer stays small enough to read).

/** Lists take at most this many entries (more disks than any LPAR has, more boot devices than firmware keeps). */
export const MAX_LIST_ITEMS = 256;

/** More than this many keys is not a task anybody wrote; known options are always kept. */
export const MAX_UNKNOWN_KEYS_EXAMINED = 16;

/** The problems reported in one answer; the rest are counted. */
export const MAX_REPORTED_ERRORS = 12;

/** The limit on a list option's entries (the spec may lower it). */
export function listLimit(o: OptionSpec): number {
  return o.maxItems ?? MAX_LIST_ITEMS;
}

export interface BoundedParams {
  /** What the validator examines: oversized lists cut to their limit, surplus unknown keys left out. */
  params: Record<string, unknown>;
  /** The size problems found, already worded. */
  errors: string[];
}

/**
 * Cut the input down to what validation may look at element by element, and say what was too large.
 * Runs in time linear in the number of keys and list entries, whatever their content.
 */
export function boundParams(spec: ModuleSpec, params: Record<string, unknown>): BoundedParams {
  const out: Record<string, unknown> = Object.create(null);
  const errors: string[] = [];
  let unknown = 0;
  for (const [key, value] of Object.entries(params)) {
    const o = Object.hasOwn(spec.options, key) ? spec.options[key] : undefined;
    if (!o) {
      unknown++;
      if (unknown <= MAX_UNKNOWN_KEYS_EXAMINED) out[key] = value;
      continue;
    }
    if (o.type === 'list' && Array.isArray(value) && value.length > listLimit(o)) {
      errors.push(`${key}: the list has ${value.length} entries, more than the ${listLimit(o)} allowed; only the first ${listLimit(o)} were checked`);
      out[key] = value.slice(0, listLimit(o));
      continue;
    }
    out[key] = value;
  }
  if (unknown > MAX_UNKNOWN_KEYS_EXAMINED) {
    errors.push(`${unknown} unsupported options were given (only the first ${MAX_UNKNOWN_KEYS_EXAMINED} are named below); ${spec.name} accepts: ${Object.keys(spec.options).join(', ') || 'no options'}`);
  }
  return { params: out, errors };
}

/** The first problems, and how many more there were. */
export function capErrors(errors: readonly string[], limit = MAX_REPORTED_ERRORS): string[] {
  if (errors.length <= limit) return [...errors];
  return [...errors.slice(0, limit), `... and ${errors.length - limit} more problems of the same kinds`];
}
