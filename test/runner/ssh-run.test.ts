import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as path from 'node:path';
import { aixsim, outputLines } from '../helpers/sim.js';
import { explain } from '../helpers/ansible.js';
import { isReadOnlyCall } from '../helpers/modules.js';
import { startSshFleet, type SshFleet } from '../helpers/ssh-fleet.js';
import { altdisk, runAll, treeOf } from '../helpers/runner.js';
import { altdiskFactsOf, simHost } from '../../runner/src/index.js';

// The runner over a real sshd (127.0.0.1, generated keys, key-only) with simulated AIX hosts
// behind it, each with its own altdisk_env: one host, twenty at once, an unreachable one, host
// keys, a host without Node.js, a failing module, idempotence, check mode, twins, and nothing
// left on the host.

const FLEET = Array.from({ length: 20 }, (_, i) => `fleet${String(i + 1).padStart(2, '0')}`);
let fleet: SshFleet;

before(async () => {
  fleet = await startSshFleet({ hosts: ['lpar01', 'lpar02', 'lpar03', 'lpar04', 'twinsrc', ...FLEET], distinct: { twinsrc: [] } });
});
after(async () => {
  await fleet?.stop();
});

const ssh = () => ['--ssh-config', fleet.sshConfig];

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const a = s.address();
      s.close(() => resolve(typeof a === 'object' && a ? a.port : 0));
    });
  });
}

test('one host over SSH: the answer, the options altdisk gives ssh (each once, BatchMode, keep-alives, its own master in a private 0700 folder), and nothing left afterwards', async () => {
  let controlDirMode: number | null = null;
  let argv = '';
  const { events, summary } = await runAll({ module: 'facts', args: {}, hosts: [{ name: 'lpar01', vars: fleet.hostVars('lpar01') }], ssh: { configFile: fleet.sshConfig } }, (e) => {
    if (e.type === 'debug' && e.message.startsWith('ssh ')) {
      argv = e.message;
      const dir = path.dirname(/ControlPath=(\S+)/.exec(argv)![1]!);
      controlDirMode = fs.statSync(dir).mode & 0o777;
    }
  });
  const h = summary.hosts[0]!;
  assert.equal(h.status, 'ok', JSON.stringify(h));
  assert.equal(h.transport, 'ssh');
  assert.match(String(h.result?.msg), /facts gathered|warning/);
  assert.ok(events.some((e) => e.type === 'result' && e.host === 'lpar01'));
  assert.equal(controlDirMode, 0o700, argv);
  const opts = [...argv.matchAll(/-o (\w+)=/g)].map((m) => m[1]!);
  assert.deepEqual(opts.filter((o, i) => opts.indexOf(o) !== i), [], `an option given twice: ${argv}`);
  for (const o of ['BatchMode=yes', 'ServerAliveInterval=15', 'ControlMaster=auto', 'ControlPersist=30']) assert.ok(argv.includes(`-o ${o}`), `no -o ${o} in ${argv}`);
  assert.doesNotMatch(argv, /StrictHostKeyChecking/, 'altdisk must leave host key checking as the user configured it');
  const controlPath = /ControlPath=(\S+)/.exec(argv)![1]!;
  assert.equal(fs.existsSync(path.dirname(controlPath)), false, 'the control folder must be removed at the end');
  const masters = fs.readdirSync('/proc').filter((p) => /^\d+$/.test(p)).filter((p) => {
    try {
      return fs.readFileSync(`/proc/${p}/cmdline`, 'latin1').includes(controlPath);
    } catch {
      return false;
    }
  });
  assert.deepEqual(masters, [], 'the master connection must be closed at the end');
});

test('twenty hosts at once (--forks 20): every host answers from its own simulated LPAR; identical answers are shown once; plain host-prefixed lines when not on a terminal', async () => {
  const inv = fleet.inventory(FLEET);
  const before = FLEET.map((h) => fs.readFileSync(path.join(fleet.hostDir(h), 'calls.log'), 'utf8').length);
  const r = await altdisk(['run', 'facts', '-i', inv, '--forks', '20', ...ssh()]);
  assert.equal(r.rc, 0, explain(r));
  FLEET.forEach((h, i) => assert.ok(fs.readFileSync(path.join(fleet.hostDir(h), 'calls.log'), 'utf8').length > before[i]!, `${h}: nothing ran on its simulated host`));
  assert.match(r.stdout, /^---- fleet\[01-20\] \(20 hosts\) ----\nOK \| alternate-disk facts gathered$/m, explain(r));
  assert.match(r.stdout, /^fleet07 \| started \(ssh\)$/m);
  assert.match(r.stdout, /^fleet13 \| OK \| /m);
  const recap = r.stdout.slice(r.stdout.indexOf('RECAP'));
  for (const h of FLEET) assert.match(recap, new RegExp(`^${h} : ok=1  changed=0  unreachable=0  failed=0`, 'm'));
});

test('an unreachable host is reported with OpenSSH\'s words and exit code 4; the other host still runs', async () => {
  const closed = await freePort();
  const inv = fleet.inventory(['lpar01', 'lpar99'], { lpar99: { ansible_port: closed } });
  const r = await altdisk(['run', 'facts', '-i', inv, ...ssh()]);
  assert.equal(r.rc, 4, explain(r));
  assert.match(r.stdout, /lpar99 \| UNREACHABLE \| lpar99: .*Connection refused/, explain(r));
  assert.match(r.stdout, /^lpar01 : ok=1 /m);
  assert.match(r.stdout, /^lpar99 : ok=0 {2}changed=0 {2}unreachable=1 /m);
});

test('an unknown host key is refused with OpenSSH\'s words and the fix, accepted only with --accept-new-host-keys; a stricter user setting is never overridden', async () => {
  const known = path.join(fleet.dir, 'known_hosts_empty');
  fs.writeFileSync(known, '');
  const cfg = path.join(fleet.dir, 'ssh_config_unknown');
  fs.writeFileSync(cfg, fs.readFileSync(fleet.sshConfig, 'utf8').replace(fleet.knownHosts, known));
  const inv = fleet.inventory(['lpar01']);
  const refused = await altdisk(['run', 'facts', '-i', inv, '--ssh-config', cfg]);
  assert.equal(refused.rc, 4, explain(refused));
  assert.match(refused.stdout, /Host key verification failed/, explain(refused));
  assert.match(refused.stdout, /--accept-new-host-keys/);
  assert.equal(fs.readFileSync(known, 'utf8'), '', 'nothing may be recorded without the flag');

  const accepted = await altdisk(['run', 'facts', '-i', inv, '--ssh-config', cfg, '--accept-new-host-keys', '-vv']);
  assert.equal(accepted.rc, 0, explain(accepted));
  assert.ok(fs.readFileSync(known, 'utf8').includes(fleet.knownHostsLine(fleet.sshd.port).split(' ')[0]!), 'the accepted key is recorded in known_hosts');
  assert.match(accepted.stdout, /-o StrictHostKeyChecking=accept-new/);

  // The user's configuration says StrictHostKeyChecking yes and ServerAliveInterval 5: altdisk
  // overrides neither (OpenSSH keeps the first value it is given, the command line's).
  const strictKnown = path.join(fleet.dir, 'known_hosts_strict');
  fs.writeFileSync(strictKnown, '');
  const strict = path.join(fleet.dir, 'ssh_config_strict');
  fs.writeFileSync(strict, fs.readFileSync(fleet.sshConfig, 'utf8').replace(fleet.knownHosts, strictKnown) + '  StrictHostKeyChecking yes\n  ServerAliveInterval 5\n');
  const kept = await altdisk(['run', 'facts', '-i', inv, '--ssh-config', strict, '--accept-new-host-keys', '-vv']);
  assert.equal(kept.rc, 4, explain(kept));
  assert.match(kept.stdout, /StrictHostKeyChecking yes|StrictHostKeyChecking true/);
  assert.match(kept.stdout, /does not override a stricter setting/);
  const argvLine = kept.stdout.split('\n').find((l) => l.includes('altdisk: ssh '))!;
  assert.doesNotMatch(argvLine, /StrictHostKeyChecking|ServerAliveInterval/, argvLine);
  assert.equal(fs.readFileSync(strictKnown, 'utf8'), '');
});

test('a host without Node.js 18: the message says where altdisk looked and what to do; ansible_node_interpreter fixes it', async () => {
  const noNode = { ansible_port: fleet.noNodePort };
  const r = await altdisk(['run', 'facts', '-i', fleet.inventory(['lpar01'], { lpar01: noNode }), ...ssh()]);
  assert.equal(r.rc, 2, explain(r));
  assert.ok(
    r.stdout.includes('lpar01 | FAILED | lpar01: Node.js 18 or later not found (looked in /opt/freeware/bin/node: not there; node on PATH (/nonexistent): none): install nodejs from the AIX Toolbox or set ansible_node_interpreter'),
    explain(r),
  );
  const old = path.join(fleet.dir, 'old-node');
  fs.writeFileSync(old, '#!/bin/sh\necho v16.20.2\n', { mode: 0o755 });
  const tooOld = await altdisk(['run', 'facts', '-i', fleet.inventory(['lpar01'], { lpar01: { ...noNode, ansible_node_interpreter: old } }), ...ssh()]);
  assert.equal(tooOld.rc, 2, explain(tooOld));
  assert.ok(tooOld.stdout.includes(`Node.js 18 or later not found (looked in ${old} (ansible_node_interpreter): v16.20.2, too old): install nodejs from the AIX Toolbox or set ansible_node_interpreter`), explain(tooOld));
  const good = path.join(fleet.dir, 'opt/freeware/bin/node');
  fs.mkdirSync(path.dirname(good), { recursive: true });
  fs.symlinkSync(process.execPath, good);
  // (The simulated AIX commands are Node.js scripts too: they find it through the module's PATH.)
  const extra = { ansible_node_interpreter: good, altdisk_env: { ALTDISK_SIM_HOST: fleet.hostDir('lpar01'), PATH: `${path.dirname(good)}:/usr/bin:/bin` } };
  const fixed = await altdisk(['run', 'facts', '-i', fleet.inventory(['lpar01'], { lpar01: noNode }), '-e', JSON.stringify(extra), ...ssh(), '-vv']);
  assert.equal(fixed.rc, 0, explain(fixed));
  assert.match(fixed.stdout, new RegExp(`altdisk: node ${good.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')} \\(v\\d+`));
});

test('a failing module: FAILED with the AIX message, exit code 2', async () => {
  aixsim(['fault', fleet.hostDir('lpar02'), 'phase1-space']);
  const r = await altdisk(['run', 'clone', 'targets=hdisk1', '-i', fleet.inventory(['lpar02']), ...ssh()]);
  assert.equal(r.rc, 2, explain(r));
  assert.match(r.stdout, /lpar02 \| FAILED \| .*0516-404/, explain(r));
  assert.match(r.stdout, /^lpar02 : ok=0 {2}changed=0 {2}unreachable=0 {2}failed=1 /m);
});

test('a clone over SSH streams its AIX progress lines, then a second run is unchanged', async () => {
  const inv = fleet.inventory(['lpar03']);
  const first = await altdisk(['run', 'clone', 'targets=hdisk1', '-i', inv, ...ssh()]);
  assert.equal(first.rc, 0, explain(first));
  const lines = first.stdout.split('\n');
  const progress = lines.findIndex((l) => l.trim() === 'Creating logical volume alt_hd5.');
  const result = lines.findIndex((l) => l.startsWith('lpar03 | CHANGED | rootvg cloned to hdisk1'));
  assert.ok(progress > 0 && result > progress, explain(first));
  assert.ok(lines.includes('  ran: /usr/sbin/alt_disk_copy -d hdisk1'), explain(first));
  const again = await altdisk(['run', 'clone', 'targets=hdisk1', '-i', inv, ...ssh()]);
  assert.equal(again.rc, 0, explain(again));
  assert.match(again.stdout, /lpar03 \| OK \| /);
  assert.match(again.stdout, /^lpar03 : ok=1 {2}changed=0 /m);
});

test('--check leaves the host byte for byte the same (only read-only AIX commands are logged)', async () => {
  const dir = fleet.hostDir('lpar04');
  const snapshot = () => Object.fromEntries(treeOf(dir).filter((f) => f !== 'calls.log' && fs.statSync(path.join(dir, f)).isFile()).map((f) => [f, fs.readFileSync(path.join(dir, f), 'latin1')]));
  const before = snapshot();
  const calls = fs.readFileSync(path.join(dir, 'calls.log'), 'utf8');
  const r = await altdisk(['run', 'clone', 'targets=hdisk2', '--check', '--diff', '-i', fleet.inventory(['lpar04']), ...ssh()]);
  assert.equal(r.rc, 0, explain(r));
  assert.match(r.stdout, /lpar04 \| CHANGED \| check mode: would run alt_disk_copy/);
  assert.match(r.stdout, /would run: \/usr\/sbin\/alt_disk_copy -d hdisk2/);
  assert.match(r.stdout, /^ {2}\+hdisk2 +\w+ +altinst_rootvg/m);
  assert.deepEqual(snapshot(), before);
  const added = outputLines(fs.readFileSync(path.join(dir, 'calls.log'), 'utf8').slice(calls.length)).map((l) => (JSON.parse(l) as { argv: string[] }).argv);
  assert.ok(added.length > 0);
  assert.deepEqual(added.filter((a) => !isReadOnlyCall(a)), []);
});

test('a twin built from a host\'s facts (altdisk sim init --from-host) shows the same lspv, lsvg rootvg, bootlist -m normal -o and oslevel -s', async () => {
  const src = fleet.hostDir('twinsrc');
  // The source has lived: a clone booted (old_rootvg), a half-done phase-1 clone, a boot list set by hand.
  const env = { ...process.env, PATH: `${path.join(src, 'bin')}:${process.env.PATH}`, AIXSIM_SPEED: '0' };
  const sh = (cmd: string, ...args: string[]) => {
    const r = spawnSync(path.join(src, 'bin', cmd), args, { env, encoding: 'utf8' });
    assert.equal(r.status, 0, `${cmd} ${args.join(' ')}: ${r.stderr}`);
    return r.stdout;
  };
  sh('alt_disk_copy', '-d', 'hdisk2');
  assert.equal(aixsim(['reboot', src]).rc, 0);
  sh('alt_disk_copy', '-d', 'hdisk1', '-P', '1');
  sh('bootlist', '-m', 'normal', 'hdisk2', 'hdisk0');
  const twin = path.join(fleet.dir, 'twin');
  const r = await altdisk(['sim', 'init', twin, '-i', fleet.inventory(['twinsrc']), '--from-host', 'twinsrc', ...ssh()]);
  assert.equal(r.rc, 0, explain(r));
  assert.match(r.stdout, /Rehearse on it: altdisk run <module> \.\.\. --sim /);
  const look = (dir: string, cmd: string, ...args: string[]) => {
    const out = spawnSync(path.join(dir, 'bin', cmd), args, { encoding: 'utf8', env: { ...process.env, PATH: `${path.join(dir, 'bin')}:${process.env.PATH}` } });
    // The VG IDENTIFIER is not in the facts module's answer: the twin has its own.
    return out.stdout.replace(/(VG IDENTIFIER:\s+)\S+/, '$1<vgid>');
  };
  for (const [cmd, ...args] of [['lspv'], ['lsvg', 'rootvg'], ['bootlist', '-m', 'normal', '-o'], ['oslevel', '-s'], ['lsvg', '-o'], ['bootlist', '-m', 'service', '-o']] as string[][]) {
    assert.equal(look(twin, cmd!, ...args), look(src, cmd!, ...args), `${cmd} ${args.join(' ')} differs on the twin`);
  }
  assert.match(look(twin, 'lspv'), /hdisk1 .*altinst_rootvg +active/);
  assert.match(look(twin, 'lspv'), /hdisk0 .*old_rootvg/);
  // The facts module (what every plan starts from) sees the same host in the twin.
  const facts = await runAll({ module: 'facts', args: {}, hosts: [simHost(src), { ...simHost(twin), name: 'twin' }] });
  const [a, b] = facts.summary.hosts.map((h) => altdiskFactsOf(h.result));
  assert.ok(a && b);
  assert.deepEqual(b, a);
});

test('nothing is left on the host: no file in the SSH sessions\' HOME or TMPDIR after every run of this file (successes, failures, refusals)', () => {
  assert.deepEqual(treeOf(fleet.home), ['tmp']);
});
