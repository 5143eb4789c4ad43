import { test } from 'node:test';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import assert from 'node:assert/strict';
import { pythonLiteral } from '../../runner/src/inventory/python-literal.js';
import { expandRanges, parseHostEntry } from '../../runner/src/inventory/host-pattern.js';
import { hostLineWords } from '../../runner/src/inventory/ini.js';
import { renderTemplate, templatedVars } from '../../runner/src/inventory/template.js';
import { chooseOptions, parseSshG, userOptionNames } from '../../runner/src/connectors/ssh-options.js';
import { launchScript, NO_NODE_EXIT, nodeNotFoundMessage, PROBE_PREFIX, readProbe } from '../../runner/src/node-discovery.js';
import { BOOTSTRAP } from '../../runner/src/remote/bootstrap.js';
import { embedArgs } from '../../runner/src/remote/payload.js';
import { compressHostList, groupIdentical, hostFromAddress, hostSettings, hostStateFrom, exitCodeOf } from '../../runner/src/index.js';
import { unifiedDiff } from '../../cli/src/render/unified-diff.js';
import type { AltdiskFacts } from '../../common/facts-answer.js';
import type { HostOutcome } from '../../runner/src/types.js';

// The runner's pure parts, each against what it must agree with (Python's literals, OpenSSH's
// precedence, Ansible's ranges, Jinja's semantics for the subset used by inventories).

test('INI values follow Python literal_eval: numbers, strings, booleans, lists; anything else stays text', () => {
  assert.equal(pythonLiteral('22'), 22);
  assert.equal(pythonLiteral("'22'"), '22');
  assert.equal(pythonLiteral('True'), true);
  assert.equal(pythonLiteral('None'), null);
  assert.equal(pythonLiteral('0755'), '0755');
  assert.equal(pythonLiteral('0o755'), 493);
  assert.equal(pythonLiteral('1_000'), 1000);
  assert.equal(pythonLiteral('-1.5e3'), -1500);
  assert.deepEqual(pythonLiteral("['hdisk1', 'hdisk2']"), ['hdisk1', 'hdisk2']);
  assert.deepEqual(pythonLiteral("{'a': (1, 2)}"), { a: [1, 2] });
  assert.equal(pythonLiteral('yes'), 'yes');
  assert.equal(pythonLiteral('/opt/freeware/bin/node'), '/opt/freeware/bin/node');
  assert.equal(pythonLiteral('8080 # port'), 8080);
  assert.equal(pythonLiteral("'a\\nb'"), 'a\nb');
});

test('host entries: ranges (padded, letters, steps, several), ports; shlex words with comments', () => {
  assert.deepEqual(expandRanges('lpar[01:03]'), ['lpar01', 'lpar02', 'lpar03']);
  assert.deepEqual(expandRanges('db-[a:c]-x'), ['db-a-x', 'db-b-x', 'db-c-x']);
  assert.deepEqual(expandRanges('h[1:7:3]'), ['h1', 'h4', 'h7']);
  assert.deepEqual(expandRanges('r[1:2]c[a:b]'), ['r1ca', 'r1cb', 'r2ca', 'r2cb']);
  assert.deepEqual(expandRanges('host[1]'), ['host[1]']);
  assert.deepEqual(parseHostEntry('lpar[01:02]:2222'), { names: ['lpar01', 'lpar02'], port: 2222 });
  assert.deepEqual(parseHostEntry('::1'), { names: ['::1'], port: null });
  assert.deepEqual(hostLineWords(`h a=1 b="x y" c='#1' # comment`), ['h', 'a=1', 'b=x y', 'c=#1']);
  assert.deepEqual(hostLineWords('h a=b#c'), ['h', 'a=b#c']);
});

test('templates: variables, ~, or, lookup(env), filters, tests; undefined and unsupported are refused by name', () => {
  const vars = templatedVars({ root: '/sim', host: "{{ root }}/{{ inventory_hostname }}", inventory_hostname: 'lpar01', n: '{{ 2 + 3 }}', env: { X: '{{ host | upper }}' } });
  assert.equal(vars.get('host'), '/sim/lpar01');
  assert.equal(vars.get('n'), 5);
  assert.deepEqual(vars.get('env'), { X: '/SIM/LPAR01' });
  process.env.ALTDISK_TEST_TEMPLATE = 'from-env';
  const get = templatedVars({ v: "{{ lookup('ansible.builtin.env', 'ALTDISK_TEST_TEMPLATE') or (d ~ '/.sim') }}", w: "{{ lookup('env', 'ALTDISK_UNSET_X') or (d ~ '/.sim') }}", d: '/inv', u: '{{ nope }}', f: '{{ nope | default("dflt") }}', t: "{{ 'yes' if nope is defined else 'no' }}", bad: '{{ d | ipaddr }}', loop: '{{ loop }}' });
  assert.equal(get.get('v'), 'from-env');
  assert.equal(get.get('w'), '/inv/.sim');
  assert.equal(get.get('f'), 'dflt');
  assert.equal(get.get('t'), 'no');
  assert.throws(() => get.get('u'), /u: "nope" is undefined/);
  assert.throws(() => get.get('bad'), /the filter "ipaddr" is not supported/);
  assert.throws(() => get.get('loop'), /refers to itself/);
  assert.throws(() => renderTemplate('{% if x %}y{% endif %}', () => 1), /statements/);
});

test('ssh options: each once, never over a user\'s own -o or a stricter configuration, never StrictHostKeyChecking=no', () => {
  const defaults = parseSshG('batchmode no\nserveraliveinterval 0\nconnecttimeout none\nstricthostkeychecking ask\n');
  const wish = { controlPath: '/tmp/x/0', controlPersistSeconds: 30, connectTimeoutSeconds: 10, serverAliveSeconds: 15, acceptNewHostKeys: true };
  assert.deepEqual(chooseOptions(defaults, [], wish).args, ['-o', 'BatchMode=yes', '-o', 'ServerAliveInterval=15', '-o', 'ConnectTimeout=10', '-o', 'StrictHostKeyChecking=accept-new', '-o', 'ControlMaster=auto', '-o', 'ControlPath=/tmp/x/0', '-o', 'ControlPersist=30']);
  const strict = parseSshG('batchmode yes\nserveraliveinterval 5\nconnecttimeout 3\nstricthostkeychecking true\n');
  const kept = chooseOptions(strict, [], wish);
  assert.deepEqual(kept.args, ['-o', 'ControlMaster=auto', '-o', 'ControlPath=/tmp/x/0', '-o', 'ControlPersist=30']);
  assert.equal(kept.strictHostKeysKept, 'true');
  // The user's own -o in ansible_ssh_common_args come first: never given twice.
  const user = ['-o', 'ServerAliveInterval=60', '-oControlPath=/home/u/cm', '-o', 'BatchMode yes'];
  assert.deepEqual([...userOptionNames(user)].sort(), ['batchmode', 'controlpath', 'serveraliveinterval']);
  assert.deepEqual(chooseOptions(defaults, user, { ...wish, acceptNewHostKeys: false }).args, ['-o', 'ConnectTimeout=10']);
  for (const c of [defaults, strict]) for (const a of [true, false]) assert.ok(!chooseOptions(c, [], { ...wish, acceptNewHostKeys: a }).args.some((x) => /StrictHostKeyChecking=(no|off)/i.test(x)));
});

test('node discovery: the launcher tries each place with shell built-ins and says where it looked, in the issue\'s words', () => {
  const looked = readProbe(['found\t/opt/freeware/bin/node\tv16.20.2', 'pathvar\t/usr/bin', 'nopath'], null);
  assert.equal(nodeNotFoundMessage('aix01', looked, null), 'aix01: Node.js 18 or later not found (looked in /opt/freeware/bin/node: v16.20.2, too old; node on PATH (/usr/bin): none): install nodejs from the AIX Toolbox or set ansible_node_interpreter');
  // The real script, run by /bin/sh here: an old node given explicitly is refused without trying others.
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'altdisk-probe-'));
  try {
    const old = path.join(dir, 'node');
    fs.writeFileSync(old, '#!/bin/sh\necho v16.20.2\n', { mode: 0o755 });
    const r = spawnSync('/bin/sh', ['-c', launchScript(old)], { encoding: 'utf8', input: '' });
    assert.equal(r.status, NO_NODE_EXIT);
    const lines = r.stderr.split('\n').filter((l) => l.startsWith(PROBE_PREFIX)).map((l) => l.slice(PROBE_PREFIX.length));
    assert.equal(nodeNotFoundMessage('h', readProbe(lines, old), old), `h: Node.js 18 or later not found (looked in ${old} (ansible_node_interpreter): v16.20.2, too old): install nodejs from the AIX Toolbox or set ansible_node_interpreter`);
    const none = spawnSync('/bin/sh', ['-c', launchScript(null)], { encoding: 'utf8', input: '', env: { PATH: dir + '/nothing' } });
    assert.equal(none.status, NO_NODE_EXIT);
    assert.match(none.stderr, /missing\t\/opt\/freeware\/bin\/node/);
    assert.match(none.stderr, /nopath/);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('the bootstrap is one line safe inside single quotes and csh; embedded arguments survive any character', () => {
  assert.doesNotMatch(BOOTSTRAP, /['!\n`]/);
  const program = embedArgs('x()', { s: 'a\u2028b\nc */ ${x} `q` \'"', n: 1 });
  const line = program.split('\n').find((l) => l.startsWith('//{'))!;
  assert.match(line, /^\/\/\{[\x20-\x7e]*\}$/);
  assert.deepEqual(JSON.parse(line.slice(2)), { s: 'a\u2028b\nc */ ${x} `q` \'"', n: 1 });
});

test('hosts from the command line and their connection settings', () => {
  assert.deepEqual(hostFromAddress('root@aix01:2222'), { name: 'aix01', vars: { ansible_host: 'aix01', ansible_user: 'root', ansible_port: 2222 } });
  assert.deepEqual(hostFromAddress('[::1]:22').vars, { ansible_host: '::1', ansible_port: 22 });
  assert.throws(() => hostFromAddress('-oProxyCommand=x'), /not \[user@\]host\[:port\]/);
  const s = hostSettings({ name: 'h', vars: { ansible_ssh_common_args: "-o 'ProxyJump=bastion' -o ServerAliveInterval=5", ansible_ssh_extra_args: '-4', altdisk_env: { A: 1 } } });
  assert.deepEqual(s.sshArgs, ['-o', 'ProxyJump=bastion', '-o', 'ServerAliveInterval=5', '-4']);
  assert.deepEqual(s.env, { A: '1' });
  assert.throws(() => hostSettings({ name: 'h', vars: { ansible_connection: 'winrm' } }), /winrm is not a transport/);
  assert.throws(() => hostSettings({ name: 'h', vars: { ansible_host: '-oProxyCommand=x' } }), /not a host name/);
  assert.throws(() => hostSettings({ name: 'h', vars: { ansible_become: 'yes' } }), /altdisk run does not switch users on the host/);
  assert.equal(hostSettings({ name: 'h', vars: { ansible_become: false } }).transport, 'ssh');
});

test('grouping identical answers and compressing host lists like dshbak -c', () => {
  assert.equal(compressHostList(['lpar01', 'lpar02', 'lpar03', 'lpar07', 'aix', 'lpar9', 'lpar10', 'lpar11']), 'lpar[01-03,07,10-11],aix,lpar9');
  assert.deepEqual(groupIdentical([{ host: 'a', text: 'x' }, { host: 'b', text: 'y' }, { host: 'c', text: 'x' }]), [{ hosts: ['a', 'c'], text: 'x' }, { hosts: ['b'], text: 'y' }]);
});

test('exit codes as Ansible\'s: unreachable 4 over failed 2, interrupted 99', () => {
  const o = (status: HostOutcome['status'], reason?: HostOutcome['reason']): HostOutcome => ({ host: 'h', status, transport: 'ssh', progress: [], ...(reason ? { reason } : {}) });
  assert.equal(exitCodeOf([o('ok'), o('changed')], false), 0);
  assert.equal(exitCodeOf([o('ok'), o('failed')], false), 2);
  assert.equal(exitCodeOf([o('failed'), o('unreachable')], false), 4);
  assert.equal(exitCodeOf([o('interrupted', 'connection-lost')], false), 4);
  assert.equal(exitCodeOf([o('interrupted', 'timeout')], false), 2);
  assert.equal(exitCodeOf([o('ok'), o('not-started')], true), 99);
});

test('the state after an interrupt, in AIX terms, with what to run next', () => {
  const facts = {
    altinst: { state: 'phase1', disks: ['hdisk1'], boot_disk: 'hdisk1', mounted_at: ['/alt_inst'], made_by: null },
    old_rootvg: { disks: ['hdisk0'], boot_disk: 'hdisk0' },
    bootlist: { normal: [{ device: 'hdisk2', attrs: {}, present: true }], service: [] },
    health: ['w'],
  } as unknown as AltdiskFacts;
  const s = hostStateFrom(facts, 'aix01');
  assert.equal(s.summary, 'altinst_rootvg on hdisk1 was left after phase 1 or 2 (varied on, /alt_inst mounted): it cannot boot yet; old_rootvg (the previous system) on hdisk0; normal boot list: hdisk2');
  assert.deepEqual(s.next, ['finish it: altdisk run phase phase=23 -- on aix01', 'or remove it: altdisk run cleanup -- on aix01', 'or start the clone again from scratch: the same command with force=true -- on aix01']);
});

test('unified diff of a module\'s before/after', () => {
  assert.deepEqual(unifiedDiff('a\nb\nc\n', 'a\nB\nc\n', { before: 'x', after: 'y' }), ['--- x', '+++ y', '@@ -1,3 +1,3 @@', ' a', '-b', '+B', ' c']);
  assert.deepEqual(unifiedDiff('same\n', 'same\n', { before: 'x', after: 'y' }), []);
});
