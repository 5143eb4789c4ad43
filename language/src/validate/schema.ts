import { isMap, isPair, isSeq, type Node } from 'yaml';
import type { ModuleSpec, RuleSpec } from '../../../modules/src/schema/types.js';
import type { SchemaError } from '../../../modules/src/schema/errors.js';
import { explainErrors, unknownOptionMessage } from '../../../modules/src/schema/errors.js';
import { coerceParams } from '../../../modules/src/schema/coerce.js';
import { SPECS } from '../../../modules/src/specs/index.js';
import type { ArgEntry, Span, TaskModel } from '../playbook/model.js';
import type { RawFinding } from '../findings.js';
import { COLLECTION } from '../playbook/modules.js';
import { hasTemplate, isTemplate, keyString, nodeSpan } from '../playbook/values.js';
import { VALIDATORS } from './validators.js';
import { closest } from '../distance.js';
import { withPlaceholders } from './placeholders.js';

// Validation of an altdisk task against its module's spec with the module's own validator and
// messages (modules/src/schema): each error lands on the key or value it is about. Jinja values are
// never type errors; the rules they take part in are not judged either.

/** An altdisk task as the rules see it: its options by canonical name, literal values coerced. */
export interface AltdiskTask {
  task: TaskModel;
  module: string;
  spec: ModuleSpec;
  /** Canonical option name -> where it is written. */
  entries: Map<string, ArgEntry>;
  /** Coerced literal options (templated ones left out). */
  literal: Record<string, unknown>;
  /** Options given as Jinja templates (not known before the run). */
  templated: Set<string>;
  /** Some options may come from elsewhere (templated args:, module_defaults). */
  incomplete: boolean;
  /** The arguments pass the module's validation (as far as they are known). */
  valid: boolean;
}

/** The value an option has for the task: literal, else its default; undefined when templated or unset. */
export function optionValue(t: AltdiskTask, name: string): unknown {
  if (t.templated.has(name)) return undefined;
  if (Object.hasOwn(t.literal, name)) return t.literal[name];
  const d = t.spec.options[name]?.default;
  return d === null ? undefined : d;
}

function schemaCode(keyword: string): string {
  switch (keyword) {
    case 'type':
    case 'anyOf':
      return 'schema/wrong-type';
    case 'enum':
      return 'schema/bad-choice';
    case 'required':
      return 'schema/missing-required';
    case 'additionalProperties':
      return 'schema/unknown-option';
    default:
      return 'schema/bad-value';
  }
}

const RULE_CODE: Record<RuleSpec['kind'], string> = {
  mutually_exclusive: 'schema/mutually-exclusive',
  required_one_of: 'schema/missing-required',
  requires: 'schema/requires',
  conflicting_values: 'schema/conflict',
  required_if: 'schema/missing-required',
  forbidden_if: 'schema/forbidden',
};

function ruleOptions(r: RuleSpec): string[] {
  switch (r.kind) {
    case 'mutually_exclusive':
    case 'required_one_of':
      return [...r.options];
    case 'requires':
      return [r.option, ...r.requires];
    case 'conflicting_values':
      return [r.option, r.when];
    case 'required_if':
      return [r.when, r.option];
    case 'forbidden_if':
      return [r.when, ...r.options];
  }
}

/** The YAML node (or value span) at a path below an option: targets/1, normal/0/device. */
function spanAt(entry: ArgEntry, segs: string[], text: string): Span {
  let node: Node | null = entry.node;
  let best: Span = entry.valueSpan;
  for (const s of segs) {
    if (!node) break;
    let next: Node | null = null;
    if (isSeq(node) && /^\d+$/.test(s)) next = (node.items[Number(s)] as Node) ?? null;
    else if (isMap(node)) {
      const p = node.items.find((i) => isPair(i) && keyString(i) === s);
      next = p && isPair(p) ? ((p.value as Node) ?? (p.key as Node)) : null;
    }
    if (!next) break;
    node = next;
    best = nodeSpan(node, text) ?? best;
  }
  return best;
}

/** The original (unplaceholdered) value at a path is, or sits inside, a template. */
function templatedAt(value: unknown, segs: string[]): boolean {
  let v = value;
  for (const s of segs) {
    if (isTemplate(v)) return true;
    if (v === null || typeof v !== 'object') return false;
    v = (v as Record<string, unknown>)[s];
  }
  return hasTemplate(v);
}

function didYouMean(message: string): string | null {
  return /\(did you mean ([A-Za-z0-9_]+)\?\)/.exec(message)?.[1] ?? null;
}

const ALIASES = new Map<string, Map<string, string>>();

function aliasesOf(module: string, spec: ModuleSpec): Map<string, string> {
  let m = ALIASES.get(module);
  if (!m) {
    m = new Map();
    for (const [name, o] of Object.entries(spec.options)) for (const a of o.aliases ?? []) m.set(a, name);
    ALIASES.set(module, m);
  }
  return m;
}

export interface ValidationResult {
  view: AltdiskTask;
  findings: RawFinding[];
}

export function validateAltdiskTask(task: TaskModel, module: string, text: string): ValidationResult {
  const spec = SPECS[module]!;
  const validate = VALIDATORS[module]!;
  const findings: RawFinding[] = [];
  const taskSpan = task.span;
  const modSpan = task.module!.nameSpan;
  const add = (f: Omit<RawFinding, 'taskSpan' | 'suppressible' | 'fixes'> & { fixes?: RawFinding['fixes'] }) =>
    findings.push({ fixes: [], ...f, suppressible: false, taskSpan });

  const aliasOf = aliasesOf(module, spec);

  const entries = new Map<string, ArgEntry>();
  const templated = new Set<string>();
  const raw: Record<string, unknown> = Object.create(null);
  const original: Record<string, unknown> = Object.create(null);
  // `args:` first, then the module's own options: those win, as in Ansible.
  const ordered = [...task.args.filter((e) => e.from === 'args'), ...task.args.filter((e) => e.from !== 'args')];
  for (const e of ordered) {
    const name = aliasOf.get(e.key) ?? e.key;
    const o = Object.hasOwn(spec.options, name) ? spec.options[name] : undefined;
    if (!o) {
      const message = unknownOptionMessage(spec, e.key);
      const guess = didYouMean(message);
      add({
        code: 'schema/unknown-option',
        severity: 'error',
        message: `altdisk.aix.${module}: ${message}`,
        span: e.keySpan,
        option: e.key,
        fixes: guess ? [{ title: `Rename ${e.key} to ${guess}`, edits: [{ span: e.keySpan, newText: guess }], safe: false }] : [],
      });
      continue;
    }
    entries.set(name, e);
    original[e.key] = e.value;
    if (e.templated) templated.add(name);
    raw[e.key] = withPlaceholders(e.value, o);
  }

  const { params, errors: coerceErrors } = coerceParams(spec, raw);
  for (const m of coerceErrors) {
    const name = /^([A-Za-z0-9_]+):/.exec(m)?.[1] ?? '';
    add({ code: 'schema/duplicate-option', severity: 'error', message: `altdisk.aix.${module}: ${m}`, span: entries.get(name)?.keySpan ?? modSpan, option: name });
  }

  const valid = validate(params);
  const errors = (validate.errors ?? []) as SchemaError[];
  const incomplete = task.argsIncomplete;
  const byPath = new Map<string, SchemaError[]>();
  const ruleSeen = new Set<number>();
  let reported = 0;
  for (const e of errors) {
    const rule = /^#\/allOf\/(\d+)\//.exec(e.schemaPath);
    if (rule && e.instancePath === '') {
      const idx = Number(rule[1]);
      if (ruleSeen.has(idx)) continue;
      ruleSeen.add(idx);
      const r = spec.rules[idx];
      if (!r) continue;
      const involved = ruleOptions(r);
      if (involved.some((o) => templated.has(o))) continue;
      if (incomplete && (r.kind === 'required_one_of' || r.kind === 'required_if' || r.kind === 'requires')) continue;
      const code = RULE_CODE[r.kind];
      const message = `altdisk.aix.${module}: ${r.why}`;
      const given = involved.filter((o) => entries.has(o));
      switch (r.kind) {
        case 'mutually_exclusive': {
          const later = given.map((o) => entries.get(o)!).sort((a, b) => b.keySpan[0] - a.keySpan[0])[0];
          add({ code, severity: 'error', message, span: later?.keySpan ?? modSpan, option: later?.key });
          break;
        }
        case 'requires':
          add({ code, severity: 'error', message, span: entries.get(r.option)?.keySpan ?? modSpan, option: r.option });
          break;
        case 'conflicting_values': {
          const en = entries.get(r.option);
          add({ code, severity: 'error', message, span: en ? [en.keySpan[0], en.valueSpan[1]] : modSpan, option: r.option });
          break;
        }
        case 'forbidden_if':
          for (const o of r.options) {
            const en = entries.get(o);
            if (en) add({ code, severity: 'error', message, span: en.keySpan, option: o });
          }
          break;
        default:
          add({ code, severity: 'error', message, span: modSpan });
      }
      reported++;
      continue;
    }
    const list = byPath.get(e.instancePath) ?? [];
    list.push(e);
    byPath.set(e.instancePath, list);
  }

  for (const [path, list] of byPath) {
    const segs = path.split('/').slice(1).map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
    if (segs.length === 0) {
      for (const e of list) {
        if (e.keyword === 'required') {
          if (incomplete) continue;
          const missing = String(e.params.missingProperty);
          const [message] = explainErrors(spec, params, [e]);
          add({ code: 'schema/missing-required', severity: 'error', message: `altdisk.aix.${module}: ${message ?? `${missing} is required`}`, span: modSpan, option: missing });
          reported++;
        }
        // Unknown options were reported on their keys above.
      }
      continue;
    }
    const name = segs[0]!;
    const entry = entries.get(name);
    if (!entry) continue;
    if (templatedAt(original[entry.key], segs.slice(1))) continue;
    const hasType = list.some((e) => e.keyword === 'type' && !/\/anyOf\/\d\//.test(e.schemaPath));
    const tooLong = list.some((e) => e.keyword === 'maxLength');
    for (const e of list) {
      if (hasType && e.keyword !== 'type') continue;
      if (tooLong && e.keyword === 'pattern') continue;
      const messages = explainErrors(spec, params, [e]);
      for (const m of messages) {
        add({ code: schemaCode(e.keyword), severity: 'error', message: `altdisk.aix.${module}: ${m}`, span: spanAt(entry, segs.slice(1), text), option: name });
        reported++;
      }
    }
  }

  const literal: Record<string, unknown> = Object.create(null);
  for (const [k, v] of Object.entries(params)) if (!templated.has(k)) literal[k] = v;
  const view: AltdiskTask = {
    task,
    module,
    spec,
    entries,
    literal,
    templated,
    incomplete,
    valid: (valid || reported === 0) && !findings.some((f) => f.severity === 'error'),
  };
  return { view, findings };
}

/** Module-name findings: an unknown altdisk.aix module, a short name Ansible will not resolve. */
export function moduleNameFindings(task: TaskModel, inPlay: boolean): RawFinding[] {
  const m = task.module;
  if (!m) return [];
  const ref = m.ref;
  if (ref.kind === 'altdisk-unknown') {
    const names = Object.keys(SPECS);
    const guess = closest(ref.name, names);
    return [
      {
        code: 'module/unknown',
        severity: 'error',
        message: `${COLLECTION} has no module ${ref.name}${guess ? ` (did you mean ${COLLECTION}.${guess}?)` : ''}; its modules are ${names.map((n) => `${COLLECTION}.${n}`).join(', ')}`,
        span: m.nameSpan,
        fixes: guess ? [{ title: `Use ${COLLECTION}.${guess}`, edits: [{ span: m.nameSpan, newText: `${COLLECTION}.${guess}` }], safe: false }] : [],
        suppressible: false,
        taskSpan: task.span,
      },
    ];
  }
  if (ref.kind === 'altdisk' && ref.short && !ref.resolvable) {
    const fqcn = `${COLLECTION}.${ref.name}`;
    return [
      {
        code: 'module/short-name',
        severity: inPlay ? 'warning' : 'information',
        message: inPlay
          ? `Ansible finds ${ref.name} as ${fqcn} only when the play, block or task lists collections: [${COLLECTION}]; write ${fqcn}`
          : `${ref.name} is ${fqcn} only where the including play lists collections: [${COLLECTION}]; write ${fqcn}`,
        span: m.nameSpan,
        fixes: [{ title: `Write ${fqcn}`, edits: [{ span: m.nameSpan, newText: fqcn }], safe: true }],
        suppressible: true,
        taskSpan: task.span,
      },
    ];
  }
  return [];
}
