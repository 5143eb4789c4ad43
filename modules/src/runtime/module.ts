import type { ModuleSpec, ParamsOf } from '../schema/types.js';
import type { Validator } from '../schema/validator.js';
import { coerceParams, toBool, withDefaults } from '../schema/coerce.js';
import { explainErrors } from '../schema/errors.js';
import { boundParams, capErrors } from '../schema/bounds.js';
import { ArgsError, readRawArgs, type RawArgs } from './args.js';
import { emitResult } from './output.js';
import { ModuleFailure } from './failure.js';
import { installInterruptHandlers } from './interrupt.js';

// The protocol every module shares: read the arguments, separate Ansible's internal keys, validate
// against the spec (nothing touches the host before the arguments are right), run, and answer with
// exactly one JSON object — also when something unexpected happens.

export interface ModuleContext {
  checkMode: boolean;
  diff: boolean;
  verbosity: number;
  noLog: boolean;
  /** As Ansible resolved it (altdisk.aix.clone), or the spec name when run directly. */
  moduleName: string;
  viaAnsible: boolean;
}

export type ModuleResult = Record<string, unknown> & { changed?: boolean; failed?: boolean; msg?: string };

export type ModuleMain<S extends ModuleSpec> = (params: ParamsOf<S>, ctx: ModuleContext) => Promise<ModuleResult>;

function split(values: Record<string, unknown>): { params: Record<string, unknown>; internal: Record<string, unknown> } {
  // Prototype-less: a key named __proto__ or constructor is data here, never an inherited member.
  const params: Record<string, unknown> = Object.create(null);
  const internal: Record<string, unknown> = Object.create(null);
  for (const [k, v] of Object.entries(values)) (k.startsWith('_ansible_') ? internal : params)[k] = v;
  return { params, internal };
}

/**
 * Check mode fails closed: `_ansible_check_mode` is true or false (or a word Ansible's booleans
 * accept: yes/no, on/off, 1/0...). Any other value present ("maybe", 2, {}, null) is refused before
 * anything runs, because reading it as "not check mode" would run for real what was meant as a
 * preview (CHECK_MODE_CONTRACT, specs/common.ts).
 */
export function checkModeOf(internal: Record<string, unknown>): { checkMode: boolean } | { error: string } {
  if (!Object.hasOwn(internal, '_ansible_check_mode')) return { checkMode: false };
  const v = toBool(internal._ansible_check_mode);
  if (v === true || v === false) return { checkMode: v };
  const shown = JSON.stringify(internal._ansible_check_mode) ?? String(internal._ansible_check_mode);
  return {
    error: `_ansible_check_mode is ${shown.length > 40 ? shown.slice(0, 37) + '...' : shown}, neither true nor false: nothing was run. A check-mode request is never run for real; pass true (check mode) or false (a real run).`,
  };
}

function contextOf(spec: ModuleSpec, internal: Record<string, unknown>, viaAnsible: boolean, checkMode: boolean): ModuleContext {
  // key=value words bring "yes"/"1"/"on": a check-mode request must never be read as a real run.
  const bool = (v: unknown) => toBool(v) === true;
  return {
    checkMode,
    diff: bool(internal._ansible_diff),
    verbosity: typeof internal._ansible_verbosity === 'number' ? internal._ansible_verbosity : 0,
    noLog: bool(internal._ansible_no_log),
    moduleName: typeof internal._ansible_module_name === 'string' ? internal._ansible_module_name : spec.name,
    viaAnsible,
  };
}

/** Keys Ansible reserves or strips: never send them back. */
function sanitize(result: ModuleResult): ModuleResult {
  const out: ModuleResult = {};
  for (const [k, v] of Object.entries(result)) {
    if (k.startsWith('_ansible_') || v === undefined) continue;
    out[k === 'results' ? 'module_results' : k] = v;
  }
  out.changed = out.changed === true;
  if (out.failed !== true) delete out.failed;
  return out;
}

function failure(msg: string, extra: Record<string, unknown> = {}): ModuleResult {
  return { changed: false, failed: true, msg, ...extra };
}

export function validateParams<S extends ModuleSpec>(spec: S, validate: Validator, raw: Record<string, unknown>): { params: ParamsOf<S> } | { errors: string[] } {
  // Sizes first: an oversized list or a flood of unknown keys is cut before any per-element work.
  const bounded = boundParams(spec, raw);
  const { params, errors } = coerceParams(spec, bounded.params);
  const sized = boundParams(spec, params);
  const valid = validate(sized.params);
  const all = [...bounded.errors, ...sized.errors, ...errors, ...(valid ? [] : explainErrors(spec, sized.params, validate.errors ?? []))];
  if (all.length > 0) return { errors: capErrors(all) };
  return { params: withDefaults(spec, params) as ParamsOf<S> };
}

export type Admission<S extends ModuleSpec> = { answer: ModuleResult } | { params: ParamsOf<S>; ctx: ModuleContext };

/**
 * Everything before a module may touch the host: read the arguments, separate Ansible's keys,
 * check mode, validation. The answer of a refusal is exactly what the module prints. The tests
 * run thousands of bad inputs through this entry in process (and a sample through the bundles).
 */
export function admit<S extends ModuleSpec>(spec: S, validate: Validator, read: () => RawArgs): Admission<S> {
  let raw: RawArgs;
  try {
    raw = read();
  } catch (e) {
    if (e instanceof ArgsError) return { answer: failure(`${spec.name}: ${e.message}`) };
    throw e;
  }
  const { params: given, internal } = split(raw.values);
  const check = checkModeOf(internal);
  if ('error' in check) return { answer: failure(`${spec.name}: ${check.error}`) };
  const ctx = contextOf(spec, internal, raw.source === 'ansible-embedded' || raw.source === 'args-file', check.checkMode);
  const checked = validateParams(spec, validate, given);
  if ('errors' in checked) return { answer: failure(`${spec.name}: invalid arguments: ${checked.errors.join('; ')}`, { invalid_arguments: checked.errors }) };
  return { params: checked.params, ctx };
}

export function runModule<S extends ModuleSpec>(spec: S, validate: Validator, main: ModuleMain<S>): void {
  const crash = (e: unknown) => {
    const err = e instanceof Error ? e : new Error(String(e));
    emitResult(failure(`altdisk ${spec.name}: internal error: ${err.message}. Nothing more was run; please report this with the exception text.`, { exception: err.stack ?? err.message }));
  };
  process.on('uncaughtException', crash);
  process.on('unhandledRejection', crash);
  // Until a task takes over the signals (runtime/planned.ts), nothing has been changed.
  installInterruptHandlers((sig) =>
    emitResult(failure(`${spec.name}: interrupted by ${sig} before it changed anything on the host: nothing was run. Run the task again when you are ready.`, { interrupted: sig })),
  );

  void (async () => {
    const admitted = admit(spec, validate, () => readRawArgs());
    if ('answer' in admitted) return emitResult(admitted.answer);
    const { params, ctx } = admitted;
    let result: ModuleResult;
    try {
      result = await main(params, ctx);
    } catch (e) {
      if (!(e instanceof ModuleFailure)) throw e;
      result = failure(e.message, e.extra);
    }
    if (!ctx.noLog) result.invocation = { module_args: params };
    emitResult(sanitize(result));
  })().catch(crash);
}
