import type { ModuleSpec, OptionSpec, RuleSpec } from '../../modules/src/schema/types.js';
import type { ValueFormat } from '../../modules/src/schema/formats.js';
import type { ModuleName } from './modules.js';

// Argument sets built from the module specs: a valid value for any option, the smallest valid task
// of each module, a violation of each cross-option rule, and a deterministic generator of invalid
// argument sets (each knowing which option it breaks, so a test can check the message names it).

/** A value each format accepts, chosen so that it passes every check before the host is read. */
const FORMAT_SAMPLE: Record<ValueFormat, string> = {
  disk: 'hdisk1',
  vg: 'altinst_rootvg',
  abspath: '/tmp/altdisk/file',
  device_or_path: '/dev/rmt0',
  bundle: 'update_all',
  fileset: 'bos.rte.install',
  fix: 'IJ12345',
  installp_flags: '-acgX',
  vrm: '7.3.2',
  platform: 'chrp',
  console: '/dev/vty0',
  bootlist_device: 'hdisk0',
  attr_value: 'hd5',
};

/** Formats whose values are paths: a relative path is wrong for them. */
const PATH_FORMATS: readonly ValueFormat[] = ['abspath', 'device_or_path', 'bundle'];

export function sampleString(o: OptionSpec): string {
  if (o.choices) return String(o.choices.find((c) => c !== o.default) ?? o.choices[0]);
  if (o.format) return FORMAT_SAMPLE[o.format];
  return 'value';
}

/** A valid value of an option that counts as "given" (true for booleans, a one-element list...). */
export function sampleValue(o: OptionSpec): unknown {
  switch (o.type) {
    case 'bool':
      return true;
    case 'int':
      return o.minimum ?? 1;
    case 'list':
      return [sampleString(o)];
    case 'dict':
      return {};
    default:
      return sampleString(o);
  }
}

/** The smallest valid task of each module (what the bad sets start from). */
export const VALID_BASE: Record<ModuleName, Record<string, unknown>> = {
  clone: { targets: ['hdisk1'] },
  mksysb_install: { source: '/dev/rmt0', targets: ['hdisk2'] },
  phase: { phase: '2' },
  cleanup: {},
  bootlist: {},
  facts: {},
};

export interface RuleCase {
  rule: RuleSpec;
  /** Which option of the rule this case gives (forbidden_if: one case per forbidden option). */
  label: string;
  args: Record<string, unknown>;
}

function whenValues(r: Extract<RuleSpec, { when: string }>): unknown[] {
  if (r.kind === 'conflicting_values') return [r.whenValue];
  const v = r.whenValue;
  return v === undefined ? [true] : Array.isArray(v) ? [...(v as unknown[])] : [v];
}

/** One argument set per way of breaking each rule of the spec (valid values otherwise). */
export function ruleCases(name: ModuleName, spec: ModuleSpec): RuleCase[] {
  const base = VALID_BASE[name];
  const valid = (o: string) => sampleValue(spec.options[o]!);
  const out: RuleCase[] = [];
  for (const r of spec.rules) {
    switch (r.kind) {
      case 'mutually_exclusive':
        out.push({ rule: r, label: r.options.join('+'), args: { ...base, ...Object.fromEntries(r.options.map((o) => [o, valid(o)])) } });
        break;
      case 'required_one_of': {
        const args = { ...base };
        for (const o of r.options) delete args[o];
        out.push({ rule: r, label: `none of ${r.options.join(', ')}`, args });
        break;
      }
      case 'requires': {
        const args: Record<string, unknown> = { ...base, [r.option]: valid(r.option) };
        for (const o of r.requires) delete args[o];
        out.push({ rule: r, label: `${r.option} without ${r.requires.join(', ')}`, args });
        break;
      }
      case 'conflicting_values':
        out.push({ rule: r, label: `${r.option}=${String(r.value)} with ${r.when}=${String(r.whenValue)}`, args: { ...base, [r.option]: r.value, [r.when]: r.whenValue } });
        break;
      case 'required_if':
        for (const w of whenValues(r)) {
          const args: Record<string, unknown> = { ...base, [r.when]: w };
          delete args[r.option];
          out.push({ rule: r, label: `${r.when}=${String(w)} without ${r.option}`, args });
        }
        break;
      case 'forbidden_if': {
        const ws = whenValues(r);
        r.options.forEach((o, i) => {
          // Every forbidden option, with the trigger values taken in turn.
          const w = ws[i % ws.length];
          out.push({ rule: r, label: `${o} with ${r.when}=${String(w)}`, args: { ...base, [r.when]: w, [o]: valid(o) } });
        });
        break;
      }
    }
  }
  return out;
}

// ---- the bad-input generator

/** A small, fast, seedable PRNG (mulberry32): the same seed gives the same sets on every run. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type Expectation =
  /** The message names each of these options. */
  | { kind: 'option'; options: string[] }
  /** An unknown key: "unsupported option". */
  | { kind: 'unknown' }
  /** A broken rule: its why is in the message. */
  | { kind: 'rule'; why: string };

export interface BadSet {
  category: string;
  args: Record<string, unknown>;
  expect: Expectation;
}

const HUGE = 100 * 1024;

/** Shell metacharacters wrapped around a valid value: none of them is allowed by any format. */
export function withMetachars(v: string): string[] {
  return [
    `${v};reboot`,
    `${v}|cat /etc/passwd`,
    `${v}&`,
    `${v}&&halt`,
    `$(${v})`,
    `${v}$(reboot)`,
    `\`${v}\``,
    `${v}>/etc/filesystems`,
    `<${v}`,
    `${v} ${v}`,
    `${v}\n`,
    `${v}\t`,
    `'${v}'`,
    `"${v}"`,
    `${v}\\`,
    `${v}*`,
    `${v}?`,
    `${v}#`,
    `{${v}}`,
    `${v}!`,
  ];
}

/** Unicode that must not pass for ASCII names: separators Python splits lines at, emoji, look-alikes. */
export function withUnicode(v: string): string[] {
  return [
    `${v}\u2028`,
    `\u0085${v}`,
    `${v}\u2029`,
    `${v}\u{1F600}`,
    `\u{1F4A3}`,
    `${v}\u00e9`,
    `${v}\u0301`,
    `${v}\u200d`,
    `\u202e${v}`,
    `${v}\u0000`,
    `${v}\ud800`,
    'ｈｄｉｓｋ１',
    'hdisk\u0661',
    '/tmp/\u00e9t\u00e9',
    `${v}\u00a0`,
  ];
}

function relativePaths(): string[] {
  return ['tmp/script.sh', './script.sh', '../etc/passwd', 'script.sh', '~/script.sh', ' /tmp/x', 'C:\\script.sh', 'dev/rmt0'];
}

/** Strings that are wrong for an option of this shape, each with its category. */
function badStrings(o: OptionSpec): [string, string][] {
  const v = sampleString(o);
  const out: [string, string][] = [
    ['empty string', ''],
    ['huge string', (o.format && PATH_FORMATS.includes(o.format) ? '/' : 'a') + 'a'.repeat(HUGE)],
    ...withMetachars(v).map((s): [string, string] => ['shell metacharacters', s]),
    ...withUnicode(v).map((s): [string, string] => ['unicode', s]),
  ];
  if (o.format && PATH_FORMATS.includes(o.format)) out.push(...relativePaths().map((s): [string, string] => ['relative path', s]));
  if (o.choices) out.push(['not a choice', `${v}x`], ['not a choice', v.toUpperCase() === v ? `x${v}` : v.toUpperCase()]);
  return out;
}

/** Wrong types that no conversion turns into a valid value for this option. */
function wrongTypes(o: OptionSpec): unknown[] {
  switch (o.type) {
    case 'bool':
      return ['maybe', 2, -1, 1.5, '', [], [true], {}, { value: true }, 'yes please', 'truex'];
    case 'list':
      return [true, false, {}, { 0: sampleString(o) }, 7.5, o.minItems ? [] : { x: 1 }];
    default:
      return [true, false, [], [sampleString(o)], {}, { value: sampleString(o) }, [[sampleString(o)]]];
  }
}

/** Wrong list contents: element types, bad strings in an element, duplicates, too many entries. */
function badLists(o: OptionSpec): [string, unknown][] {
  const v = sampleString(o);
  const out: [string, unknown][] = [
    ['wrong element type', [true]],
    ['wrong element type', [null]],
    ['wrong element type', [[v]]],
    ['wrong element type', [v, false]],
    ['too many entries', Array.from({ length: 257 }, () => v)],
    ...badStrings(o).map(([c, s]): [string, unknown] => [`${c} in a list element`, [v, s].slice(o.unique && s === v ? 1 : 0)]),
  ];
  if (o.elements !== 'str_or_dict') out.push(['wrong element type', [{}]], ['wrong element type', [{ device: v }]]);
  if (o.unique) out.push(['duplicate elements', [v, v]]);
  if (o.elements === 'str_or_dict') {
    const sub = o.suboptions ?? {};
    out.push(
      ['mapping without device', [{}]],
      ['mapping with an unknown key', [{ device: v, bogus: 'x' }]],
      ['mapping with a wrong device type', [{ device: true }]],
      ['mapping with a wrong device type', [{ device: [v] }]],
    );
    for (const [k, so] of Object.entries(sub)) {
      for (const [c, s] of badStrings(so).filter((_, i) => i % 3 === 0)) out.push([`${c} in ${k}`, [{ device: v, [k]: s }]]);
      out.push([`wrong type in ${k}`, [{ device: v, [k]: { x: 1 } }]]);
    }
  }
  return out;
}

// Names of Object.prototype members are asserted on their own (module-protocol.test.ts).
const PROTOTYPE_KEYS = new Set(['__proto__', 'constructor', 'prototype', 'toString', 'valueOf', 'hasOwnProperty', 'isPrototypeOf', 'propertyIsEnumerable', 'toLocaleString', '__defineGetter__', '__defineSetter__', '__lookupGetter__', '__lookupSetter__']);

function unknownKeyNames(spec: ModuleSpec, rnd: () => number): string[] {
  const optionNames = Object.keys(spec.options);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const letters = 'abcdefghijklmnopqrstuvwxyz_0123456789';
  const word = () => Array.from({ length: 1 + Math.floor(rnd() * 14) }, () => pick([...letters])).join('');
  const near = optionNames.length ? pick(optionNames) : 'targets';
  const names = [
    word(),
    `${word()}_${word()}`,
    near.toUpperCase(),
    `${near}s`,
    `${near} `,
    ` ${near}`,
    `${near}-x`,
    `${near}.x`,
    ...withMetachars(near),
    ...withUnicode(near).filter((n) => !n.includes('\u0000')),
    'k'.repeat(HUGE),
    '',
    ' ',
    'ansible_check_mode',
    '_ansible',
    'ANSIBLE_DIFF',
    'results',
    'failed',
    'changed',
    'msg',
  ];
  return names.filter((n) => !optionNames.includes(n) && !n.startsWith('_ansible_') && !PROTOTYPE_KEYS.has(n));
}

// null is left out: an option set to null counts as not given, and what an UNKNOWN key set to null
// should do is asserted on its own (module-protocol.test.ts).
function anyValue(rnd: () => number): unknown {
  const values: unknown[] = [1, 'x', true, false, [], {}, ['hdisk1'], { a: 1 }, 'hdisk1;reboot', '\u2028', 1.5, -1, 'a'.repeat(1000), ''];
  return values[Math.floor(rnd() * values.length)];
}

/**
 * At least `count` invalid argument sets for a module, deterministic for a seed: every option with
 * every kind of wrong value, unknown keys, missing required options, broken rules, and some sets
 * with two wrong options at once.
 */
export function badInputSets(name: ModuleName, spec: ModuleSpec, count: number, seed: number): BadSet[] {
  const rnd = prng(seed);
  const base = VALID_BASE[name];
  const pool: BadSet[] = [];
  const one = (option: string, category: string, value: unknown): BadSet => ({ category, args: { ...base, [option]: value }, expect: { kind: 'option', options: [option] } });

  for (const [opt, o] of Object.entries(spec.options)) {
    for (const v of wrongTypes(o)) pool.push(one(opt, 'wrong type', v));
    if (o.type === 'list') for (const [c, v] of badLists(o)) pool.push(one(opt, c, v));
    else if (o.type !== 'bool') for (const [c, v] of badStrings(o)) pool.push(one(opt, c, v));
    if (o.required) {
      const args = { ...base };
      delete args[opt];
      pool.push({ category: 'missing required option', args, expect: { kind: 'option', options: [opt] } });
    }
  }
  for (const c of ruleCases(name, spec)) pool.push({ category: 'broken rule', args: c.args, expect: { kind: 'rule', why: c.rule.why } });
  for (const k of unknownKeyNames(spec, rnd)) pool.push({ category: 'unknown key', args: { ...base, [k]: anyValue(rnd) }, expect: { kind: 'unknown' } });

  // Fill up to `count` with random picks: unknown keys with random names and values, and pairs of
  // wrong options (both must be named).
  const singles = pool.filter((s) => s.expect.kind === 'option' && s.category !== 'missing required option');
  const keyNames = unknownKeyNames(spec, rnd);
  let i = 0;
  while (pool.length < count) {
    i++;
    if (singles.length >= 2 && i % 3 !== 0) {
      const a = singles[Math.floor(rnd() * singles.length)]!;
      const b = singles[Math.floor(rnd() * singles.length)]!;
      const [oa] = (a.expect as { options: string[] }).options;
      const [ob] = (b.expect as { options: string[] }).options;
      if (oa === ob) continue;
      pool.push({ category: `two wrong options (${a.category}; ${b.category})`, args: { ...base, [oa!]: a.args[oa!], [ob!]: b.args[ob!] }, expect: { kind: 'option', options: [oa!, ob!] } });
    } else {
      const k = `${keyNames[Math.floor(rnd() * keyNames.length)]!}${Math.floor(rnd() * 1000)}`;
      if (k in spec.options) continue;
      pool.push({ category: 'unknown key', args: { ...base, [k]: anyValue(rnd) }, expect: { kind: 'unknown' } });
    }
  }
  return pool;
}
