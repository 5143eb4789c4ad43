// One ModuleSpec per module is the single source of truth: the JSON Schema the module validates
// with (ajv, compiled at build time), the Ansible documentation (sidecar YAML for ansible-doc), the
// editor's hover and completion, and the cross-option rules all come from it.

import type { ValueFormat } from './formats.js';

export type OptionType = 'str' | 'bool' | 'int' | 'list' | 'dict' | 'path' | 'raw';

export interface OptionSpec {
  type: OptionType;
  /** For lists: the element type. A 'dict' element uses `suboptions`. 'str_or_dict' accepts either. */
  elements?: 'str' | 'dict' | 'str_or_dict';
  description: readonly string[];
  required?: boolean;
  default?: string | number | boolean | readonly string[] | null;
  choices?: readonly (string | number)[];
  /** What a string (or each list element) must look like. */
  format?: ValueFormat;
  aliases?: readonly string[];
  /** The AIX flag this option becomes, for docs and hover ("-d", "-B"). */
  aixFlag?: string;
  suboptions?: Record<string, OptionSpec>;
  /** Lists: at least this many elements. */
  minItems?: number;
  /** Lists: at most this many elements (default MAX_LIST_ITEMS, schema/bounds.ts). */
  maxItems?: number;
  /** Lists: no repeated elements. */
  unique?: boolean;
  /** Integers: bounds. */
  minimum?: number;
  maximum?: number;
}

/** A value condition: a single value, any of several values, or (undefined) "is given". */
export type WhenValue = string | number | boolean | readonly (string | number | boolean)[] | undefined;

/** Cross-option rules: each becomes a schema clause AND the message shown when it is broken. */
export type RuleSpec =
  | { kind: 'mutually_exclusive'; options: readonly string[]; why: string }
  | { kind: 'required_one_of'; options: readonly string[]; why: string }
  /** When `option` is given (and not false/empty), every option of `requires` must be given too. */
  | { kind: 'requires'; option: string; requires: readonly string[]; why: string }
  /** `option` may not have `value` while `when` has `whenValue` (e.g. bootlist: false with reboot: true). */
  | { kind: 'conflicting_values'; option: string; value: string | number | boolean; when: string; whenValue: string | number | boolean; why: string }
  /** When `when` matches `whenValue`, `option` must be given. */
  | { kind: 'required_if'; when: string; whenValue?: WhenValue; option: string; why: string }
  /** When `when` matches `whenValue`, none of `options` may be given. */
  | { kind: 'forbidden_if'; when: string; whenValue?: WhenValue; options: readonly string[]; why: string };

export interface ReturnSpec {
  description: string;
  returned: string;
  type: 'str' | 'bool' | 'int' | 'list' | 'dict' | 'complex';
  elements?: string;
  sample?: unknown;
  contains?: Record<string, ReturnSpec>;
}

export interface ModuleSpec {
  name: string;
  shortDescription: string;
  description: readonly string[];
  options: Record<string, OptionSpec>;
  rules: readonly RuleSpec[];
  /** YAML text of examples, as ansible-doc shows them. */
  examples: string;
  returns: Record<string, ReturnSpec>;
  notes: readonly string[];
  /** The AIX commands this module runs (docs, and the "requirements" list). */
  requirements: readonly string[];
  /** A module that only reads the host (facts): check mode and diff have nothing to predict. */
  readOnly?: boolean;
  seealso?: readonly { module?: string; name?: string; link?: string; description: string }[];
}

/** Keeps the literal types of a spec (choices, required, defaults) so ParamsOf can type the module's options. */
export function defineSpec<const S extends ModuleSpec>(spec: S): S {
  return spec;
}

type ElementValue<O> = O extends { choices: readonly (infer C)[] } ? C : string;
type DictValue = Record<string, string | number | boolean | undefined>;
type OptionValue<O> = O extends { type: 'bool' }
  ? boolean
  : O extends { type: 'int' }
    ? number
    : O extends { type: 'list'; elements: 'dict' }
      ? DictValue[]
      : O extends { type: 'list'; elements: 'str_or_dict' }
        ? (string | DictValue)[]
        : O extends { type: 'list' }
          ? ElementValue<O>[]
          : O extends { type: 'dict' }
            ? DictValue
            : O extends { type: 'raw' }
              ? unknown
              : ElementValue<O>;
type AlwaysSet<O> = O extends { required: true } ? true : O extends { default: null } ? false : O extends { default: unknown } ? true : false;

/** The options a module's code receives after validation and defaults, typed from its spec. */
export type ParamsOf<S extends ModuleSpec> = {
  -readonly [K in keyof S['options'] as AlwaysSet<S['options'][K]> extends true ? K : never]: OptionValue<S['options'][K]>;
} & {
  -readonly [K in keyof S['options'] as AlwaysSet<S['options'][K]> extends true ? never : K]?: OptionValue<S['options'][K]>;
};
