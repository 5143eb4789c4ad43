import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { cli, hostState, imageFile, imageOfDisk, lines, lspvRow, scratchFile, withHost } from '../helpers/altdisk.js';
import type { SimHost } from '../helpers/sim.js';

// Customization scripts really run [seed -s]: on this machine, with the host's commands first in
// PATH and /alt_inst showing the alternate disk's files; a failing script fails phase 2. The -x
// first-boot script runs once, when the clone first boots.

test('-s: the script changes a file under /alt_inst, sees the simulated commands, and its output is in the transcript', () =>
  withHost([], (h) => {
    const script = scratchFile(
      'custom.sh',
      ['#!/bin/sh', 'set -e', 'echo "tuned by script" > /alt_inst/etc/motd', 'test -f /alt_inst/etc/filesystems', 'lspv | grep altinst_rootvg', 'echo "script done"', ''].join('\n'),
      true,
    );
    const runningMotd = h.file('/etc/motd');
    const r = h.run('alt_disk_copy', '-d', 'hdisk1', '-s', script);
    assert.equal(r.rc, 0, r.stderr);
    const out = lines(r.stdout);
    const at = out.indexOf('script done');
    assert.ok(at > 0, r.stdout);
    assert.match(out[at - 1]!, /^hdisk1 +[0-9a-f]{16} +altinst_rootvg +active/);
    assert.equal(out[at + 1], 'Modifying ODM on cloned disk.', 'the script runs at the end of phase 2, before phase 3');
    assert.equal(fs.readFileSync(imageFile(h, imageOfDisk(h, 'hdisk1'), '/etc/motd'), 'utf8'), 'tuned by script\n');
    assert.equal(h.file('/etc/motd'), runningMotd, 'the running system is untouched');
    if (fs.existsSync('/alt_inst')) assert.equal(fs.existsSync('/alt_inst/etc/motd'), false, "this machine's /alt_inst is left alone");
  }));

test('-s: a script that exits non-zero fails phase 2 with its code and leaves the post-phase-1 state', () =>
  withHost([], (h) => {
    const bad = scratchFile('bad.sh', '#!/bin/sh\necho "about to fail" >&2\nexit 3\n', true);
    const r = h.run('alt_disk_copy', '-d', 'hdisk1', '-s', bad);
    assert.equal(r.rc, 1);
    assert.equal(r.stderr, `about to fail\nalt_disk_copy: The customization script ${bad} failed with return code 3.\n`);
    assert.ok(!r.stdout.includes('Modifying ODM'), 'phase 3 did not run');
    assert.equal(lspvRow(h, 'hdisk1').state, 'active');
    assert.equal(hostState(h).odm.find((v) => v.name === 'altinst_rootvg')!.alt!.phase, 1);
    assert.ok(fs.existsSync(path.join(h.dir, 'alt_inst', 'etc')));
    const good = scratchFile('good.sh', '#!/bin/sh\nexit 0\n', true);
    const again = h.run('alt_disk_copy', '-d', 'hdisk1', '-P', '23', '-s', good);
    assert.equal(again.rc, 0, again.stderr);
    assert.equal(lines(again.stdout).at(-1), 'Bootlist is set to the boot disk: hdisk1 blv=hd5');
  }));

/** Let an unprivileged user drive the host (the test runs as root). */
function openToEveryone(h: SimHost): void {
  fs.chmodSync(path.dirname(h.dir), 0o755);
  spawnSync('chmod', ['-R', 'a+rwX', h.dir]);
}

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
const proot = ['/usr/bin/proot', '/bin/proot'].find((p) => fs.existsSync(p));
const setpriv = ['/usr/bin/setpriv', '/bin/setpriv'].find((p) => fs.existsSync(p)) ?? 'setpriv';

test('-s without root and without proot fails loudly instead of skipping the script', { skip: !isRoot && 'needs root to switch to an unprivileged user' }, () =>
  withHost([], (h) => {
    openToEveryone(h);
    const nodeOnly = path.dirname(scratchFile('placeholder', ''));
    fs.symlinkSync(process.execPath, path.join(nodeOnly, 'node'));
    fs.chmodSync(nodeOnly, 0o755);
    const script = scratchFile('s.sh', '#!/bin/sh\necho ran > /alt_inst/etc/ran\n', true);
    fs.chmodSync(path.dirname(script), 0o755);
    const r = spawnSync(setpriv, ['--reuid=65534', '--regid=65534', '--clear-groups', path.join(h.dir, 'bin', 'alt_disk_copy'), '-d', 'hdisk1', '-s', script], {
      encoding: 'utf8',
      env: { PATH: nodeOnly },
    });
    assert.equal(r.status, 1, r.stderr);
    assert.match(r.stderr, /cannot run the customization script .*needs root \(for unshare --mount\) or proot/);
    assert.equal(fs.existsSync(imageFile(h, imageOfDisk(h, 'hdisk1'), '/etc/ran')), false);
    assert.equal(lspvRow(h, 'hdisk1').state, 'active', 'phase 2 failed, the clone stays in its post-phase-1 state');
  }));

test('-s as an unprivileged user runs through proot', { skip: (!isRoot && 'needs root to switch users') || (!proot && 'proot is not installed') }, () =>
  withHost([], (h) => {
    openToEveryone(h);
    const script = scratchFile('s.sh', '#!/bin/sh\necho ran-under-proot > /alt_inst/etc/ran\n', true);
    fs.chmodSync(path.dirname(script), 0o755);
    const r = spawnSync(setpriv, ['--reuid=65534', '--regid=65534', '--clear-groups', path.join(h.dir, 'bin', 'alt_disk_copy'), '-d', 'hdisk1', '-s', script], {
      encoding: 'utf8',
      env: { PATH: `${path.dirname(process.execPath)}:/usr/bin:/bin` },
    });
    assert.equal(r.status, 0, r.stderr);
    assert.equal(fs.readFileSync(imageFile(h, imageOfDisk(h, 'hdisk1'), '/etc/ran'), 'utf8'), 'ran-under-proot\n');
  }));

test('-x: the first boot script runs once, at the first boot of the clone, with the booted system as its working folder', () =>
  withHost([], (h) => {
    const first = scratchFile('first.sh', '#!/bin/sh\necho "first boot of $(lspv | grep -c rootvg) rootvg disks" > etc/firstboot.ran\necho hello-from-first-boot\n', true);
    assert.equal(h.run('alt_disk_copy', '-d', 'hdisk1', '-x', first).rc, 0);
    const img = hostState(h).images[imageOfDisk(h, 'hdisk1')]!;
    assert.equal(img.firstBootScript, '/etc/alt_disk_install/first_boot_script');
    const boot = cli(h, 'reboot');
    assert.equal(boot.rc, 0, boot.stderr);
    assert.match(boot.stdout, /^Running the first boot script \/etc\/alt_disk_install\/first_boot_script\nhello-from-first-boot$/m);
    assert.equal(h.file('/etc/firstboot.ran'), 'first boot of 2 rootvg disks\n');
    fs.rmSync(path.join(h.dir, 'root', 'etc/firstboot.ran'));
    const second = cli(h, 'reboot');
    assert.equal(second.rc, 0);
    assert.ok(!second.stdout.includes('hello-from-first-boot'));
    assert.equal(fs.existsSync(path.join(h.dir, 'root', 'etc/firstboot.ran')), false);
  }));
