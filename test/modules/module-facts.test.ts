import { test } from 'node:test';
import assert from 'node:assert/strict';
import { assertOk, msgOf, withModuleHost, type ModuleAnswer } from '../helpers/modules.js';

// altdisk.aix.facts end to end through its bundle: read-only in every mode, ansible_facts.altdisk,
// health warnings. (The facts gathering itself is tested in facts-*.test.ts.)

function altdisk(a: ModuleAnswer): Record<string, unknown> {
  const facts = a.json.ansible_facts as { altdisk?: Record<string, unknown> } | undefined;
  assert.ok(facts?.altdisk, `no ansible_facts.altdisk in ${JSON.stringify(a.json).slice(0, 300)}`);
  return facts.altdisk;
}

test('facts: a fresh host, twice and in check mode: changed=false, the same facts, nothing changed', () =>
  withModuleHost([], async (h) => {
    const state = h.stateText();
    const mark = h.mark();
    const a = await h.module('facts', {});
    assertOk(a);
    assert.equal(a.json.changed, false);
    assert.equal(msgOf(a), 'alternate-disk facts gathered');
    assert.equal(a.json.warnings, undefined);
    const f = altdisk(a);
    assert.deepEqual(Object.keys(f), [
      'generation', 'oslevel', 'disks', 'free_disks', 'volume_groups', 'rootvg', 'altinst', 'operations', 'old_rootvg', 'bootlist', 'filesets', 'boot_device', 'etc_filesystems', 'health',
    ]);
    assert.equal(f.generation, 'modern');
    assert.deepEqual(f.oslevel, { base: '7.3.0.0', tl: '7300-02', sp: '7300-02-01-2346' });
    assert.deepEqual(
      (f.free_disks as { name: string; size_mb: number; fits_rootvg: boolean }[]).map((d) => [d.name, d.size_mb, d.fits_rootvg]),
      [
        ['hdisk1', 20480, true],
        ['hdisk2', 40960, true],
        ['hdisk3', 61440, true],
      ],
    );
    assert.deepEqual(f.altinst, { state: 'none', disks: [], boot_disk: null, mounted_at: [], varied_on: false, problem: null, made_by: null });
    assert.deepEqual(f.operations, []);
    assert.deepEqual(f.filesets, { 'bos.alt_disk_install.rte': '7.3.2.1', 'bos.alt_disk_install.boot_images': '7.3.2.1' });
    assert.equal(f.boot_device, 'hdisk0');
    assert.deepEqual(f.health, []);

    const again = await h.module('facts', {});
    assert.deepEqual(again.json, a.json, 'the same answer twice');
    const checked = await h.check('facts', {}, true);
    assertOk(checked);
    assert.equal(checked.json.changed, false);
    assert.equal(checked.json.diff, undefined, 'facts has nothing to diff');
    assert.deepEqual(altdisk(checked), f);
    assert.deepEqual(h.mutatingSince(mark), []);
    assert.equal(h.stateText(), state);
  }));

test('facts: after exportvg of altinst_rootvg, the health warnings an admin must see before a reboot', () =>
  withModuleHost([], async (h) => {
    assertOk(await h.module('clone', { targets: ['hdisk1'] }));
    assert.equal(h.run('exportvg', 'altinst_rootvg').rc, 0);
    const a = await h.module('facts', {});
    assertOk(a);
    assert.equal(a.json.changed, false);
    assert.equal(msgOf(a), '2 warning(s) about this host');
    const warnings = a.json.warnings as string[];
    assert.equal(warnings.length, 2);
    // exportvg forgets the volume group; its copy stays on hdisk1 and still boots (issue 8, class 3: the truth, not "will not boot").
    assert.match(warnings[0]!, /^\/etc\/filesystems lacks the rootvg stanzas for \/ \(\/dev\/hd4\), \/usr \(\/dev\/hd2\)/);
    assert.match(warnings[1]!, /^hdisk1 shows no volume group in lspv, but holds a rootvg copy .* It can still boot \(bootinfo -B\)\./);
    assert.deepEqual(altdisk(a).health, warnings);
  }));

test('facts: an AIX 4.3 host (legacy generation, bootinfo instead of getconf)', () =>
  withModuleHost(['--profile', 'aix43'], async (h) => {
    const mark = h.mark();
    const a = await h.module('facts', {});
    assertOk(a);
    const f = altdisk(a);
    assert.equal(f.generation, 'legacy');
    assert.deepEqual(f.oslevel, { base: '4.3.3.0', tl: '4330-11', sp: null });
    const ran = h.callsSince(mark).map((c) => c.argv[0]);
    assert.ok(ran.includes('bootinfo'), 'disk sizes and the boot device come from bootinfo');
    assert.ok(!ran.includes('getconf'), 'AIX 4.3 has no getconf DISK_SIZE');
    assert.deepEqual(h.mutatingSince(mark), []);
  }));
