import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Ajv } from 'ajv';
import { SPECS } from '../../modules/src/specs/index.js';
import { moduleSchema } from '../../modules/src/schema/schema.js';
import { validateParams } from '../../modules/src/runtime/module.js';
import { cloneSpec } from '../../modules/src/specs/clone.js';
import { bootlistSpec } from '../../modules/src/specs/bootlist.js';
import { mksysbInstallSpec } from '../../modules/src/specs/mksysb_install.js';
import { validate as validateClone } from '../../modules/src/generated/validate-clone.js';
import { validate as validateBootlist } from '../../modules/src/generated/validate-bootlist.js';
import { validate as validateMksysb } from '../../modules/src/generated/validate-mksysb_install.js';

// The precompiled validators and the messages built from the specs: what an admin reads when a
// task is wrong, before anything runs on the host.

function errorsOf(r: { errors: string[] } | { params: unknown }): string[] {
  assert.ok('errors' in r, `expected errors, got params ${JSON.stringify((r as { params: unknown }).params)}`);
  return r.errors;
}

test('every spec compiles to a strict JSON Schema that ajv accepts', () => {
  for (const [name, spec] of Object.entries(SPECS)) {
    const ajv = new Ajv({ allErrors: true, strict: true, strictTypes: false, strictRequired: false });
    assert.doesNotThrow(() => ajv.compile(moduleSchema(spec)), name);
  }
});

test('valid clone arguments get their defaults', () => {
  const r = validateParams(cloneSpec, validateClone, { targets: ['hdisk1'] });
  assert.ok('params' in r);
  assert.deepEqual(r.params.targets, ['hdisk1']);
  assert.equal(r.params.bootlist, true);
  assert.equal(r.params.phase, 'all');
  assert.equal(r.params.command, 'auto');
  assert.equal(r.params.force, false);
});

test('key=value strings are converted the way AnsibleModule does', () => {
  const r = validateParams(cloneSpec, validateClone, { targets: 'hdisk1,hdisk2', bootlist: 'no', phase: 12, verbose: 'yes' });
  assert.ok('params' in r);
  assert.deepEqual(r.params.targets, ['hdisk1', 'hdisk2']);
  assert.equal(r.params.bootlist, false);
  assert.equal(r.params.phase, '12');
  assert.equal(r.params.verbose, true);
});

test('unknown options are named, with a suggestion', () => {
  const e = errorsOf(validateParams(cloneSpec, validateClone, { targets: ['hdisk1'], target: ['hdisk2'] }));
  assert.equal(e.length, 1);
  assert.match(e[0]!, /^unsupported option "target" \(did you mean targets\?\); clone accepts: targets, disk_size_policy,/);
});

test('a disk name with shell metacharacters is refused by name and position', () => {
  const e = errorsOf(validateParams(cloneSpec, validateClone, { targets: ['hdisk1', 'hdisk2; reboot'] }));
  assert.deepEqual(e, ['targets[1]: "hdisk2; reboot" is not a disk name such as hdisk1']);
});

test('relative paths are refused with what is accepted', () => {
  const e = errorsOf(validateParams(cloneSpec, validateClone, { targets: ['hdisk1'], script: 'tmp/post.sh' }));
  assert.deepEqual(e, ['script: "tmp/post.sh" is not a full path name such as /home/myscript (letters, digits and ._+,@%=:/- only)']);
});

test('wrong types say what was given', () => {
  const e = errorsOf(validateParams(cloneSpec, validateClone, { targets: 3, reboot: 'maybe' }));
  assert.deepEqual(e.sort(), ['reboot: expected true or false, got the string "maybe"', 'targets: expected a list of disk names such as hdisk1, got the number 3'].sort());
});

test('seed rules: -B with -r, -b without -l, -c without -O, phase values', () => {
  assert.deepEqual(errorsOf(validateParams(cloneSpec, validateClone, { targets: ['hdisk1'], bootlist: false, reboot: true })), [
    'bootlist: false (-B) cannot be combined with reboot: true (-r): AIX refuses -B with -r, the system would reboot without the boot list pointing at the new disk',
  ]);
  assert.deepEqual(errorsOf(validateParams(cloneSpec, validateClone, { targets: ['hdisk1'], bundle: 'update_all' })), [
    'bundle (-b) needs images_location (-l): installp must know where the images are',
  ]);
  assert.deepEqual(errorsOf(validateParams(cloneSpec, validateClone, { targets: ['hdisk1'], console: '/dev/vty0' })), [
    'console (-c) is only valid with device_reset: true (-O)',
  ]);
  assert.deepEqual(errorsOf(validateParams(cloneSpec, validateClone, { targets: ['hdisk1'], phase: '13' })), [
    'phase: "13" is not one of 1, 2, 3, 12, 23, all',
  ]);
  const both = errorsOf(validateParams(cloneSpec, validateClone, { targets: ['hdisk1'], disk_size_policy: 'upper' }));
  assert.deepEqual(both, ['targets and disk_size_policy are mutually exclusive: name the disks, or let disk_size_policy pick one']);
  const none = errorsOf(validateParams(cloneSpec, validateClone, {}));
  assert.deepEqual(none, ['give targets (the disks to clone onto) or disk_size_policy (to let altdisk pick a free disk)']);
});

test('mksysb_install requires source and targets, checks the level form', () => {
  const e = errorsOf(validateParams(mksysbInstallSpec, validateMksysb, { mksysb_level: '7.3' }));
  assert.deepEqual(e.sort(), [
    'mksysb_level: "7.3" is not a level in V.R.M form such as 7.3.2',
    'source: this option is required; give a device such as /dev/rmt0 or a full path name (letters, digits and ._+,@%=:/- only)',
    'targets: this option is required; give a list of disk names such as hdisk1',
  ].sort());
});

test('bootlist entries: strings or mappings, each part checked', () => {
  const ok = validateParams(bootlistSpec, validateBootlist, { normal: ['hdisk1', { device: 'hdisk0', blv: 'hd5' }] });
  assert.ok('params' in ok);
  const e = errorsOf(validateParams(bootlistSpec, validateBootlist, { normal: ['hdisk1', { device: 'hdisk0', color: 'red' }, 7, true], both: ['hdisk0'] }));
  assert.deepEqual(e.sort(), [
    'normal and both are mutually exclusive: both already sets the normal list',
    'normal[1]: unknown key "color"; entries take device, blv, pathid, bserver, gateway, client, speed, duplex, vlan_tag, vlan_pri, filename',
    'normal[2]: "7" is not a boot device such as hdisk1, cd0 or ent0',
    'normal[3]: expected a boot device such as hdisk1, cd0 or ent0, or a mapping with device, blv, pathid, bserver, gateway, client, speed, duplex, vlan_tag, vlan_pri, filename, got true',
  ].sort());
});

test('huge and non-ASCII values are refused without echoing them whole', () => {
  const e = errorsOf(validateParams(cloneSpec, validateClone, { targets: ['hdisk1'], script: '/' + 'x'.repeat(5000) }));
  assert.equal(e.length, 1);
  assert.match(e[0]!, /^script: the value is 5001 characters long \(at most 1023\)/);
  const u = errorsOf(validateParams(cloneSpec, validateClone, { targets: ['hdïsk1'] }));
  assert.deepEqual(u, ['targets[0]: "hdïsk1" is not a disk name such as hdisk1']);
});
