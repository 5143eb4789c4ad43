import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { altLog, cli, hostState, lines, lspvRow, lspvRows, withHost, scratchDir } from '../helpers/altdisk.js';

// alt_disk_install [§2, seed]: on AIX 4.3 the seed's syntax end to end (clone, mksysb with the
// <platform>_<V.R.M>_boot image, -X, a reboot after which the former rootvg shows no VG); on 5.3+
// the wrapper that maps the same syntax onto alt_disk_copy / alt_disk_mksysb / alt_rootvg_op.

test('AIX 4.3: only alt_disk_install exists among the alternate-disk commands', () =>
  withHost(['--profile', 'aix43'], (h) => {
    const bin = fs.readdirSync(path.join(h.dir, 'bin'));
    assert.ok(bin.includes('alt_disk_install'));
    for (const modern of ['alt_disk_copy', 'alt_disk_mksysb', 'alt_rootvg_op']) assert.ok(!bin.includes(modern), modern);
  }));

test('AIX 4.3: -C clones to positional targets, the bootlist follows, a reboot leaves the former rootvg with no VG [seed]', () =>
  withHost(['--profile', 'aix43'], (h) => {
    const r = h.run('alt_disk_install', '-C', 'hdisk1');
    assert.equal(r.rc, 0, r.stderr);
    const out = lines(r.stdout);
    assert.equal(out[0], 'Calling mkszfile to create new /image.data file.');
    assert.deepEqual(
      out.filter((l) => l.startsWith('Creating logical volume')),
      ['hd5', 'hd6', 'hd8', 'hd4', 'hd2', 'hd9var', 'hd3', 'hd1'].map((lv) => `Creating logical volume alt_${lv}.`),
    );
    assert.equal(out.at(-1), 'Bootlist is set to the boot disk: hdisk1 blv=hd5');
    assert.equal(lspvRow(h, 'hdisk1').vg, 'altinst_rootvg');
    assert.equal(hostState(h).odm.find((v) => v.name === 'altinst_rootvg')!.alt!.origin, 'alt_disk_install');
    assert.match(altLog(h), /^cmd: \/usr\/sbin\/alt_disk_install -C hdisk1$/m);

    assert.equal(cli(h, 'reboot').rc, 0);
    assert.deepEqual(
      lspvRows(h).map((x) => [x.name, x.vg, x.state]),
      [
        ['hdisk0', 'None', ''],
        ['hdisk1', 'rootvg', 'active'],
        ['hdisk2', 'None', ''],
        ['hdisk3', 'None', ''],
        ['hdisk4', 'datavg', 'active'],
      ],
    );
    assert.deepEqual(lines(h.run('lsvg').stdout), ['rootvg', 'datavg']);
    // "you can still use the bootlist command to change the bootlist to reboot from the old rootvg"
    assert.equal(h.run('bootlist', '-m', 'normal', 'hdisk0').rc, 0);
    assert.equal(cli(h, 'reboot').rc, 0);
    assert.equal(lspvRow(h, 'hdisk0').vg, 'rootvg');
    assert.equal(lspvRow(h, 'hdisk1').vg, 'altinst_rootvg', 'the 4.3 system booted back still has its place holder');
  }));

test('AIX 4.3: -X alone removes altinst_rootvg; -X with anything else is a usage error', () =>
  withHost(['--profile', 'aix43'], (h) => {
    assert.equal(h.run('alt_disk_install', '-C', '-P', '1', 'hdisk1').rc, 0);
    assert.equal(lspvRow(h, 'hdisk1').state, 'active');
    const bad = h.run('alt_disk_install', '-X', 'altinst_rootvg');
    assert.equal(bad.rc, 2);
    assert.equal(lines(bad.stderr)[0], 'Usage: alt_disk_install -d device || -C [-i image.data] [-s script ] [-R resolv_conf ] [-D] [-B] [-V] [-r] [-pplatform ] [-Lmksysb_level ] [-bbundle_name ] [-I installp_flags ] [-l images_location ] [-f fix_bundle ] [-Ffixes ] [-e exclude_list ] [-w filesets ] [-n] [-P phase ] target_disks...');
    const x = h.run('alt_disk_install', '-X');
    assert.equal(x.rc, 0, x.stderr);
    assert.equal(lspvRow(h, 'hdisk1').vg, 'None');
    assert.match(altLog(h), /^cmd: \/usr\/sbin\/alt_disk_install -X$/m);
  }));

test('AIX 4.3: -d installs a mksysb with the <platform>_<V.R.M>_boot image; -L defaults to 4.3.0 [seed]', () =>
  withHost(['--profile', 'aix43'], (h) => {
    const image = path.join(scratchDir(), '43.mksysb');
    assert.equal(cli(h, 'mksysb', image).rc, 0);
    const dflt = h.run('alt_disk_install', '-d', image, 'hdisk2');
    assert.equal(dflt.rc, 1);
    assert.equal(dflt.stderr, 'alt_disk_install: The level of the mksysb image (4.3.3) does not match the level given with -L (4.3.0).\n');
    const ok = h.run('alt_disk_install', '-d', image, '-L', '4.3.3', 'hdisk2');
    assert.equal(ok.rc, 0, ok.stderr);
    assert.equal(lines(ok.stdout)[0], 'Restoring /image.data from mksysb image.');
    assert.equal(lines(ok.stdout).at(-1), 'Bootlist is set to the boot disk: hdisk2 blv=hd5');
    assert.match(altLog(h), /^cmd: \/usr\/sbin\/alt_disk_install -d \S+ -L 4\.3\.3 hdisk2$/m);
    assert.equal(h.run('alt_disk_install', '-X').rc, 0);

    fs.rmSync(path.join(h.dir, 'root/usr/lpp/bos.alt_disk_install/boot_images/rspc_4.3.3_boot'));
    const missing = h.run('alt_disk_install', '-d', image, '-L', '4.3.3', '-prspc', 'hdisk2');
    assert.equal(missing.rc, 1);
    assert.equal(
      missing.stderr,
      'alt_disk_install: The boot image /usr/lpp/bos.alt_disk_install/boot_images/rspc_4.3.3_boot was not found; install bos.alt_disk_install.boot_images at this level.\n',
    );
    assert.equal(h.run('alt_disk_install', '-d', image, '-L', '4.3.3', '-p', 'rs6k', 'hdisk2').rc, 0);
  }));

test('AIX 4.3: the seed\'s flag rules are usage errors', () =>
  withHost(['--profile', 'aix43'], (h) => {
    const cases: [string[], string][] = [
      [['-C', '-d', '/tmp/x', 'hdisk1'], 'alt_disk_install: The -d and -C flags are mutually exclusive.'],
      [['hdisk1'], 'alt_disk_install: One of the -d or -C flags is required.'],
      [['-C'], 'alt_disk_install: No target disks were given.'],
      [['-d', '/tmp/x', '-b', 'update_all', '-l', '/tmp', 'hdisk1'], 'alt_disk_install: The -b flag is only valid when cloning rootvg (-C).'],
      [['-d', '/tmp/x', '-e', '/tmp/ex', 'hdisk1'], 'alt_disk_install: The -e flag is only valid when cloning rootvg (-C).'],
      [['-C', '-L', '4.3.3', 'hdisk1'], 'alt_disk_install: The -L flag is only valid for mksysb installs (-d).'],
      [['-C', '-w', 'bos.rte', 'hdisk1'], 'alt_disk_install: The -w flag requires the -l flag (images location).'],
      [['-C', '-B', '-r', 'hdisk1'], 'alt_disk_install: The -B and -r flags cannot be used together.'],
      [['-C', '-P', '13', 'hdisk1'], 'alt_disk_install: 13 is not a valid phase. Valid phases are 1, 2, 3, 12, 23 and all.'],
      [['-C', '-O', 'hdisk1'], 'alt_disk_install: Not a recognized flag: O'],
    ];
    for (const [args, message] of cases) {
      const r = h.run('alt_disk_install', ...args);
      assert.equal(r.rc, 2, args.join(' '));
      assert.equal(lines(r.stderr)[0], message, args.join(' '));
      assert.match(lines(r.stderr)[1]!, /^Usage: alt_disk_install -d device \|\| -C /);
    }
    const target = h.run('alt_disk_install', '-C', 'hdisk0');
    assert.deepEqual([target.rc, target.stderr], [1, '0505-126 alt_disk_install: target disk hdisk0 has a volume group assigned to it.\n']);
  }));

test('5.3+ wrapper: -C → alt_disk_copy, -d device → alt_disk_mksysb, -q/-W/-S/-v/-X → alt_rootvg_op [§2.3]', () =>
  withHost([], (h) => {
    const clone = h.run('alt_disk_install', '-C', '-B', 'hdisk1');
    assert.equal(clone.rc, 0, clone.stderr);
    assert.equal(lines(clone.stdout).at(-1), 'Fixing file system superblocks...');
    assert.match(altLog(h), /^cmd: \/usr\/sbin\/alt_disk_copy -d hdisk1 -B$/m);
    assert.deepEqual(h.run('alt_disk_install', '-q', 'hdisk1'), { stdout: 'hdisk1\n', stderr: '', rc: 0 });
    assert.equal(h.run('alt_disk_install', '-W', 'hdisk1').rc, 0);
    assert.equal(lspvRow(h, 'hdisk1').state, 'active');
    assert.equal(h.run('alt_disk_install', '-S').rc, 0);
    assert.equal(lspvRow(h, 'hdisk1').state, '');
    assert.equal(h.run('alt_disk_install', '-v', 'clone1', 'hdisk1').rc, 0);
    assert.equal(lspvRow(h, 'hdisk1').vg, 'clone1');
    assert.equal(h.run('alt_disk_install', '-X', 'clone1').rc, 0);
    assert.equal(lspvRow(h, 'hdisk1').vg, 'None');

    const image = path.join(scratchDir(), 'img.mksysb');
    assert.equal(cli(h, 'mksysb', image).rc, 0);
    const restore = h.run('alt_disk_install', '-d', image, 'hdisk2');
    assert.equal(restore.rc, 0, restore.stderr);
    assert.equal(lines(restore.stdout)[0], 'Restoring /image.data from mksysb image.');
    assert.match(altLog(h), new RegExp(`^cmd: /usr/sbin/alt_disk_mksysb -m ${image.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')} -d hdisk2$`, 'm'));
    assert.equal(hostState(h).odm.find((v) => v.name === 'altinst_rootvg')!.alt!.origin, 'alt_disk_mksysb');
    assert.equal(h.run('alt_disk_install', '-X').rc, 0);
    const wrong = h.run('alt_disk_install', '-d', 'hdisk3', 'hdisk1');
    assert.equal(wrong.rc, 1, 'the classic mistake: -d given a disk (H-15)');
    assert.equal(wrong.stderr, 'alt_disk_mksysb: hdisk3 is not a valid mksysb image.\n');
  }));
