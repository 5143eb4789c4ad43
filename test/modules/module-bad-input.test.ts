import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { SPECS } from '../../modules/src/specs/index.js';
import { admit } from '../../modules/src/runtime/module.js';
import { readRawArgs } from '../../modules/src/runtime/args.js';
import type { Validator } from '../../modules/src/schema/validator.js';
import { validate as validateClone } from '../../modules/src/generated/validate-clone.js';
import { validate as validateMksysb } from '../../modules/src/generated/validate-mksysb_install.js';
import { validate as validatePhase } from '../../modules/src/generated/validate-phase.js';
import { validate as validateCleanup } from '../../modules/src/generated/validate-cleanup.js';
import { validate as validateBootlist } from '../../modules/src/generated/validate-bootlist.js';
import { validate as validateFacts } from '../../modules/src/generated/validate-facts.js';
import { badInputSets, type BadSet } from '../helpers/module-args.js';
import { keyValueWords, MODULE_NAMES, mapLimit, newModuleHost, runModuleBundle, type ArgsVia, type ModuleHost, type ModuleName } from '../helpers/modules.js';
import { tmpDir } from '../helpers/sim.js';

// At least 1,000 generated invalid argument sets per module. Every one goes through the module's
// own entry (admit: read the arguments, Ansible's keys, check mode, validation) in process, by the
// transport it would arrive by (JSON on stdin, a WANT_JSON args file, key=value words): each answer
// is failed: true with a message naming the offending option (or "unsupported option", or the
// broken rule), and nothing is let through to the part that touches the host. A sample of them also
// runs through the bundled executables against ONE simulated host: their answers are exactly the
// in-process answers (one JSON object, exit code 1), the host's call log stays empty and its
// state.json unchanged.

const PER_MODULE = 1000;
const SEED = 0x0a17d15c;
/** Every BUNDLE_EVERY-th set also runs through the bundle (a sample of every transport and category). */
const BUNDLE_EVERY = 23;
const IN_FLIGHT = 3;

const VALIDATORS: Record<ModuleName, Validator> = {
  clone: validateClone,
  mksysb_install: validateMksysb,
  phase: validatePhase,
  cleanup: validateCleanup,
  bootlist: validateBootlist,
  facts: validateFacts,
};

let host: ModuleHost;
let stateBefore: string;
let scratch: string;

before(() => {
  host = newModuleHost();
  stateBefore = host.stateText();
  scratch = tmpDir('altdisk-bad-input-');
  assert.equal(host.calls().length, 0, 'a fresh host has an empty call log');
});

after(() => {
  host.cleanup();
  fs.rmSync(scratch, { recursive: true, force: true });
});

/** Arguments that survive being key=value words unchanged: plain strings, no NUL, keys without "=". */
function asWords(args: Record<string, unknown>): boolean {
  return Object.entries(args).every(([k, v]) => k !== '' && !k.includes('=') && !k.includes('\0') && !/\s/.test(k) && typeof v === 'string' && !v.includes('\0') && !/[\ud800-\udfff]/.test(v));
}

/** Most sets go as JSON on stdin; every 7th as a WANT_JSON args file; every 5th that can, as argv words. */
function transport(set: BadSet, i: number): ArgsVia {
  if (i % 7 === 3) return 'args-file';
  if (i % 5 === 1 && asWords(set.args)) return 'argv';
  return 'stdin';
}

/** The module's answer to a set, computed in process exactly as the bundle reads it. */
function answerInProcess(name: ModuleName, set: BadSet, via: ArgsVia, i: number): Record<string, unknown> | 'admitted' {
  const argv = ['node', name];
  let stdin = '';
  if (via === 'argv') argv.push(...keyValueWords(set.args));
  else if (via === 'args-file') {
    const file = path.join(scratch, `${name}-${i}`);
    fs.writeFileSync(file, JSON.stringify(set.args));
    argv.push(file);
  } else stdin = JSON.stringify(set.args);
  const a = admit(SPECS[name]!, VALIDATORS[name], () => readRawArgs(argv, { stdinIsTerminal: () => false, readStdin: () => stdin }));
  return 'answer' in a ? a.answer : 'admitted';
}

function problem(name: ModuleName, set: BadSet, json: Record<string, unknown>): string | null {
  const msg = typeof json.msg === 'string' ? json.msg : '';
  if (json.failed !== true) return 'failed is not true';
  if (json.changed !== false) return 'changed is not false';
  if ('results' in json) return 'a top-level results key';
  if (!msg.startsWith(`${name}: invalid arguments: `)) return 'msg does not start with "<module>: invalid arguments: "';
  if (!Array.isArray(json.invalid_arguments) || json.invalid_arguments.length === 0) return 'no invalid_arguments list';
  const e = set.expect;
  if (e.kind === 'unknown' && !msg.includes('unsupported option')) return 'msg does not say "unsupported option"';
  if (e.kind === 'rule' && !msg.includes(e.why)) return `msg does not give the rule: ${e.why}`;
  if (e.kind === 'option') {
    const missing = e.options.filter((o) => !msg.includes(o));
    if (missing.length) return `msg does not name ${missing.join(', ')}`;
  }
  return null;
}

function shown(v: unknown): string {
  const s = JSON.stringify(v) ?? String(v);
  return s.length > 300 ? `${s.slice(0, 300)}... (${s.length} chars)` : s;
}

for (const name of MODULE_NAMES) {
  test(`bad input: ${PER_MODULE}+ invalid argument sets for ${name}, each refused before any command (all in process, a sample through the bundle)`, async () => {
    const spec = SPECS[name]!;
    const sets = badInputSets(name, spec, PER_MODULE, SEED + MODULE_NAMES.indexOf(name));
    assert.ok(sets.length >= PER_MODULE, `${sets.length} sets generated`);
    const categories = new Set(sets.map((s) => s.category.replace(/ in .*$/, '').replace(/ \(.*$/, '')));
    // facts takes no option: its sets are unknown keys (with metacharacter, unicode, huge and empty names).
    for (const c of ['unknown key'].concat(name === 'facts' ? [] : ['wrong type', 'empty string', 'huge string', 'shell metacharacters', 'unicode'], spec.rules.length ? ['broken rule'] : [])) {
      assert.ok(categories.has(c), `the ${name} sets cover ${c} (have: ${[...categories].join(', ')})`);
    }

    const failures: string[] = [];
    const inProcess = sets.map((set, i) => {
      const via = transport(set, i);
      const answer = answerInProcess(name, set, via, i);
      const line = answer === 'admitted' ? 'admitted: the module would have gone on to the host' : problem(name, set, answer);
      if (line) failures.push(`#${i} [${set.category}] via ${via} ${shown(set.args)}: ${line}${answer !== 'admitted' ? ` — msg: ${shown(answer.msg)}` : ''}`);
      return answer;
    });
    assert.deepEqual(failures.slice(0, 15), [], `${failures.length} of ${sets.length} invalid ${name} sets were answered wrongly in process (seed ${SEED}); the first ones are listed`);

    // Every BUNDLE_EVERY-th set, and the first sets that go as key=value words (few sets survive being words).
    let words = 0;
    const sample = sets.map((set, i) => ({ set, i })).filter(({ set, i }) => i % BUNDLE_EVERY === 0 || (transport(set, i) === 'argv' && words++ < 6));
    const vias = new Set(sample.map(({ set, i }) => transport(set, i)));
    const used = new Set(sets.map((set, i) => transport(set, i)));
    assert.deepEqual([...vias].sort(), [...used].sort(), 'the bundle sample covers every transport the sets use');
    await mapLimit(sample, IN_FLIGHT, async ({ set, i }) => {
      const via = transport(set, i);
      let line: string | null;
      try {
        const a = await runModuleBundle(name, set.args, { simDir: host.dir, via });
        line = a.rc !== 1 ? `exit code ${a.rc}` : null;
        if (!line) {
          try {
            assert.deepEqual(a.json, inProcess[i]);
          } catch {
            line = `the bundle answered differently from the module's entry in process: ${shown(a.json)} vs ${shown(inProcess[i])}`;
          }
        }
      } catch (e) {
        line = `no single JSON answer: ${(e as Error).message.slice(0, 400)}`;
      }
      if (line) failures.push(`#${i} [${set.category}] via ${via} through the bundle ${shown(set.args)}: ${line}`);
    });
    assert.deepEqual(failures.slice(0, 15), [], `${failures.length} of the ${sample.length} bundled runs of ${name} went wrong (seed ${SEED})`);
    assert.deepEqual(host.calls().map((c) => c.argv.join(' ')), [], 'the call log stays empty: nothing ran on the host');
    assert.equal(host.stateText(), stateBefore, 'state.json is byte-for-byte unchanged');
    assert.deepEqual(fs.readdirSync(path.join(host.dir)).sort(), ['bin', 'calls.log', 'fs', 'lib', 'root', 'state.json'], 'nothing was added to the host folder');
  });
}
