import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { aixsim, ROOT, tmpDir } from '../helpers/sim.js';
import { bareFleet, explain, runCommand, type SimFleet } from '../helpers/ansible.js';
import { altdisk, CLI, processesWithEnv, until } from '../helpers/runner.js';

// The altdisk CLI on simulated hosts (no SSH: the sim transport runs the same bootstrap locally):
// the main job, --json, exit codes, argument files, fleets of --sim hosts with --log-dir, the sim
// subcommands and twins from saved facts, Ctrl-C, Ansible's example inventory, usage errors.

let scratch: string;
let fleet: SimFleet;
const host = (name: string) => path.join(scratch, name);
const init = (name: string, ...opts: string[]) => {
  const r = aixsim(['init', host(name), '--hostname', name, ...opts]);
  assert.equal(r.rc, 0, r.stderr);
  return host(name);
};

before(() => {
  scratch = tmpDir('altdisk-cli-');
  fleet = bareFleet(['lpar01', 'lpar02']);
});
after(() => {
  fs.rmSync(scratch, { recursive: true, force: true });
  fleet?.cleanup();
});

test('--help on every command', async () => {
  for (const args of [['--help'], ['run', '--help'], ['facts', '--help'], ['sim', '--help'], ['sim', 'init', '--help'], ['sim', 'reboot', '--help'], ['sim', 'fault', '--help'], ['sim', 'show', '--help']]) {
    const r = await altdisk(args);
    assert.equal(r.rc, 0, `${args.join(' ')}: ${explain(r)}`);
    assert.match(r.stdout, /^Usage: altdisk/, args.join(' '));
  }
  const r = await altdisk(['run', '--help']);
  for (const o of ['--check', '--diff', '--forks', '--timeout', '--json', '--log-dir', '--host', '--inventory', '--limit', '--sim', '--ssh-config', '--accept-new-host-keys', '--args-file', 'Exit codes']) assert.ok(r.stdout.includes(o), `run --help lacks ${o}`);
});

test('the main job, as README\'s `npm run demo` runs it through altdisk: look, rehearse (check, diff), clone with its AIX progress, run again (nothing to do), facts', async () => {
  const h = host('lpar01');
  const r = await runCommand(process.execPath, [path.join(ROOT, 'scripts/demo.mjs'), '--host', h, '--speed', '0']);
  assert.equal(r.rc, 0, explain(r));
  const out = r.stdout;
  const at = (text: string) => {
    const i = out.indexOf(text);
    assert.ok(i >= 0, `the demo does not show ${JSON.stringify(text)}:\n${explain(r)}`);
    return i;
  };
  // In this order: the host, the rehearsal with its diff, the clone's progress then its answer, the rerun, the facts.
  const order = [
    at('$ altdisk sim init'),
    at('$ altdisk run clone targets=hdisk1 --check --diff --sim'),
    at('lpar01 | CHANGED | check mode: would run alt_disk_copy: rootvg cloned to hdisk1'),
    at('  would run: /usr/sbin/alt_disk_copy -d hdisk1'),
    at('  +altinst_rootvg: complete on hdisk1'),
    at('  Creating logical volume alt_hd5.'),
    at('lpar01 | CHANGED | rootvg cloned to hdisk1'),
    at('lpar01 | OK | altinst_rootvg is already complete on hdisk1: nothing to do'),
    at('$ altdisk facts --sim'),
  ];
  assert.deepEqual(order, [...order].sort((a, b) => a - b));
  assert.match(out, /^lpar01 : ok=1 {2}changed=1 {2}unreachable=0 {2}failed=0/m);
  assert.match(out, /^lpar01 {2}AIX 7300-02-01-2346 {2}booted from hdisk0$/m);
  assert.match(out, /^ {2}hdisk1 +[0-9a-f]{16} +altinst_rootvg +20\.0 GB +boot image$/m);
  assert.match(out, /^ {2}altinst_rootvg +complete on hdisk1, boot image on hdisk1/m);
  assert.match(out, /^ {2}boot list +normal: hdisk1 \(blv=hd5\) +service: hdisk0 \(blv=hd5\)$/m);
});

test('--json prints one document with every host\'s full answer; a failure exits 2 with the AIX message; --args-file and key=value', async () => {
  const a = init('json1');
  const b = init('json2');
  const args = path.join(scratch, 'args.yml');
  fs.writeFileSync(args, 'targets: [hdisk4]\nforce: no\n');
  const r = await altdisk(['run', 'clone', '--args-file', args, '--json', '--sim', a, '--sim', b]);
  assert.equal(r.rc, 2, explain(r));
  const doc = JSON.parse(r.stdout) as { exit_code: number; hosts: Record<string, { status: string; result: { msg: string; failed: boolean; invocation?: unknown } }> };
  assert.equal(doc.exit_code, 2);
  for (const n of ['json1', 'json2']) {
    assert.equal(doc.hosts[n]!.status, 'failed');
    assert.match(doc.hosts[n]!.result.msg, /0505-126/);
  }
  // key=value words override the file.
  const ok = await altdisk(['run', 'clone', '--args-file', args, 'targets=hdisk2', '--check', '--json', '--sim', a]);
  assert.equal(ok.rc, 0, explain(ok));
  assert.deepEqual((JSON.parse(ok.stdout) as { hosts: { json1: { result: { targets: string[] } } } }).hosts.json1.result.targets, ['hdisk2']);
});

test('several hosts: host-prefixed lines when stdout is not a terminal, identical answers grouped, failed hosts listed, --log-dir transcripts', async () => {
  const names = ['fl01', 'fl02', 'fl03'];
  const dirs = names.map((n) => init(n));
  aixsim(['fault', dirs[2]!, 'phase1-space']);
  const logs = path.join(scratch, 'logs');
  const r = await altdisk(['run', 'clone', 'targets=hdisk2', '--log-dir', logs, ...dirs.flatMap((d) => ['--sim', d])]);
  assert.equal(r.rc, 2, explain(r));
  assert.match(r.stdout, /^fl02 \| Creating logical volume alt_hd5\.$/m);
  assert.match(r.stdout, /^---- fl\[01-02\] \(2 hosts\) ----\nCHANGED \| rootvg cloned to hdisk2$/m, explain(r));
  assert.match(r.stdout, /^---- fl03 ----\nFAILED \| .*0516-404/m);
  assert.match(r.stdout, /^Hosts that need attention \(1\):\n {2}fl03: failed: .*0516-404/m);
  const t = fs.readFileSync(path.join(logs, 'fl01.log'), 'utf8');
  assert.match(t, /altdisk run clone \{"targets":"hdisk2"\} on fl01 \(sim\)/);
  assert.match(t, /\| Creating logical volume alt_hd5\./);
  assert.match(t, /CHANGED: \{\n {2}"targets": \[/);
  assert.match(fs.readFileSync(path.join(logs, 'fl03.log'), 'utf8'), /FAILED: /);
});

test('altdisk sim: init, show, fault, reboot; a twin from saved facts (altdisk facts --json)', async () => {
  const dir = path.join(scratch, 'simcmd');
  const i = await altdisk(['sim', 'init', dir, '--mirrored', '--hostname', 'mirrorlpar']);
  assert.equal(i.rc, 0, explain(i));
  assert.match(i.stdout, /Simulated AIX host "mirrorlpar"/);
  const show = await altdisk(['sim', 'show', dir]);
  assert.equal(show.rc, 0, explain(show));
  assert.match(show.stdout, /^host mirrorlpar /m);
  assert.match(show.stdout, /^rootvg: hdisk0 hdisk1 /m);
  const f = await altdisk(['sim', 'fault', dir, 'bootlist']);
  assert.equal(f.rc, 0, explain(f));
  assert.match((await altdisk(['sim', 'show', dir])).stdout, /^fault armed: bootlist times=1$/m);
  assert.equal((await altdisk(['sim', 'fault', dir, '--clear'])).rc, 0);
  assert.equal((await altdisk(['run', 'clone', 'targets=hdisk2', '--sim', dir])).rc, 0);
  const reboot = await altdisk(['sim', 'reboot', dir]);
  assert.equal(reboot.rc, 0, explain(reboot));
  const saved = path.join(scratch, 'facts.json');
  const facts = await altdisk(['facts', '--json', '--sim', dir]);
  assert.equal(facts.rc, 0, explain(facts));
  fs.writeFileSync(saved, facts.stdout);
  const twin = path.join(scratch, 'simcmd-twin');
  const t = await altdisk(['sim', 'init', twin, '--from-facts', saved]);
  assert.equal(t.rc, 0, explain(t));
  // What the modules see of the twin is what they saw of the host.
  const a = (JSON.parse((await altdisk(['facts', '--json', '--sim', dir])).stdout) as Record<string, unknown>).simcmd;
  const b = (JSON.parse((await altdisk(['facts', '--json', '--sim', twin])).stdout) as Record<string, unknown>)['simcmd-twin'];
  assert.deepEqual(b, a);
  assert.match((await altdisk(['sim', 'show', twin])).stdout, /^rootvg: hdisk2 /m);
  assert.equal((await altdisk(['sim', 'init', twin, '--from-facts', saved, '--mirrored'])).rc, 5);
});

test('Ctrl-C on a simulated host: the clone stops, the state is reported with what to do next, exit 99, no module process left', async () => {
  const h = init('ctrlc', '--speed', '0.05');
  const child = spawn(process.execPath, [CLI, 'run', 'clone', 'targets=hdisk1', '--sim', h], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (out += d.toString()));
  const done = new Promise<number>((resolve) => child.on('close', (c) => resolve(c ?? -1)));
  await until('the clone to be under way', () => out.includes('Generating a list of files'), 60_000);
  child.kill('SIGINT');
  const rc = await done;
  assert.equal(rc, 99, out);
  // The module answers the stop itself (what it left), and the run still ends as interrupted.
  assert.match(out, /ctrlc \| INTERRUPTED \| the clone module on ctrlc was interrupted: altdisk stopped it on the host\. The module said: interrupted by SIGINT while alt_disk_copy was trying to clone rootvg to hdisk1/);
  assert.match(out, /state: altinst_rootvg on hdisk1 is half-made \(its copy did not finish\): it cannot boot and must not be continued/);
  assert.match(out, /next: remove it: altdisk run cleanup -- on ctrlc/);
  assert.doesNotMatch(out, /phase=23/, 'a half-made copy must not be continued');
  assert.deepEqual(processesWithEnv('ALTDISK_SIM_HOST', h), []);
});

test('Ansible\'s example inventory works as it is: local connection, templated altdisk_env and ansible_node_interpreter', async () => {
  const r = await altdisk(['run', 'bootlist', '-i', 'playbook-examples/inventory.yml', '-l', 'aixsim:!lpar03:!lpar04', '--forks', '2'], { env: { ...process.env, ALTDISK_SIM_ROOT: fleet.root } });
  assert.equal(r.rc, 0, explain(r));
  assert.match(r.stdout, /^---- lpar\[01-02\] \(2 hosts\) ----\nOK \| /m, explain(r));
  assert.match(r.stdout, /^lpar01 \| started \(local\)$/m);
});

test('mistakes in what was asked: exit 5 and one line', async () => {
  for (const [args, msg] of [
    [['run', 'clonez', '--sim', host('main')], /there is no altdisk module "clonez"/],
    [['run', 'facts'], /say where to run: --host HOST, -i INVENTORY/],
    [['run', 'facts', '-l', 'x', '--sim', host('main')], /-l\/--limit selects hosts of an inventory/],
    [['run', 'facts', '-i', 'playbook-examples/inventory.yml', '-l', 'nosuchhost'], /no host of .* matches "nosuchhost"/],
    [['run', 'facts', '--host', '-oProxyCommand=sh', '--sim', host('main')], /--host "-oProxyCommand=sh" is not \[user@\]host\[:port\]/],
    [['run', 'clone', 'targets', '--sim', host('main')], /"targets" is not a key=value argument/],
  ] as const) {
    const r = await altdisk([...args]);
    assert.equal(r.rc, 5, `${args.join(' ')}: ${explain(r)}`);
    assert.match(r.stderr, msg);
  }
});

test('--sim without a folder uses (and first creates) the embedded default host', async () => {
  const cache = path.join(scratch, 'cache');
  const r = await altdisk(['facts', '--sim'], { env: { ...process.env, XDG_CACHE_HOME: cache } });
  assert.equal(r.rc, 0, explain(r));
  assert.match(r.stderr, /created the simulated AIX host .*altdisk\/sim\/default/);
  assert.ok(fs.existsSync(path.join(cache, 'altdisk', 'sim', 'default', 'state.json')));
  const again = await altdisk(['facts', '--sim'], { env: { ...process.env, XDG_CACHE_HOME: cache } });
  assert.equal(again.stderr, '');
});
