import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { altLog, cli, cloneTranscript, hostState, imageFile, imageOfDisk, lines, lspvRow, lspvRows, scratchFile, withHost } from '../helpers/altdisk.js';

// alt_disk_copy on a simulated AIX 7.3 host: the acceptance walk, the exact §7 transcript,
// the rules checked before anything changes (§3.3, §8, H-1..H-12) and the per-flag effects.

const USAGE_LINE =
  'Usage: alt_disk_copy -d targetdisks... [-i image.data] [-s script] [-b bundlename] [-I installpflags] [-l imageslocation] [-f fixbundle] [-F fixes] [-e excludelist] [-w filesets] [-n] [-P phases] [-c console] [-x first_boot_script] [-R resolvconf] [-DBOVgruTS]';

test('acceptance walk: clone, lspv, bootlist, 0505-126, cleanup, clone again, reboot leaves old_rootvg [§0, §20]', () =>
  withHost([], (h) => {
    const before = lspvRow(h, 'hdisk1');
    const r = h.run('alt_disk_copy', '-d', 'hdisk1');
    assert.equal(r.rc, 0, r.stderr);
    assert.equal(r.stderr, '');
    assert.deepEqual(lines(r.stdout), cloneTranscript('hdisk1'));
    assert.equal(lines(r.stdout).at(-1), 'Bootlist is set to the boot disk: hdisk1 blv=hd5');

    const row = lspvRow(h, 'hdisk1');
    assert.deepEqual(row, { name: 'hdisk1', pvid: before.pvid, vg: 'altinst_rootvg', state: '' });
    const raw = h.run('lspv').stdout.split('\n').find((l) => l.startsWith('hdisk1 '))!;
    assert.equal(raw.slice(52), 'altinst_rootvg'.padEnd(28), 'the state column is empty (varied off)');
    assert.deepEqual(lspvRow(h, 'hdisk0'), { ...lspvRow(h, 'hdisk0'), vg: 'rootvg', state: 'active' });

    const bl = h.run('bootlist', '-m', 'normal', '-o');
    assert.equal(bl.rc, 0);
    assert.equal(lines(bl.stdout)[0], 'hdisk1 blv=hd5 pathid=0');
    assert.ok(lines(bl.stdout).every((l) => l.startsWith('hdisk1 ')));

    const again = h.run('alt_disk_copy', '-d', 'hdisk0');
    assert.notEqual(again.rc, 0);
    assert.equal(again.stdout, '');
    assert.equal(again.stderr, '0505-126 alt_disk_copy: target disk hdisk0 has a volume group assigned to it.\n');

    const x = h.run('alt_rootvg_op', '-X', 'altinst_rootvg');
    assert.equal(x.rc, 0, x.stderr);
    assert.deepEqual(lspvRow(h, 'hdisk1'), { name: 'hdisk1', pvid: before.pvid, vg: 'None', state: '' });
    assert.equal(h.run('getlvodm', '-j', 'hdisk1').rc, 3, 'getlvodm -j sees a free disk again');

    assert.equal(h.run('alt_disk_copy', '-d', 'hdisk1').rc, 0);
    const boot = cli(h, 'reboot');
    assert.equal(boot.rc, 0, boot.stderr);
    assert.deepEqual(
      lspvRows(h).map((x) => [x.name, x.vg, x.state]),
      [
        ['hdisk0', 'old_rootvg', ''],
        ['hdisk1', 'rootvg', 'active'],
        ['hdisk2', 'None', ''],
        ['hdisk3', 'None', ''],
        ['hdisk4', 'datavg', 'active'],
      ],
    );
    assert.deepEqual(lines(h.run('lsvg').stdout), ['old_rootvg', 'rootvg', 'datavg']);
  }));

test('the clone is a new VGDA: new VGID, alt_ LVs in image.data order, rootvg PP size, boot record on the first target after phase 3', () =>
  withHost([], (h) => {
    const s0 = hostState(h);
    const rootVgda = s0.vgdas[s0.booted.vgid]!;
    assert.equal(h.run('alt_disk_copy', '-d', 'hdisk1 hdisk2', '-P', '1').rc, 0);
    const s = hostState(h);
    const alt = s.odm.find((v) => v.name === 'altinst_rootvg')!;
    assert.notEqual(alt.vgid, s0.booted.vgid);
    assert.deepEqual(alt.alt, { origin: 'alt_disk_copy', phase: 1, awake: false, phase2Runs: 0, pending: { bootlist: true, reboot: false } });
    assert.equal(alt.active, true);
    assert.equal(alt.lvsInOdm, true);
    const vgda = s.vgdas[alt.vgid]!;
    assert.equal(vgda.ppSizeMb, rootVgda.ppSizeMb);
    assert.deepEqual(
      vgda.lvs.map((lv) => lv.name),
      rootVgda.lvs.map((lv) => `alt_${lv.name}`),
    );
    assert.equal(vgda.lvs.find((lv) => lv.name === 'alt_hd2')!.mount, '/alt_inst/usr');
    const disks = Object.fromEntries(s.disks.map((d) => [d.name, d]));
    assert.equal(disks.hdisk1!.bootRecord, null, 'no boot image before phase 3');
    assert.equal(disks.hdisk2!.bootRecord, null);
    assert.equal(disks.hdisk1!.vgid, alt.vgid);
    assert.equal(disks.hdisk2!.vgid, alt.vgid);
    const img = s.images[vgda.imageId!]!;
    const running = s.images[rootVgda.imageId!]!;
    assert.deepEqual(img.level, running.level);
    assert.deepEqual(img.filesets, running.filesets);
    assert.equal(fs.readlinkSync(path.join(h.dir, 'alt_inst')), img.fsDir);
    assert.equal(fs.readFileSync(path.join(h.dir, 'alt_inst', 'etc/hosts'), 'utf8'), h.file('/etc/hosts'));
    assert.deepEqual(
      lspvRows(h).filter((r) => r.vg === 'altinst_rootvg').map((r) => [r.name, r.state]),
      [
        ['hdisk1', 'active'],
        ['hdisk2', 'active'],
      ],
    );
    assert.equal(h.run('alt_disk_copy', '-d', 'hdisk1 hdisk2', '-P', '3', '-B').rc, 0);
    const after = Object.fromEntries(hostState(h).disks.map((d) => [d.name, d]));
    assert.deepEqual([after.hdisk1!.bootRecord, after.hdisk2!.bootRecord], ['hd5', null]);
  }));

test('target disks: one argv with blanks, several argvs with flags after them, extra operands', () =>
  withHost([], (h) => {
    const r = h.run('alt_disk_copy', '-d', 'hdisk1', 'hdisk2', '-B');
    assert.equal(r.rc, 0, r.stderr);
    assert.ok(!r.stdout.includes('Bootlist is set'), '-B after the disks was still parsed');
    assert.deepEqual(
      lspvRows(h).filter((x) => x.vg === 'altinst_rootvg').map((x) => x.name),
      ['hdisk1', 'hdisk2'],
    );
    assert.equal(lines(h.run('bootlist', '-m', 'normal', '-o').stdout)[0], 'hdisk0 blv=hd5 pathid=0');
  }));

test('a target without PVID gets one; the phase-3 state is a varied-off place holder without LVs in the ODM', () =>
  withHost([], (h) => {
    assert.equal(lspvRow(h, 'hdisk3').pvid, 'none');
    assert.equal(h.run('alt_disk_copy', '-d', 'hdisk3').rc, 0);
    const row = lspvRow(h, 'hdisk3');
    assert.match(row.pvid, /^[0-9a-f]{16}$/);
    const s = hostState(h);
    const alt = s.odm.find((v) => v.name === 'altinst_rootvg')!;
    assert.deepEqual([alt.active, alt.lvsInOdm, alt.alt!.phase, alt.alt!.awake], [false, false, 3, false]);
    assert.ok(s.vgdas[alt.vgid]!.lvs.every((lv) => !lv.name.startsWith('alt_')), 'LVs have their real names in the VGDA');
    assert.equal(fs.existsSync(path.join(h.dir, 'alt_inst')), false, '/alt_inst is unmounted');
    const lsvg = h.run('lsvg', '-l', 'altinst_rootvg');
    assert.notEqual(lsvg.rc, 0);
    assert.equal(lsvg.stderr, '0516-010 : Volume group must be varied on; use varyonvg command.\n');
  }));

test('mirrored rootvg: the clone is one copy and fits a disk that holds one copy [H-18]', () =>
  withHost(['--mirrored'], (h) => {
    assert.equal(h.run('alt_disk_copy', '-d', 'hdisk2').rc, 0);
    const s = hostState(h);
    const alt = s.odm.find((v) => v.name === 'altinst_rootvg')!;
    assert.ok(s.vgdas[alt.vgid]!.lvs.every((lv) => lv.copies === 1));
    assert.deepEqual(s.vgdas[alt.vgid]!.pvs.length, 1);
  }));

test('usage errors print the §3.1 syntax on stderr and exit 2, before anything changes', () =>
  withHost([], (h) => {
    const before = h.stateText();
    const cases: [string[], string][] = [
      [[], 'alt_disk_copy: The -d flag (target disks) is required.'],
      [['-d', 'hdisk1', '-B', '-r'], 'alt_disk_copy: The -B and -r flags cannot be used together.'],
      [['-d', 'hdisk1', '-b', 'update_all'], 'alt_disk_copy: The -b flag requires the -l flag (images location).'],
      [['-d', 'hdisk1', '-w', 'bos.rte'], 'alt_disk_copy: The -w flag requires the -l flag (images location).'],
      [['-d', 'hdisk1', '-F', 'IJ12345'], 'alt_disk_copy: The -F flag requires the -l flag (images location).'],
      [['-d', 'hdisk1', '-f', '/tmp/fixes'], 'alt_disk_copy: The -f flag requires the -l flag (images location).'],
      [['-d', 'hdisk1', '-I', 'acgX'], 'alt_disk_copy: The -I flag requires the -l flag (images location).'],
      [['-d', 'hdisk1', '-c', '/dev/vty0'], 'alt_disk_copy: The -c flag is only valid with the -O flag.'],
      [['-d', 'hdisk1', '-P', '13'], 'alt_disk_copy: 13 is not a valid phase. Valid phases are 1, 2, 3, 12, 23 and all.'],
      [['-d', 'hdisk1', '-P4'], 'alt_disk_copy: 4 is not a valid phase. Valid phases are 1, 2, 3, 12, 23 and all.'],
      [['-d', 'hdisk1', '-Q'], 'alt_disk_copy: Not a recognized flag: Q'],
      [['-d'], 'alt_disk_copy: Flag -d requires a parameter'],
    ];
    for (const [args, message] of cases) {
      const r = h.run('alt_disk_copy', ...args);
      assert.equal(r.rc, 2, args.join(' '));
      assert.equal(r.stdout, '');
      assert.equal(r.stderr, `${message}\n${USAGE_LINE}\n`, args.join(' '));
    }
    assert.equal(h.stateText(), before);
  }));

test('rules checked before anything changes: full paths, executables, fileset, unknown disks, existing altinst_rootvg', () =>
  withHost([], (h) => {
    const script = scratchFile('script.sh', '#!/bin/sh\nexit 0\n');
    const cases: [string[], string][] = [
      [['-d', 'hdisk1', '-s', 'script.sh'], 'alt_disk_copy: The -s file script.sh must be given as a full path name.'],
      [['-d', 'hdisk1', '-s', script], `alt_disk_copy: ${script} is not an executable file.`],
      [['-d', 'hdisk1', '-R', '/nonexistent/resolv.conf'], 'alt_disk_copy: /nonexistent/resolv.conf does not exist.'],
      [['-d', 'hdisk1', '-e', 'exclude.list'], 'alt_disk_copy: The -e file exclude.list must be given as a full path name.'],
      [['-d', 'hdisk1', '-i', 'image.data'], 'alt_disk_copy: The -i file image.data must be given as a full path name.'],
      [['-d', 'hdisk1', '-x', script], `alt_disk_copy: ${script} is not an executable file.`],
      [['-d', 'hdisk9'], 'alt_disk_copy: hdisk9 is not a known device.'],
      [['-d', 'hdisk1 hdisk1'], 'alt_disk_copy: target disk hdisk1 is given more than once.'],
      [['-d', 'hdisk4'], '0505-126 alt_disk_copy: target disk hdisk4 has a volume group assigned to it.'],
      [['-d', 'hdisk1', '-l', '/nonexistent/lpp', '-b', 'update_all'], 'alt_disk_copy: The images location /nonexistent/lpp does not exist.'],
    ];
    const before = hostState(h);
    for (const [args, message] of cases) {
      const r = h.run('alt_disk_copy', ...args);
      assert.equal(r.rc, 1, args.join(' '));
      assert.equal(r.stderr, `${message}\n`, args.join(' '));
      assert.equal(r.stdout, '');
    }
    const after = hostState(h);
    assert.deepEqual(after.odm, before.odm);
    assert.deepEqual(after.disks, before.disks);
    assert.equal(after.busy, null, 'the one-at-a-time claim is released after a refusal');

    assert.equal(h.run('alt_disk_copy', '-d', 'hdisk1', '-P', '1').rc, 0);
    const second = h.run('alt_disk_copy', '-d', 'hdisk2');
    assert.equal(second.rc, 1);
    assert.equal(second.stderr, 'alt_disk_copy: The altinst_rootvg volume group already exists. Remove it with alt_rootvg_op -X before creating a new one.\n');
  }));

test('bos.alt_disk_install.rte must be installed in the running system', () =>
  withHost(['--no-fileset', 'rte'], (h) => {
    const r = h.run('alt_disk_copy', '-d', 'hdisk1');
    assert.equal(r.rc, 1);
    assert.equal(r.stderr, 'alt_disk_copy: The bos.alt_disk_install.rte fileset must be installed to run alt_disk_copy.\n');
    assert.equal(lspvRow(h, 'hdisk1').vg, 'None');
  }));

test('space: a target smaller than the used partitions is refused after "Checking disk sizes."; -S goes on and fails in mklv', () =>
  withHost(['--disk', 'hdisk5:8192'], (h) => {
    const r = h.run('alt_disk_copy', '-d', 'hdisk5');
    assert.equal(r.rc, 1);
    assert.deepEqual(lines(r.stdout), ['Calling mkszfile to create new /image.data file.', 'Checking disk sizes.']);
    assert.equal(r.stderr, 'alt_disk_copy: The target disk(s) do not have enough space: 10656 MB are needed, 8160 MB are available.\n');
    assert.equal(lspvRow(h, 'hdisk5').vg, 'None');

    const s = h.run('alt_disk_copy', '-d', 'hdisk5', '-S');
    assert.equal(s.rc, 1);
    const out = lines(s.stdout);
    const at = out.indexOf('Creating logical volume alt_hd3.');
    assert.ok(at > 0, s.stdout);
    assert.equal(out[at + 1], '0516-404 allocp: This system cannot fulfill the allocation request.');
    assert.equal(out.at(-1), '0516-822 mklv: Unable to create logical volume.');
    assert.equal(lspvRow(h, 'hdisk5').vg, 'None', 'the partial altinst_rootvg was removed');
    assert.equal(hostState(h).odm.some((v) => v.name === 'altinst_rootvg'), false);
  }));

test('bootability: a 3 TB target cannot be the boot disk unless -g overlooks the check', () =>
  withHost(['--disk', 'hdisk5:3145728'], (h) => {
    const r = h.run('alt_disk_copy', '-d', 'hdisk5');
    assert.equal(r.rc, 1);
    assert.equal(r.stderr, 'alt_disk_copy: target disk hdisk5 cannot be used as a boot disk (use -g to overlook the bootable checks).\n');
    assert.equal(h.run('alt_disk_copy', '-d', 'hdisk5', '-g').rc, 0);
    assert.equal(lspvRow(h, 'hdisk5').vg, 'altinst_rootvg');
  }));

test('alt_disk_inst.log: each run appends a blank line, a date line, the cmd line and the output [§9]', () =>
  withHost([], (h) => {
    assert.equal(h.run('alt_disk_copy', '-d', 'hdisk1', '-B').rc, 0);
    assert.equal(h.run('alt_disk_copy', '-d', 'hdisk0').rc, 1);
    const log = lines(altLog(h));
    const first = cloneTranscript('hdisk1').slice(0, -1);
    assert.equal(log[0], '');
    assert.match(log[1]!, /^(Sun|Mon|Tue|Wed|Thu|Fri|Sat) (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) [ \d]\d \d\d:\d\d:\d\d UTC \d{4}$/);
    assert.equal(log[2], 'cmd: /usr/sbin/alt_disk_copy -d hdisk1 -B');
    assert.deepEqual(log.slice(3, 3 + first.length), first);
    const second = log.slice(3 + first.length);
    assert.equal(second[0], '');
    assert.match(second[1]!, / UTC \d{4}$/);
    assert.deepEqual(second.slice(2), ['cmd: /usr/sbin/alt_disk_copy -d hdisk0', '0505-126 alt_disk_copy: target disk hdisk0 has a volume group assigned to it.']);
  }));

test('-e excludes files with grep patterns on ./path names; -V lists the files copied', () =>
  withHost([], (h) => {
    const exclude = scratchFile('exclude.list', '^./etc/motd$\n/home/\n\n');
    const r = h.run('alt_disk_copy', '-d', 'hdisk1', '-e', exclude, '-V', '-P', '1');
    assert.equal(r.rc, 0, r.stderr);
    const listed = lines(r.stdout).filter((l) => l.startsWith('./'));
    assert.ok(listed.includes('./etc/hosts'));
    assert.ok(listed.includes('./etc/filesystems'));
    assert.ok(!listed.includes('./etc/motd'));
    assert.ok(!listed.includes('./home/.keep'));
    const at = lines(r.stdout).indexOf('alternate file system...');
    assert.equal(lines(r.stdout)[at + 1], listed[0], 'the file list follows the backup/restore lines');
    const img = imageOfDisk(h, 'hdisk1');
    assert.equal(fs.existsSync(imageFile(h, img, '/etc/motd')), false);
    assert.equal(fs.existsSync(imageFile(h, img, '/home/.keep')), false);
    assert.equal(fs.readFileSync(imageFile(h, img, '/etc/hosts'), 'utf8'), h.file('/etc/hosts'));
  }));

test('-R replaces the clone\'s resolv.conf; -n copies /.rhosts and /etc/niminfo [§3.3]', () =>
  withHost([], (h) => {
    const resolv = scratchFile('resolv.conf', 'domain new.example\nnameserver 198.51.100.1\n');
    const exclude = scratchFile('exclude.list', 'niminfo\nrhosts\n');
    assert.equal(h.run('alt_disk_copy', '-d', 'hdisk1', '-R', resolv, '-e', exclude, '-P', '1').rc, 0);
    const img = imageOfDisk(h, 'hdisk1');
    assert.equal(fs.existsSync(imageFile(h, img, '/etc/niminfo')), false, 'excluded from the copy');
    assert.equal(fs.readFileSync(imageFile(h, img, '/etc/resolv.conf'), 'utf8'), h.file('/etc/resolv.conf'), 'phase 1 does not apply -R');
    assert.equal(h.run('alt_disk_copy', '-d', 'hdisk1', '-P', '2', '-R', resolv, '-n').rc, 0);
    assert.equal(fs.readFileSync(imageFile(h, img, '/etc/resolv.conf'), 'utf8'), 'domain new.example\nnameserver 198.51.100.1\n');
    assert.equal(fs.readFileSync(imageFile(h, img, '/etc/niminfo'), 'utf8'), h.file('/etc/niminfo'));
    assert.equal(fs.readFileSync(imageFile(h, img, '/.rhosts'), 'utf8'), 'nimmaster root\n');
    assert.notEqual(h.file('/etc/resolv.conf'), 'domain new.example\nnameserver 198.51.100.1\n', 'the running system is untouched');
  }));

test('-O prints the device reset lines (and the console note without -c); -B leaves the bootlist and prints no bootlist line', () =>
  withHost([], (h) => {
    const r = h.run('alt_disk_copy', '-d', 'hdisk1', '-O', '-B');
    assert.equal(r.rc, 0, r.stderr);
    const out = lines(r.stdout);
    const at = out.indexOf('Building boot image on cloned disk.');
    assert.deepEqual(out.slice(at + 1, at + 4), [
      'Resetting all device attributes.',
      'NOTE: The first boot from altinst_rootvg will prompt to define the new system console.',
      'Changing logical volume names in volume group descriptor area.',
    ]);
    assert.equal(out.at(-1), 'Fixing file system superblocks...');
    const img = hostState(h).images[imageOfDisk(h, 'hdisk1')]!;
    assert.deepEqual([img.deviceReset, img.console, img.renumberOnBoot], [true, null, true]);
  }));

test('-O -c console: no console note, the console is recorded', () =>
  withHost([], (h) => {
    const r = h.run('alt_disk_copy', '-d', 'hdisk1', '-O', '-c', '/dev/vty0');
    assert.equal(r.rc, 0, r.stderr);
    assert.ok(r.stdout.includes('Resetting all device attributes.\nChanging logical volume names'));
    assert.ok(!r.stdout.includes('NOTE:'));
    assert.equal(hostState(h).images[imageOfDisk(h, 'hdisk1')]!.console, '/dev/vty0');
  }));

test('-T recreates JFS file systems as JFS2 (VGDA and the clone\'s /etc/filesystems)', () => {
  const lvs = [
    { name: 'hd5', type: 'boot', lps: 1 },
    { name: 'hd6', type: 'paging', lps: 32 },
    { name: 'hd8', type: 'jfslog', lps: 1 },
    { name: 'hd4', type: 'jfs', lps: 4, mount: '/' },
    { name: 'hd2', type: 'jfs', lps: 64, mount: '/usr' },
    { name: 'hd9var', type: 'jfs', lps: 4, mount: '/var' },
    { name: 'hd3', type: 'jfs', lps: 8, mount: '/tmp' },
  ];
  const profile = scratchFile('jfs73.json', JSON.stringify({ base: 'aix73', name: 'jfs73', rootvg: { disks: ['hdisk0'], ppSizeMb: 32, copies: 1, format: 'original', lvs } }));
  return withHost(['--profile', profile], (h) => {
    assert.match(h.file('/etc/filesystems'), /vfs += jfs$/m);
    assert.equal(h.run('alt_disk_copy', '-d', 'hdisk1', '-T', '-P', '1').rc, 0);
    const s = hostState(h);
    const alt = s.odm.find((v) => v.name === 'altinst_rootvg')!;
    assert.deepEqual(
      s.vgdas[alt.vgid]!.lvs.map((lv) => lv.type),
      ['boot', 'paging', 'jfs2log', 'jfs2', 'jfs2', 'jfs2', 'jfs2'],
    );
    const fsText = fs.readFileSync(imageFile(h, imageOfDisk(h, 'hdisk1'), '/etc/filesystems'), 'utf8');
    assert.doesNotMatch(fsText, /vfs += jfs$/m);
    assert.match(fsText, /vfs += jfs2$/m);
  });
});

test('-D traces the steps on stderr', () =>
  withHost([], (h) => {
    const r = h.run('alt_disk_copy', '-d', 'hdisk1', '-D');
    assert.equal(r.rc, 0);
    assert.ok(lines(r.stderr).includes('+ mkvg -y altinst_rootvg hdisk1'), r.stderr);
    assert.ok(lines(r.stderr).includes('+ bootlist -m normal hdisk1 blv=hd5'));
    assert.deepEqual(lines(r.stdout), cloneTranscript('hdisk1'));
  }));

test('the call log records every run with its exit code', () =>
  withHost([], (h) => {
    h.run('alt_disk_copy', '-d', 'hdisk1');
    h.run('alt_disk_copy', '-d', 'hdisk0');
    assert.deepEqual(
      h.calls().map((c) => [c.argv, c.rc]),
      [
        [['alt_disk_copy', '-d', 'hdisk1'], 0],
        [['alt_disk_copy', '-d', 'hdisk0'], 1],
      ],
    );
  }));
