import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SPECS } from '../../modules/src/specs/index.js';
import { ruleCases, sampleValue, VALID_BASE } from '../helpers/module-args.js';
import { MODULE_NAMES, mapLimit, runModuleBundle, withModuleHost } from '../helpers/modules.js';

// Every cross-option rule of every spec, broken through the bundled module: the answer fails with
// the rule's own "why" (the sentence the spec gives), before anything runs on the host.

test('every cross-option rule of every module gives its message, before any command', () =>
  withModuleHost([], async (h) => {
    const state = h.stateText();
    const cases = MODULE_NAMES.flatMap((name) => ruleCases(name, SPECS[name]!).map((c) => ({ name, ...c })));
    const ruleCount = MODULE_NAMES.reduce((n, m) => n + SPECS[m]!.rules.length, 0);
    assert.equal(new Set(cases.map((c) => `${c.name}#${SPECS[c.name]!.rules.indexOf(c.rule)}`)).size, ruleCount, 'a case for every rule of every module');
    const wrong: string[] = [];
    await mapLimit(cases, 3, async (c) => {
      const a = await runModuleBundle(c.name, c.args, { simDir: h.dir });
      const msg = String(a.json.msg);
      const listed = Array.isArray(a.json.invalid_arguments) && (a.json.invalid_arguments as string[]).includes(c.rule.why);
      if (a.json.failed !== true || a.rc !== 1 || !msg.startsWith(`${c.name}: invalid arguments: `) || !msg.includes(c.rule.why) || !listed) {
        wrong.push(`${c.name} [${c.label}] ${JSON.stringify(c.args)} -> rc ${a.rc}: ${msg}`);
      }
    });
    assert.deepEqual(wrong, [], `${wrong.length} of ${cases.length} rule cases answered wrongly`);
    assert.deepEqual(h.calls(), [], 'validation happens before any command');
    assert.equal(h.stateText(), state);
  }));

test('the rules do not fire on the valid sides: each rule case minus its offending option is accepted', async () => {
  // Guards the case builder: a message test only means something if the option it adds is the cause.
  for (const name of MODULE_NAMES) {
    for (const c of ruleCases(name, SPECS[name]!)) {
      const r = c.rule;
      if (r.kind !== 'forbidden_if' && r.kind !== 'requires') continue;
      const args = { ...c.args };
      if (r.kind === 'requires') for (const o of r.requires) args[o] = sampleValue(SPECS[name]!.options[o]!);
      else delete args[c.label.split(' ')[0]!];
      const a = await runModuleBundle(name, { ...VALID_BASE[name], ...args, _ansible_check_mode: true }, { simDir: null });
      assert.ok(!String(a.json.msg).includes(r.why), `${name} [${c.label}] still breaks the rule: ${String(a.json.msg)}`);
    }
  }
});
