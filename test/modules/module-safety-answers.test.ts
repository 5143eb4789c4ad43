import { test } from 'node:test';
import assert from 'node:assert/strict';
import { assertFailed, withModuleHost } from '../helpers/modules.js';

// Issue 8, class 4: answers that mislead. `changed` means "this call changed the host", the advice
// describes what this call left, and check mode fails closed.

test('class 4: an _ansible_check_mode that is present but neither true nor false is refused, never run for real', () =>
  withModuleHost([], async (h) => {
    const state = h.stateText();
    for (const value of ['maybe', 2, {}, null, [], 'checkmode']) {
      for (const name of ['clone', 'cleanup', 'bootlist', 'phase'] as const) {
        const args = name === 'clone' ? { targets: ['hdisk1'] } : name === 'bootlist' ? { normal: ['hdisk0'] } : name === 'phase' ? { phase: '3' } : {};
        const a = await h.module(name, { ...args, _ansible_check_mode: value });
        const msg = assertFailed(a, `${name} with _ansible_check_mode ${JSON.stringify(value)}`);
        assert.match(msg, /_ansible_check_mode is .*neither true nor false: nothing was run/);
        assert.equal(a.json.changed, false);
      }
    }
    assert.deepEqual(h.callsSince(0), [], 'not even a query ran');
    assert.equal(h.stateText(), state);
  }));
