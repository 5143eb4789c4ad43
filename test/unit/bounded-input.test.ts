import { test } from 'node:test';
import assert from 'node:assert/strict';
import { validateParams } from '../../modules/src/runtime/module.js';
import { boundedDistance, unknownOptionMessage } from '../../modules/src/schema/errors.js';
import { MAX_LIST_ITEMS, MAX_REPORTED_ERRORS } from '../../modules/src/schema/bounds.js';
import { cloneSpec } from '../../modules/src/specs/clone.js';
import { bootlistSpec } from '../../modules/src/specs/bootlist.js';
import type { Validator } from '../../modules/src/schema/validator.js';
import { validate as validateClone } from '../../modules/src/generated/validate-clone.js';
import { validate as validateBootlist } from '../../modules/src/generated/validate-bootlist.js';

// Issue 8, class 6: bad input costs bounded work. The checks are structural (what the validator is
// handed, how many problems come back, how large the answer is), never timed: 60,000 bad disk names
// took over 10 s and a 2.5 MB answer, a 300,000-character option name 7 s and 486 MB.

/** The validator, recording the largest list it was ever handed. */
function watching(validate: Validator): { validate: Validator; largest: () => number } {
  let largest = 0;
  const wrapped: Validator = (data: unknown) => {
    for (const v of Object.values(data as Record<string, unknown>)) if (Array.isArray(v)) largest = Math.max(largest, v.length);
    const ok = validate(data);
    wrapped.errors = validate.errors;
    return ok;
  };
  return { validate: wrapped, largest: () => largest };
}

function errorsOf(r: { errors: string[] } | { params: unknown }): string[] {
  assert.ok('errors' in r, 'expected errors');
  return r.errors;
}

test('class 6: 60,000 bad disk names: the list is cut to its limit before any element is checked, and few problems are reported', () => {
  const names = Array.from({ length: 60_000 }, (_, i) => `bad${i}!`);
  const w = watching(validateClone);
  const errors = errorsOf(validateParams(cloneSpec, w.validate, { targets: names }));
  assert.ok(w.largest() <= MAX_LIST_ITEMS, `the validator saw a list of ${w.largest()} entries`);
  assert.match(errors[0]!, /^targets: the list has 60000 entries, more than the 256 allowed/);
  assert.ok(errors.length <= MAX_REPORTED_ERRORS + 1, `${errors.length} problems reported`);
  assert.match(errors[errors.length - 1]!, /^\.\.\. and \d+ more problems/);
  assert.ok(JSON.stringify(errors).length < 4096, `the problems take ${JSON.stringify(errors).length} characters`);
});

test('class 6: the same names as one key=value string are cut after splitting, before validation', () => {
  const w = watching(validateClone);
  const errors = errorsOf(validateParams(cloneSpec, w.validate, { targets: Array.from({ length: 60_000 }, (_, i) => `hdisk${i}`).join(',') }));
  assert.ok(w.largest() <= MAX_LIST_ITEMS, `the validator saw a list of ${w.largest()} entries`);
  assert.deepEqual(errors, ['targets: the list has 60000 entries, more than the 256 allowed; only the first 256 were checked']);
});

test('class 6: lists of mappings (boot list entries) are bounded the same way', () => {
  const w = watching(validateBootlist);
  const errors = errorsOf(validateParams(bootlistSpec, w.validate, { normal: Array.from({ length: 5000 }, () => ({ device: 'hdisk0', color: 'red' })) }));
  assert.ok(w.largest() <= MAX_LIST_ITEMS);
  assert.ok(errors.length <= MAX_REPORTED_ERRORS + 1);
});

test('class 6: thousands of unknown keys: a few are named, the rest counted', () => {
  const raw = Object.fromEntries(Array.from({ length: 20_000 }, (_, i) => [`opt${i}`, i]));
  const errors = errorsOf(validateParams(cloneSpec, validateClone, { targets: ['hdisk1'], ...raw }));
  assert.match(errors[0]!, /^20000 unsupported options were given/);
  assert.ok(errors.length <= MAX_REPORTED_ERRORS + 1, `${errors.length} problems reported`);
});

test('class 6: "did you mean" has bounded cost: a 300,000-character name is dismissed by its length', () => {
  const huge = 'x'.repeat(300_000);
  assert.equal(boundedDistance(huge, 'targets', 2), null);
  const msg = unknownOptionMessage(cloneSpec, huge);
  assert.match(msg, /^unsupported option "x{37}\.\.\."; clone accepts: targets/);
  assert.ok(msg.length < 1024);
  // Near names are still found, within the band.
  assert.equal(boundedDistance('tragets', 'targets', 2), 2);
  assert.equal(boundedDistance('target', 'targets', 2), 1);
  assert.equal(boundedDistance('bootlst', 'bootlist', 2), 1);
  assert.equal(boundedDistance('abc', 'xyz', 2), null);
  assert.match(unknownOptionMessage(cloneSpec, 'tragets'), /did you mean targets\?/);
  assert.match(unknownOptionMessage(cloneSpec, 'TARGET'), /did you mean targets\?/);
});

test('class 6: a long name near an option in length is measured within the band only', () => {
  // 40 characters against the option names: every comparison stops at its band.
  const name = 'skip_bootable_check_and_skip_space_check';
  const msg = unknownOptionMessage(cloneSpec, name);
  assert.match(msg, /unsupported option/);
});
