import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { SPECS } from '../../modules/src/specs/index.js';
import { badInputSets, type BadSet } from '../helpers/module-args.js';
import { MODULE_NAMES, mapLimit, newModuleHost, runModuleBundle, type ArgsVia, type ModuleHost, type ModuleName } from '../helpers/modules.js';

// At least 1,000 generated invalid argument sets per module, each run through the bundled module
// against ONE simulated host: every answer is one JSON object with failed: true, exit code 1 and a
// message naming the offending option (or "unsupported option", or the broken rule), and after all
// of them the host's state.json is byte-for-byte what it was and its call log is empty: validation
// happens before any command runs.

const PER_MODULE = 1000;
const SEED = 0x0a17d15c;
const IN_FLIGHT = 3;

let host: ModuleHost;
let stateBefore: string;

before(() => {
  host = newModuleHost();
  stateBefore = host.stateText();
  assert.equal(host.calls().length, 0, 'a fresh host has an empty call log');
});

after(() => host.cleanup());

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

function problem(name: ModuleName, set: BadSet, rc: number, json: Record<string, unknown>): string | null {
  const msg = typeof json.msg === 'string' ? json.msg : '';
  if (json.failed !== true) return 'failed is not true';
  if (rc !== 1) return `exit code ${rc}`;
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
  test(`bad input: ${PER_MODULE}+ invalid argument sets for ${name}, each refused before any command`, async () => {
    const spec = SPECS[name]!;
    const sets = badInputSets(name, spec, PER_MODULE, SEED + MODULE_NAMES.indexOf(name));
    assert.ok(sets.length >= PER_MODULE, `${sets.length} sets generated`);
    const categories = new Set(sets.map((s) => s.category.replace(/ in .*$/, '').replace(/ \(.*$/, '')));
    // facts takes no option: its sets are unknown keys (with metacharacter, unicode, huge and empty names).
    for (const c of ['unknown key'].concat(name === 'facts' ? [] : ['wrong type', 'empty string', 'huge string', 'shell metacharacters', 'unicode'], spec.rules.length ? ['broken rule'] : [])) {
      assert.ok(categories.has(c), `the ${name} sets cover ${c} (have: ${[...categories].join(', ')})`);
    }

    const failures: string[] = [];
    await mapLimit(sets, IN_FLIGHT, async (set, i) => {
      const via = transport(set, i);
      let line: string | null;
      try {
        const a = await runModuleBundle(name, set.args, { simDir: host.dir, via });
        line = problem(name, set, a.rc, a.json);
        if (line) line += ` — msg: ${shown(a.json.msg)}`;
      } catch (e) {
        line = `no single JSON answer: ${(e as Error).message.slice(0, 400)}`;
      }
      if (line) failures.push(`#${i} [${set.category}] via ${via} ${shown(set.args)}: ${line}`);
    });
    assert.deepEqual(failures.slice(0, 15), [], `${failures.length} of ${sets.length} invalid ${name} sets were answered wrongly (seed ${SEED}); the first ones are listed`);
    assert.deepEqual(host.calls().map((c) => c.argv.join(' ')), [], 'the call log stays empty: nothing ran on the host');
    assert.equal(host.stateText(), stateBefore, 'state.json is byte-for-byte unchanged');
    assert.deepEqual(fs.readdirSync(path.join(host.dir)).sort(), ['bin', 'calls.log', 'fs', 'lib', 'root', 'state.json'], 'nothing was added to the host folder');
  });
}
