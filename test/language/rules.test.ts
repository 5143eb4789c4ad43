import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { RULES } from '../../language/src/index.js';
import { check, covered, fixed, none, one, only, play } from './helpers.js';

// Every hazard rule: a playbook that trips it (the finding's range, message and fix result) and a
// near miss that does not.

describe('ALTDISK001 exportvg / reducevg of an alternate rootvg', () => {
  test('exportvg altinst_rootvg in a command task: range on the command, safe fix to altdisk.aix.cleanup', () => {
    const text = play(`
- name: Remove the clone
  ansible.builtin.command: exportvg altinst_rootvg
`);
    const f = one(text, 'ALTDISK001');
    assert.equal(f.severity, 'error');
    assert.equal(covered(text, f.range), 'exportvg altinst_rootvg');
    assert.equal(f.docUrl, 'docs/hazards.md#altdisk001');
    assert.equal(f.fixes[0]!.safe, true);
    assert.equal(fixed(text, f), play(`
- name: Remove the clone
  altdisk.aix.cleanup:
`));
    none(fixed(text, f), 'ALTDISK001');
  });

  test('reducevg old_rootvg hdisk0 in a shell script with other commands: found, fix offered but not safe', () => {
    const text = play(`
- name: Free the old disk
  ansible.builtin.shell: |
    lspv
    /usr/sbin/reducevg -df old_rootvg hdisk0 && chpv -C hdisk0
`);
    const f = one(text, 'ALTDISK001');
    assert.equal(covered(text, f.range), '/usr/sbin/reducevg -df old_rootvg hdisk0');
    assert.equal(f.fixes[0]!.safe, false);
    assert.match(fixed(text, f), /altdisk\.aix\.cleanup:\n\s+volume_group: old_rootvg/);
  });

  test('the LVM modules: community.general.aix_lvg state: absent on old_rootvg', () => {
    const text = play(`
- community.general.aix_lvg:
    vg: old_rootvg
    state: absent
`);
    const f = one(text, 'ALTDISK001');
    assert.equal(covered(text, f.range), 'old_rootvg');
    assert.equal(fixed(text, f), play(`
- altdisk.aix.cleanup:
    volume_group: old_rootvg
`));
  });

  test('near misses: exportvg of a data VG, aix_lvg state present, the cleanup module', () => {
    none(play(`
- ansible.builtin.command: exportvg datavg
- community.general.aix_lvg: {vg: datavg, state: absent}
- altdisk.aix.cleanup:
    volume_group: old_rootvg
`), 'ALTDISK001');
  });
});

describe('ALTDISK002 varyonvg of an alternate rootvg', () => {
  test('varyonvg altinst_rootvg through sudo, and ibm.power_aix.lvg state varyon', () => {
    const text = play(`
- ansible.builtin.shell: sudo varyonvg altinst_rootvg
- ibm.power_aix.lvg:
    vg_name: old_rootvg
    state: varyon
`);
    const hits = only(text, 'ALTDISK002');
    assert.deepEqual(hits.map((f) => covered(text, f.range)), ['varyonvg altinst_rootvg', 'old_rootvg']);
    assert.equal(hits[0]!.fixes.length, 0);
  });

  test('near misses: varyonvg datavg, varyoffvg altinst_rootvg', () => {
    none(play(`
- ansible.builtin.command: varyonvg datavg
- ansible.builtin.command: varyoffvg altinst_rootvg
`), 'ALTDISK002');
  });
});

describe('ALTDISK003 raw alt_disk command lines', () => {
  test('alt_disk_copy with flags: the module task, flags mapped to options, safe', () => {
    const text = play(`
- name: Clone
  ansible.builtin.command: /usr/sbin/alt_disk_copy -d "hdisk1 hdisk2" -B -P 12 -b update_all -l /mnt/lpp
  register: out
`);
    const f = one(text, 'ALTDISK003');
    assert.equal(f.severity, 'warning');
    assert.equal(covered(text, f.range), '/usr/sbin/alt_disk_copy -d "hdisk1 hdisk2" -B -P 12 -b update_all -l /mnt/lpp');
    assert.equal(f.fixes[0]!.safe, true);
    assert.equal(fixed(text, f), play(`
- name: Clone
  altdisk.aix.clone:
    targets: [hdisk1, hdisk2]
    bootlist: false
    phase: "12"
    bundle: update_all
    images_location: /mnt/lpp
  register: out
`));
  });

  test('alt_disk_mksysb in cmd: form, and alt_rootvg_op -X old_rootvg in argv: form', () => {
    const text = play(`
- ansible.builtin.command:
    cmd: alt_disk_mksysb -m /mnt/lpar1.mksysb -d hdisk2 -k
- ansible.legacy.command:
    argv: [/usr/sbin/alt_rootvg_op, -X, old_rootvg]
`);
    const [a, b] = only(text, 'ALTDISK003');
    assert.equal(covered(text, a!.range), 'alt_disk_mksysb -m /mnt/lpar1.mksysb -d hdisk2 -k');
    assert.equal(fixed(text, a!), play(`
- altdisk.aix.mksysb_install:
    source: /mnt/lpar1.mksysb
    targets: [hdisk2]
    keep_devices: true
- ansible.legacy.command:
    argv: [/usr/sbin/alt_rootvg_op, -X, old_rootvg]
`));
    assert.match(b!.message, /altdisk\.aix\.cleanup/);
    assert.equal(b!.fixes[0]!.safe, false, 'argv form: not rewritten blindly');
  });

  test('a flag without an option (-u): fix offered, not safe', () => {
    const f = one(play('- ansible.builtin.command: alt_disk_copy -d hdisk1 -u\n'), 'ALTDISK003');
    assert.match(f.message, /no option for -u/);
    assert.equal(f.fixes[0]!.safe, false);
  });

  test('near misses: alt_rootvg_op -q (no module does it), the clone module, a comment', () => {
    none(play(`
- ansible.builtin.command: alt_rootvg_op -q -d hdisk1
- altdisk.aix.clone:
    targets: [hdisk1]
- ansible.builtin.shell: "echo done # alt_disk_copy -d hdisk1"
`), 'ALTDISK003');
  });
});

describe('ALTDISK004 alt_disk_install -d hdiskN', () => {
  test('old syntax with a disk after -d: error on the -d value, fix to a clone', () => {
    const text = play('- ansible.builtin.command: alt_disk_install -d hdisk1 hdisk2\n');
    const f = one(text, 'ALTDISK004');
    assert.equal(f.severity, 'error');
    assert.equal(covered(text, f.range), 'hdisk1');
    assert.equal(f.fixes[0]!.safe, false);
    assert.equal(fixed(text, f), play('- altdisk.aix.clone:\n    targets: [hdisk1, hdisk2]\n'));
    none(text, 'ALTDISK003');
  });

  test('mksysb_install source naming a disk', () => {
    const text = play('- altdisk.aix.mksysb_install:\n    source: /dev/hdisk3\n    targets: [hdisk1]\n');
    assert.equal(covered(text, one(text, 'ALTDISK004').range), '/dev/hdisk3');
  });

  test('near misses: alt_disk_install -d /dev/rmt0 hdisk1, -C hdisk1, a mksysb file source', () => {
    none(play(`
- ansible.builtin.command: alt_disk_install -d /dev/rmt0 hdisk1
- ansible.builtin.command: alt_disk_install -C hdisk1
- altdisk.aix.mksysb_install:
    source: /dev/rmt0
    targets: [hdisk1]
`), 'ALTDISK004');
  });
});

describe('ALTDISK005 bootlist: false with reboot: true', () => {
  test('module options: error on bootlist, two fixes, and no duplicate schema/conflict', () => {
    const text = play('- altdisk.aix.clone:\n    targets: [hdisk1]\n    bootlist: false\n    reboot: true\n');
    const f = one(text, 'ALTDISK005');
    assert.equal(covered(text, f.range), 'bootlist: false');
    assert.equal(only(text, 'schema/conflict').length, 0);
    assert.equal(fixed(text, f, 0), play('- altdisk.aix.clone:\n    targets: [hdisk1]\n    bootlist: false\n'));
    assert.equal(fixed(text, f, 1), play('- altdisk.aix.clone:\n    targets: [hdisk1]\n    reboot: true\n'));
  });

  test('key=value form and a raw -B -r', () => {
    const text = play('- altdisk.aix.phase: phase=3 bootlist=no reboot=yes\n- ansible.builtin.command: alt_disk_copy -d hdisk1 -B -r\n');
    const hits = only(text, 'ALTDISK005');
    assert.deepEqual(hits.map((f) => covered(text, f.range)), ['bootlist=no', 'alt_disk_copy -d hdisk1 -B -r']);
    assert.equal(fixed(text, hits[0]!, 0), play('- altdisk.aix.phase: phase=3 bootlist=no\n- ansible.builtin.command: alt_disk_copy -d hdisk1 -B -r\n'));
  });

  test('near misses: bootlist: false alone, a templated reboot', () => {
    none(play('- altdisk.aix.clone:\n    targets: [hdisk1]\n    bootlist: false\n    reboot: "{{ do_reboot }}"\n'), 'ALTDISK005');
  });
});

describe('ALTDISK006 force: true', () => {
  test('on a clone: warning on the option, fix removes it', () => {
    const text = play('- altdisk.aix.clone:\n    targets: [hdisk1]\n    force: yes\n');
    const f = one(text, 'ALTDISK006');
    assert.equal(covered(text, f.range), 'force: yes');
    assert.equal(fixed(text, f), play('- altdisk.aix.clone:\n    targets: [hdisk1]\n'));
  });

  test('near misses: force: false, bootlist force (-F means something else)', () => {
    none(play('- altdisk.aix.clone:\n    targets: [hdisk1]\n    force: false\n- altdisk.aix.bootlist:\n    normal: [hdisk1, hdisk0]\n    force: true\n'), 'ALTDISK006');
  });
});

describe('ALTDISK007 phase 2/3 without phase 1', () => {
  test('a phase task alone in its play: on the module name', () => {
    const text = play('- altdisk.aix.phase:\n    phase: "3"\n');
    const f = one(text, 'ALTDISK007');
    assert.equal(covered(text, f.range), 'altdisk.aix.phase');
  });

  test('a raw alt_disk_copy -P 23 counts as well', () => {
    one(play('- ansible.builtin.command: alt_disk_copy -d hdisk1 -P 23\n'), 'ALTDISK007');
  });

  test('near miss: phase 1 earlier in the play (even under when:)', () => {
    none(play(`
- altdisk.aix.clone:
    targets: [hdisk1]
    phase: "1"
  when: fresh
- altdisk.aix.phase:
    phase: "23"
`), 'ALTDISK007');
  });
});

describe('ALTDISK008 phase 1 without phase 3', () => {
  test('clone phase 12 and nothing after: on the phase option', () => {
    const text = play('- altdisk.aix.clone:\n    targets: [hdisk1]\n    phase: "12"\n');
    assert.equal(covered(text, one(text, 'ALTDISK008').range), 'phase: "12"');
  });

  test('near misses: phase 3 later in an included task file; a cleanup after it; phase all', () => {
    none(play('- altdisk.aix.clone:\n    targets: [hdisk1]\n    phase: "1"\n- altdisk.aix.phase:\n    phase: "3"\n'), 'ALTDISK008');
    none(play('- altdisk.aix.clone:\n    targets: [hdisk1]\n    phase: "1"\n- altdisk.aix.cleanup:\n'), 'ALTDISK008');
    none(play('- altdisk.aix.clone:\n    targets: [hdisk1]\n'), 'ALTDISK008');
  });
});

describe('ALTDISK009 cleanup before the reboot into the clone', () => {
  test('clone (boot list set) then cleanup: error on the cleanup, fix deletes the task', () => {
    const text = play(`
- name: Clone
  altdisk.aix.clone:
    targets: [hdisk1]

- name: Tidy up
  altdisk.aix.cleanup:

- name: Reboot
  ansible.builtin.reboot:
`);
    const f = one(text, 'ALTDISK009');
    assert.equal(covered(text, f.range), 'altdisk.aix.cleanup');
    assert.match(f.message, /"Clone"/);
    assert.equal(fixed(text, f), play(`
- name: Clone
  altdisk.aix.clone:
    targets: [hdisk1]

- name: Reboot
  ansible.builtin.reboot:
`));
  });

  test('near misses: cleanup in the rescue of the clone block; after the reboot; of old_rootvg', () => {
    none(play(`
- block:
    - altdisk.aix.clone:
        targets: [hdisk1]
  rescue:
    - altdisk.aix.cleanup:
- altdisk.aix.bootlist:
- ansible.builtin.reboot:
- altdisk.aix.cleanup:
    volume_group: old_rootvg
`), 'ALTDISK009');
  });
});

describe('ALTDISK011 mksysb_level not V.R.M', () => {
  test('a TL level (read by YAML 1.1 as a date): error on the value, safe fix, no duplicate schema error', () => {
    const text = play('- altdisk.aix.mksysb_install:\n    source: /mnt/x.mksysb\n    targets: [hdisk1]\n    mksysb_level: 7300-02-01\n');
    const f = one(text, 'ALTDISK011');
    assert.equal(covered(text, f.range), '7300-02-01');
    assert.equal(f.fixes[0]!.safe, true);
    assert.equal(only(text, 'schema/bad-value').length + only(text, 'schema/wrong-type').length, 0);
    const after = fixed(text, f);
    assert.match(after, /mksysb_level: 7\.3\.2\n/);
    assert.deepEqual(check(after).filter((x) => x.severity === 'error'), []);
  });

  test('-L 7.3.2.0 on a raw alt_disk_mksysb, and 7.3 without a fix', () => {
    const text = play('- ansible.builtin.command: alt_disk_mksysb -m /mnt/x -d hdisk1 -L 7.3.2.0\n- altdisk.aix.mksysb_install: source=/mnt/x targets=hdisk1 mksysb_level=7.3\n');
    const [a, b] = only(text, 'ALTDISK011');
    assert.equal(covered(text, a!.range), '7.3.2.0');
    assert.match(fixed(text, a!), /-L 7\.3\.2\n/);
    assert.equal(covered(text, b!.range), '7.3');
    assert.equal(b!.fixes.length, 0);
  });

  test('near miss: 7.3.2', () => {
    none(play('- altdisk.aix.mksysb_install:\n    source: /mnt/x\n    targets: [hdisk1]\n    mksysb_level: 7.3.2\n'), 'ALTDISK011');
  });
});

describe('ALTDISK012 the alt prefix', () => {
  test('mkvg -S -y altdata, crfs -m /altfs, aix_lvol lv: altlv', () => {
    const text = play(`
- ansible.builtin.command: mkvg -S -s 64 -y altdata hdisk4
- ansible.builtin.command: crfs -v jfs2 -g datavg -m /altfs -a size=1G
- community.general.aix_lvol:
    vg: datavg
    lv: altlv
    size: 1G
`);
    assert.deepEqual(only(text, 'ALTDISK012').map((f) => covered(text, f.range)), ['altdata', '/altfs', 'altlv']);
  });

  test('near misses: mkvg -y datavg, a removal of an alt LV', () => {
    none(play('- ansible.builtin.command: mkvg -y datavg hdisk4\n- community.general.aix_lvol: {vg: datavg, lv: altlv, state: absent}\n'), 'ALTDISK012');
  });
});

describe('ALTDISK013 reboot without a boot list check', () => {
  test('clone then reboot: on the reboot module, fix inserts a boot list check', () => {
    const text = play('- altdisk.aix.clone:\n    targets: [hdisk1]\n- name: Reboot\n  ansible.builtin.reboot:\n');
    const f = one(text, 'ALTDISK013');
    assert.equal(covered(text, f.range), 'ansible.builtin.reboot');
    const after = fixed(text, f);
    assert.match(after, /altdisk\.aix\.bootlist:\n {6}register: altdisk_bootlist\n\n {4}- name: Stop unless/);
    none(after, 'ALTDISK013');
  });

  test('shutdown -Fr as a command counts as a reboot', () => {
    one(play('- altdisk.aix.clone:\n    targets: [hdisk1]\n- ansible.builtin.command: shutdown -Fr\n'), 'ALTDISK013');
  });

  test('near misses: facts read after the clone; a when: about the boot list; a play without alt-disk work', () => {
    none(play('- altdisk.aix.clone:\n    targets: [hdisk1]\n- altdisk.aix.facts:\n- ansible.builtin.reboot:\n'), 'ALTDISK013');
    none(play('- altdisk.aix.clone:\n    targets: [hdisk1]\n- ansible.builtin.reboot:\n  when: ansible_facts.altdisk.bootlist.normal[0].device == "hdisk1"\n'), 'ALTDISK013');
    none(play('- ansible.builtin.reboot:\n'), 'ALTDISK013');
  });
});

describe('ALTDISK014 reboot right after a clone with bootlist: false', () => {
  test('error on the reboot, fixes: let the clone set the boot list, or set it first', () => {
    const text = play('- name: Clone\n  altdisk.aix.clone:\n    targets: [hdisk1]\n    bootlist: false\n- name: Reboot\n  ansible.builtin.reboot:\n');
    const f = one(text, 'ALTDISK014');
    assert.equal(covered(text, f.range), 'ansible.builtin.reboot');
    none(text, 'ALTDISK013');
    assert.equal(fixed(text, f, 0), play('- name: Clone\n  altdisk.aix.clone:\n    targets: [hdisk1]\n- name: Reboot\n  ansible.builtin.reboot:\n'));
    assert.match(fixed(text, f, 1), /altdisk\.aix\.bootlist:\n {8}normal: \[hdisk1\]\n\n {4}- name: Reboot/);
  });

  test('near miss: a boot list task between the clone and the reboot', () => {
    none(play('- altdisk.aix.clone:\n    targets: [hdisk1]\n    bootlist: false\n- altdisk.aix.bootlist:\n    normal: [hdisk1, hdisk0]\n- ansible.builtin.reboot:\n'), 'ALTDISK014');
  });
});

describe('ALTDISK015 device_reset without console', () => {
  test('warning on device_reset, fix adds console: /dev/vty0', () => {
    const text = play('- altdisk.aix.clone:\n    targets: [hdisk1]\n    device_reset: true\n');
    const f = one(text, 'ALTDISK015');
    assert.equal(covered(text, f.range), 'device_reset: true');
    const after = fixed(text, f);
    assert.equal(after, play('- altdisk.aix.clone:\n    targets: [hdisk1]\n    device_reset: true\n    console: /dev/vty0\n'));
    none(after, 'ALTDISK015');
  });

  test('raw -O without -c; near miss: with console', () => {
    one(play('- ansible.builtin.command: alt_disk_copy -d hdisk1 -O\n'), 'ALTDISK015');
    none(play('- altdisk.aix.clone:\n    targets: [hdisk1]\n    device_reset: true\n    console: /dev/vty0\n'), 'ALTDISK015');
  });
});

describe('ALTDISK016 reboot: true inside a task', () => {
  test('warning on reboot: true, fix removes it', () => {
    const text = play('- altdisk.aix.clone:\n    targets: [hdisk1]\n    reboot: true\n');
    const f = one(text, 'ALTDISK016');
    assert.equal(covered(text, f.range), 'reboot: true');
    assert.equal(fixed(text, f), play('- altdisk.aix.clone:\n    targets: [hdisk1]\n'));
  });

  test('near misses: reboot: false, phase 1 with reboot (nothing reboots before phase 3)', () => {
    none(play('- altdisk.aix.clone:\n    targets: [hdisk1]\n    reboot: false\n'), 'ALTDISK016');
    none(play('- altdisk.aix.clone:\n    targets: [hdisk1]\n    phase: "1"\n    reboot: true\n'), 'ALTDISK016');
  });
});

describe('ALTDISK017 bootinfo', () => {
  test('bootinfo -s hdisk1: information, safe fix to getconf DISK_SIZE', () => {
    const text = play('- ansible.builtin.command: bootinfo -s hdisk1\n  register: size\n');
    const f = one(text, 'ALTDISK017');
    assert.equal(f.severity, 'information');
    assert.equal(f.fixes[0]!.safe, true);
    assert.equal(fixed(text, f), play('- ansible.builtin.command: getconf DISK_SIZE /dev/hdisk1\n  register: size\n'));
  });

  test('bootinfo -B hdisk1 (no getconf equivalent): reported without a fix; near miss: getconf', () => {
    assert.equal(one(play('- ansible.builtin.command: bootinfo -B hdisk1\n'), 'ALTDISK017').fixes.length, 0);
    none(play('- ansible.builtin.command: getconf BOOT_DEVICE\n'), 'ALTDISK017');
  });
});

describe('ALTDISK018 wake-up without sleep', () => {
  test('alt_rootvg_op -W and no -S in the play', () => {
    const text = play('- ansible.builtin.command: alt_rootvg_op -W -d hdisk1\n- ansible.builtin.command: chroot /alt_inst /usr/bin/oslevel -s\n');
    assert.equal(covered(text, one(text, 'ALTDISK018').range), 'alt_rootvg_op -W -d hdisk1');
  });

  test('near miss: put back to sleep', () => {
    none(play('- ansible.builtin.command: alt_rootvg_op -W -d hdisk1\n- ansible.builtin.command: alt_rootvg_op -S\n'), 'ALTDISK018');
  });
});

describe('ALTDISK020 single-disk boot list', () => {
  test('normal: [hdisk1] alone; near misses: two disks, a template', () => {
    const text = play('- altdisk.aix.bootlist:\n    normal: [hdisk1]\n');
    assert.equal(covered(text, one(text, 'ALTDISK020').range), '[hdisk1]');
    none(play('- altdisk.aix.bootlist:\n    normal: [hdisk1, hdisk0]\n- altdisk.aix.bootlist:\n    normal: ["{{ disk }}"]\n'), 'ALTDISK020');
  });
});

describe('ALTDISK021 updates in phase 2 of a mksysb install', () => {
  test('mksysb phase 1 then phase 2 with a bundle', () => {
    const text = play(`
- altdisk.aix.mksysb_install:
    source: /mnt/x.mksysb
    targets: [hdisk1]
    phase: "1"
- altdisk.aix.phase:
    phase: "23"
    bundle: update_all
    images_location: /mnt/lpp
`);
    assert.equal(covered(text, one(text, 'ALTDISK021').range), 'bundle');
  });

  test('near miss: the same after a clone', () => {
    none(play(`
- altdisk.aix.clone:
    targets: [hdisk1]
    phase: "1"
- altdisk.aix.phase:
    phase: "23"
    bundle: update_all
    images_location: /mnt/lpp
`), 'ALTDISK021');
  });
});

test('every rule has a code, a severity, a line of why, a unique name and an anchor on docs/hazards.md', async () => {
  const fs = await import('node:fs');
  const { ROOT } = await import('./helpers.js');
  const page = fs.readFileSync(`${ROOT}/docs/hazards.md`, 'utf8');
  assert.ok(RULES.length >= 15);
  assert.equal(new Set(RULES.map((r) => r.name)).size, RULES.length);
  RULES.forEach((r, i) => {
    assert.equal(r.code, `ALTDISK${String(i + 1).padStart(3, '0')}`);
    assert.ok(r.why.length > 20 && !r.why.includes('\n'), r.code);
    assert.ok(page.includes(`<a id="${r.code.toLowerCase()}"></a>\n## ${r.code}:`), `docs/hazards.md has no anchor for ${r.code}`);
    assert.ok(page.includes(`| [${r.code}](#${r.code.toLowerCase()}) | ${r.severity} |`), `the table of docs/hazards.md lists ${r.code} with its severity`);
  });
});
