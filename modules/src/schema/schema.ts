import type { ModuleSpec, OptionSpec, RuleSpec, WhenValue } from './types.js';
import { FORMATS } from './formats.js';
import { listLimit } from './bounds.js';

// JSON Schema (draft-07, what ajv compiles by default) generated from a ModuleSpec. The module
// validates with it, and the VS Code extension validates playbook tasks with the very same schema.
// Each rule becomes one `allOf` entry, in spec order, so an error's schemaPath `#/allOf/<n>` names
// the rule whose message to show.

export type JsonSchema = Record<string, unknown>;

function stringSchema(o: Pick<OptionSpec, 'format' | 'choices'>): JsonSchema {
  if (o.choices) return { type: 'string', enum: [...o.choices] };
  if (o.format) {
    const f = FORMATS[o.format];
    return { type: 'string', pattern: f.pattern, maxLength: f.maxLength };
  }
  return { type: 'string', maxLength: 4096 };
}

function dictSchema(sub: Record<string, OptionSpec>): JsonSchema {
  const required = Object.entries(sub)
    .filter(([, o]) => o.required)
    .map(([k]) => k);
  return {
    type: 'object',
    properties: Object.fromEntries(Object.entries(sub).map(([k, o]) => [k, optionSchema(o)])),
    additionalProperties: false,
    ...(required.length ? { required } : {}),
  };
}

export function optionSchema(o: OptionSpec): JsonSchema {
  const doc = { description: o.description.join(' ') };
  switch (o.type) {
    case 'bool':
      return { ...doc, type: 'boolean' };
    case 'int':
      return {
        ...doc,
        type: 'integer',
        ...(o.minimum !== undefined ? { minimum: o.minimum } : {}),
        ...(o.maximum !== undefined ? { maximum: o.maximum } : {}),
      };
    case 'str':
    case 'path':
      return { ...doc, ...stringSchema(o) };
    case 'dict':
      return { ...doc, ...dictSchema(o.suboptions ?? {}) };
    case 'raw':
      return { ...doc };
    case 'list': {
      let items: JsonSchema;
      if (o.elements === 'dict') items = dictSchema(o.suboptions ?? {});
      else if (o.elements === 'str_or_dict') items = { anyOf: [stringSchema(o), dictSchema(o.suboptions ?? {})] };
      else items = stringSchema(o);
      return {
        ...doc,
        type: 'array',
        items,
        maxItems: listLimit(o),
        ...(o.minItems !== undefined ? { minItems: o.minItems } : {}),
        ...(o.unique ? { uniqueItems: true } : {}),
      };
    }
  }
}

/** A value counts as given when it is present and not false, "" or []. */
function isGiven(): JsonSchema {
  return { not: { anyOf: [{ const: false }, { const: '' }, { type: 'array', maxItems: 0 }] } };
}

export function ruleSchema(r: RuleSpec): JsonSchema {
  switch (r.kind) {
    case 'mutually_exclusive': {
      const pairs: JsonSchema[] = [];
      for (let i = 0; i < r.options.length; i++) {
        for (let j = i + 1; j < r.options.length; j++) pairs.push({ required: [r.options[i], r.options[j]] });
      }
      return { not: { anyOf: pairs } };
    }
    case 'required_one_of':
      return { anyOf: r.options.map((o) => ({ required: [o] })) };
    case 'requires':
      return {
        if: { required: [r.option], properties: { [r.option]: isGiven() } },
        then: { required: r.requires, properties: Object.fromEntries(r.requires.map((o) => [o, isGiven()])) },
      };
    case 'conflicting_values':
      return {
        not: { required: [r.option, r.when], properties: { [r.option]: { const: r.value }, [r.when]: { const: r.whenValue } } },
      };
    case 'required_if':
      return { if: whenClause(r.when, r.whenValue), then: { required: [r.option] } };
    case 'forbidden_if':
      return { if: whenClause(r.when, r.whenValue), then: { not: { anyOf: r.options.map((o) => ({ required: [o], properties: { [o]: isGiven() } })) } } };
  }
}

function whenClause(when: string, value: WhenValue): JsonSchema {
  const match = value === undefined ? isGiven() : Array.isArray(value) ? { enum: [...value] } : { const: value };
  return { required: [when], properties: { [when]: match } };
}

export function moduleSchema(spec: ModuleSpec): JsonSchema {
  return {
    $id: `altdisk.aix.${spec.name}`,
    title: `altdisk.aix.${spec.name}`,
    description: spec.shortDescription,
    type: 'object',
    properties: Object.fromEntries(Object.entries(spec.options).map(([k, o]) => [k, optionSchema(o)])),
    additionalProperties: false,
    required: Object.entries(spec.options)
      .filter(([, o]) => o.required)
      .map(([k]) => k),
    ...(spec.rules.length ? { allOf: spec.rules.map(ruleSchema) } : {}),
  };
}
