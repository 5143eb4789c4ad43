import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { HostFacts } from '../../modules/src/facts/types.js';
import { complete, hover, previewTask, tasksOf, type CompletionItem, type WorkspaceView } from '../../language/src/index.js';
import { sceneFacts } from '../unit/plan-facts.js';
import { covered, fixed, none, one, only, play, PB } from './helpers.js';

// Completion, hover and command previews, and the rules that need a host's facts. The facts are
// gathered once from a real simulated host (hdisk0 rootvg, hdisk1-3 free, hdisk4 in datavg).

let fresh: HostFacts;
before(async () => {
  fresh = await sceneFacts('fresh');
});

/** A workspace whose inventory has lpar01 (group aix) with the given facts. */
function withFacts(facts: () => HostFacts): WorkspaceView {
  return { hosts: () => ['lpar01'], hostsOf: (p) => (p === 'aix' || p === 'lpar01' || p === 'all' ? ['lpar01'] : []), hostFacts: (h) => (h === 'lpar01' ? facts() : undefined) };
}

/** Text with a | where the cursor is. */
function at(textWithCursor: string): { text: string; pos: { line: number; character: number } } {
  const i = textWithCursor.indexOf('|');
  const text = textWithCursor.slice(0, i) + textWithCursor.slice(i + 1);
  const before = text.slice(0, i).split('\n');
  return { text, pos: { line: before.length - 1, character: before[before.length - 1]!.length } };
}

function labels(items: CompletionItem[]): string[] {
  return items.map((i) => i.label);
}

describe('completion', () => {
  test('module names where a task\'s action goes, replacing the word being typed', () => {
    const { text, pos } = at(play('- name: Clone\n  altdisk.a|\n'));
    const items = complete({ uri: PB, text }, pos);
    const clone = items.find((i) => i.label === 'altdisk.aix.clone')!;
    assert.ok(clone, JSON.stringify(labels(items)));
    assert.equal(clone.kind, 'module');
    assert.equal(clone.insertText, 'altdisk.aix.clone:');
    assert.deepEqual(clone.range, { start: { line: pos.line, character: pos.character - 'altdisk.a'.length }, end: pos });
    assert.match(clone.documentation!, /Clone the running rootvg/);
    assert.ok(!labels(items).includes('name'), 'keywords already there are not offered');
  });

  test('a new task item offers modules; short names under collections: altdisk.aix', () => {
    const { text, pos } = at(play('- |\n', '  collections: [altdisk.aix]\n'));
    const l = labels(complete({ uri: PB, text }, pos));
    assert.ok(l.includes('altdisk.aix.mksysb_install') && l.includes('mksysb_install') && l.includes('register'), JSON.stringify(l));
  });

  test('options under an altdisk module: type, default, flag and documentation; the ones given are left out', () => {
    const { text, pos } = at(play('- altdisk.aix.clone:\n    targets: [hdisk1]\n    |\n'));
    const items = complete({ uri: PB, text }, pos);
    assert.ok(!labels(items).includes('targets'));
    const bl = items.find((i) => i.label === 'bootlist')!;
    assert.equal(bl.kind, 'option');
    assert.equal(bl.detail, 'bool, default true, AIX -B');
    assert.match(bl.documentation!, /false adds -B/);
    assert.equal(bl.insertText, 'bootlist: ');
    const src = complete({ uri: PB, text: play('- altdisk.aix.mksysb_install:\n    \n') }, { line: 4, character: 8 });
    assert.equal(src.find((i) => i.label === 'source')!.sortText!.startsWith('0'), true, 'required options first');
  });

  test('options under args: of an altdisk task', () => {
    const { text, pos } = at(play('- altdisk.aix.cleanup:\n  args:\n    vol|\n'));
    assert.ok(labels(complete({ uri: PB, text }, pos)).includes('volume_group'));
  });

  test('values: choices (numbers quoted as strings) and booleans', () => {
    const a = at(play('- altdisk.aix.clone:\n    phase: |\n'));
    const phases = complete({ uri: PB, text: a.text }, a.pos);
    assert.deepEqual(labels(phases), ['1', '2', '3', '12', '23', 'all']);
    assert.equal(phases[0]!.insertText, '"1"');
    assert.equal(phases.find((i) => i.label === 'all')!.detail, 'default');
    const b = at(play('- altdisk.aix.clone:\n    bootlist: f|\n'));
    assert.deepEqual(labels(complete({ uri: PB, text: b.text }, b.pos)), ['true', 'false']);
  });

  test('disk names from the host\'s facts: free disks for targets, in a flow list or a block list', () => {
    const ws = withFacts(() => fresh);
    const a = at(play('- altdisk.aix.clone:\n    targets: [hdisk1, hd|\n'));
    const items = complete({ uri: PB, text: a.text }, a.pos, ws);
    assert.deepEqual(labels(items), ['hdisk1', 'hdisk2', 'hdisk3']);
    assert.equal(items[0]!.detail, 'free, 20480 MB');
    assert.deepEqual(items[1]!.range, { start: { line: a.pos.line, character: a.pos.character - 2 }, end: a.pos });
    const b = at(play('- altdisk.aix.bootlist:\n    normal:\n      - |\n'));
    assert.deepEqual(labels(complete({ uri: PB, text: b.text }, b.pos, ws)), ['hdisk1', 'hdisk2', 'hdisk3', 'hdisk0', 'hdisk4'], 'the boot list may name any disk');
    assert.deepEqual(complete({ uri: PB, text: a.text }, a.pos), [], 'no facts, no disk names');
  });
});

describe('hover', () => {
  test('an option: its documentation from the spec, on the key', () => {
    const text = play('- altdisk.aix.clone:\n    targets: [hdisk1]\n    bootlist: false\n');
    const h = hover({ uri: PB, text }, { line: 5, character: 10 })!;
    assert.match(h.contents, /^\*\*bootlist\*\* \(bool, default true, AIX -B\)/);
    assert.equal(covered(text, h.range), 'bootlist');
  });

  test('the module name without facts: the module\'s documentation', () => {
    const text = play('- altdisk.aix.cleanup:\n');
    const h = hover({ uri: PB, text }, { line: 3, character: 12 })!;
    assert.match(h.contents, /\*\*altdisk\.aix\.cleanup\*\*: Remove an alternate rootvg/);
    assert.doesNotMatch(h.contents, /```sh/);
  });

  test('the module name with a host\'s facts: the exact AIX command lines, the state afterwards', () => {
    const text = play('- altdisk.aix.clone:\n    targets: [hdisk2]\n    bootlist: false\n');
    const h = hover({ uri: PB, text }, { line: 3, character: 12 }, withFacts(() => fresh))!;
    assert.match(h.contents, /\*\*On lpar01\*\*/);
    assert.match(h.contents, /```sh\n\/usr\/sbin\/alt_disk_copy -d hdisk2 -B\n```/);
    assert.match(h.contents, /altinst_rootvg: complete on hdisk2/);
    assert.match(h.contents, /bootlist normal: hdisk0/);
  });

  test('a task the module would refuse: the refusal, in the module\'s words', () => {
    const text = play('- name: Clone onto the data disk\n  altdisk.aix.clone:\n    targets: [hdisk4]\n');
    const h = hover({ uri: PB, text }, { line: 3, character: 14 }, withFacts(() => fresh), { host: 'lpar01' })!;
    assert.match(h.contents, /The module would refuse: .*hdisk4/);
  });
});

describe('command preview', () => {
  test('a clone: argv, why, message, predicted state', () => {
    const text = play('- altdisk.aix.clone:\n    targets: [hdisk1]\n');
    const p = previewTask({ uri: PB, text }, { line: 4, character: 6 }, fresh)!;
    assert.equal(p.module, 'altdisk.aix.clone');
    assert.deepEqual(p.argv, [['/usr/sbin/alt_disk_copy', '-d', 'hdisk1']]);
    assert.equal(p.refusal, undefined);
    assert.equal(p.args.bootlist, true, 'defaults filled in');
    assert.equal(p.predicted!.altinst.state, 'complete');
    assert.deepEqual(p.predicted!.bootlist.normal, ['hdisk1']);
    assert.deepEqual(p.range.start, { line: 3, character: 6 });
  });

  test('a mksysb install: the command, and the image assumption said plainly', () => {
    const text = play('- altdisk.aix.mksysb_install:\n    source: /mnt/lpar01.mksysb\n    targets: [hdisk3]\n');
    const p = previewTask({ uri: PB, text }, { line: 3, character: 8 }, fresh)!;
    assert.deepEqual(p.argv, [['/usr/sbin/alt_disk_mksysb', '-m', '/mnt/lpar01.mksysb', '-d', 'hdisk3']]);
    assert.ok(p.warnings.some((w) => /not read before the run/.test(w)), JSON.stringify(p.warnings));
  });

  test('nothing to do, refusals, templates and invalid options', () => {
    const cleanup = previewTask({ uri: PB, text: play('- altdisk.aix.cleanup:\n') }, { line: 3, character: 8 }, fresh)!;
    assert.deepEqual(cleanup.argv, []);
    assert.match(cleanup.msg, /no altinst_rootvg|nothing/i);
    const phase = previewTask({ uri: PB, text: play('- altdisk.aix.phase:\n    phase: "3"\n') }, { line: 3, character: 8 }, fresh)!;
    assert.match(phase.refusal!, /there is no altinst_rootvg on this host/);
    assert.equal(phase.predicted, null);
    const tpl = previewTask({ uri: PB, text: play('- altdisk.aix.clone:\n    targets: "{{ disks }}"\n') }, { line: 3, character: 8 }, fresh)!;
    assert.match(tpl.refusal!, /targets is a Jinja template/);
    const bad = previewTask({ uri: PB, text: play('- altdisk.aix.clone:\n    targets: [hdisk1]\n    phase: "9"\n') }, { line: 3, character: 8 }, fresh)!;
    assert.match(bad.refusal!, /phase: "9" is not one of/);
    assert.equal(previewTask({ uri: PB, text: play('- ansible.builtin.ping:\n') }, { line: 3, character: 8 }, fresh), null);
  });

  test('ALTDISK003\'s fix runs the same command line: raw alt_disk_copy and alt_disk_mksysb through the module\'s planner', () => {
    const commands = [
      ['/usr/sbin/alt_disk_copy', '-d', 'hdisk1 hdisk2', '-b', 'update_all', '-l', '/mnt/lpp', '-P', '12', '-B', '-V', '-g', '-S'],
      ['/usr/sbin/alt_disk_copy', '-d', 'hdisk3', '-i', '/tmp/image.data', '-s', '/tmp/post.sh', '-e', '/etc/exclude.rootvg', '-n', '-O', '-c', '/dev/vty0', '-x', '/tmp/first.sh', '-R', '/tmp/resolv.conf', '-D', '-T'],
      ['/usr/sbin/alt_disk_mksysb', '-m', '/mnt/lpar01.mksysb', '-d', 'hdisk3', '-n', '-K', '-B', '-k', '-y'],
    ];
    for (const argv of commands) {
      const line = argv.map((w) => (w.includes(' ') ? `"${w}"` : w)).join(' ');
      const text = play(`- ansible.builtin.command: ${line}\n`);
      const f = one(text, 'ALTDISK003');
      assert.equal(f.fixes[0]!.safe, true, line);
      const after = fixed(text, f);
      const p = previewTask({ uri: PB, text: after }, { line: 3, character: 8 }, fresh)!;
      assert.equal(p.refusal, undefined, `${line}\n${after}`);
      assert.deepEqual([...p.argv[0]!].sort(), [...argv].sort(), `${line}\n${after}`);
    }
  });
});

describe('rules that need the host\'s facts', () => {
  test('ALTDISK010: a target in rootvg or a data volume group, on the element', () => {
    const text = play('- altdisk.aix.clone:\n    targets: [hdisk1, hdisk0, hdisk4]\n');
    const hits = only(text, 'ALTDISK010', withFacts(() => fresh));
    assert.deepEqual(hits.map((f) => covered(text, f.range)), ['hdisk0', 'hdisk4']);
    assert.match(hits[0]!.message, /hdisk0 is in rootvg on lpar01: it holds the running system/);
    assert.match(hits[1]!.message, /data volume group datavg/);
  });

  test('ALTDISK010: old_rootvg is the way back; the host given by the caller is used for a task file', () => {
    const rebooted = () => {
      const f = structuredClone(fresh);
      f.disks[0]!.vg = 'old_rootvg';
      return f;
    };
    const f = one('- altdisk.aix.clone:\n    targets: [hdisk0]\n', 'ALTDISK010', withFacts(rebooted), { host: 'lpar01' }, '/ws/tasks/clone.yml');
    assert.match(f.message, /previous rootvg, your way back/);
  });

  test('ALTDISK019: a disk the host does not have', () => {
    const text = play('- altdisk.aix.mksysb_install:\n    source: /mnt/x\n    targets: hdisk9\n');
    const f = one(text, 'ALTDISK019', withFacts(() => fresh));
    assert.equal(covered(text, f.range), 'hdisk9');
    assert.match(f.message, /lspv lists hdisk0, hdisk1, hdisk2, hdisk3, hdisk4/);
  });

  test('near misses: free disks, no facts, a play on other hosts, a templated target', () => {
    const ws = withFacts(() => fresh);
    none(play('- altdisk.aix.clone:\n    targets: [hdisk1]\n'), 'ALTDISK010', ws);
    none(play('- altdisk.aix.clone:\n    targets: [hdisk0]\n'), 'ALTDISK010');
    none('- hosts: linux\n  tasks:\n    - altdisk.aix.clone:\n        targets: [hdisk0]\n', 'ALTDISK010', ws);
    none(play('- altdisk.aix.clone:\n    targets: ["{{ d }}"]\n'), 'ALTDISK019', ws);
  });
});

test('tasksOf: plays and altdisk tasks with their ranges, for CodeLens', () => {
  const text = play('- name: Clone\n  altdisk.aix.clone:\n    targets: "{{ disks }}"\n- ansible.builtin.ping:\n- altdisk.aix.facts:\n');
  const t = tasksOf({ uri: PB, text });
  assert.deepEqual(
    t.map((x) => [x.kind, x.name, x.module, x.templated]),
    [
      ['play', 'Test play', undefined, undefined],
      ['task', 'Clone', 'altdisk.aix.clone', true],
      ['task', 'altdisk.aix.facts', 'altdisk.aix.facts', false],
    ],
  );
  assert.deepEqual(t[1]!.range.start, { line: 3, character: 6 });
});
