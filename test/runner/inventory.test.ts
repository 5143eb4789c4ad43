import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { hostSettings, loadInventory, MAGIC_VARS, readInventoryAnsible, readInventoryBuiltin, selectHosts, type Inventory } from '../../runner/src/index.js';
import { ROOT, tmpDir } from '../helpers/sim.js';
import { INVENTORY, runCommand } from '../helpers/ansible.js';

// altdisk's own inventory reader against the truth, Ansible's: the same hosts, groups and
// variables as `ansible-inventory --list` for the examples' inventory and for a fixture with
// what real inventories use (ranges, children declared before their group, literal types,
// group_vars folders, host_vars, group priorities, host:port); the same hosts as
// `ansible --list-hosts` for -l patterns; the same rendered altdisk_env as Ansible's.

const scratch = tmpDir('altdisk-inventory-');
after(() => fs.rmSync(scratch, { recursive: true, force: true }));

function write(rel: string, text: string): string {
  const p = path.join(scratch, rel);
  fs.mkdirSync(path.dirname(p), { recursive: true });
  fs.writeFileSync(p, text);
  return p;
}

const INI = write(
  'site/hosts.ini',
  `# A site inventory the way admins write them
[aix:children]
prod
test

[prod]
lpar[01:03] altdisk_clone_disks="['hdisk2']"
db-[a:c]-aix ansible_user=admin
bigbox:2222 ansible_host=10.0.0.9 weight=3 ratio=0.5 enabled=True label='quoted # not a comment' mode=0755

[test]
lpar[04:10:3]
lpar02

[prod:vars]
ansible_node_interpreter=/opt/freeware/bin/node
tier=prod
count=2  # Python drops the comment

[aix:vars]
tier=aix
ansible_ssh_common_args=-o ProxyJump=bastion.example.com

[ungrouped_hosts]

loose1
`,
);
write('site/group_vars/all.yml', 'site: paris\ntier: all\n');
write('site/group_vars/prod/10-main.yml', 'patch_window: sunday\nowner: ops\n');
write('site/group_vars/prod/20-more.yaml', 'owner: aix-team\n');
write('site/group_vars/test.json', '{"tier": "test-json", "ansible_group_priority": 10}\n');
write('site/host_vars/lpar02.yml', 'altdisk_clone_disks: [hdisk3]\naltdisk_env:\n  ALTDISK_SIM_HOST: /sim/lpar02\n');
write('site/host_vars/bigbox/main.yml', 'weight: 4\nflag: yes\n');

const YAML = write(
  'yaml/inventory.yml',
  `all:
  vars:
    site: lyon
  children:
    aix:
      vars:
        tier: aix
      children:
        prod:
          hosts:
            lpar[1:3]:
              altdisk_clone_disks: [hdisk2]
            big:2200:
              ansible_host: 192.0.2.7
        dr:
          hosts:
            lpar3:
            drbox:
              dr: on
`,
);
write('yaml/group_vars/dr.yml', 'tier: dr\n');

function stripMagic(vars: Record<string, unknown>): Record<string, unknown> {
  const out = { ...vars };
  for (const k of MAGIC_VARS) delete out[k];
  return out;
}

function membership(inv: Inventory): Record<string, string[]> {
  return Object.fromEntries([...inv.groups.keys()].filter((g) => inv.hostsOf(g).length > 0).sort().map((g) => [g, inv.hostsOf(g).sort()]));
}

for (const [name, file] of [
  ['the playbook examples\' inventory', INVENTORY],
  ['an INI site inventory with group_vars and host_vars', INI],
  ['a YAML inventory with ranges, ports and group_vars', YAML],
] as const) {
  test(`the built-in reader agrees with ansible-inventory --list on ${name}`, async () => {
    const cwd = scratch; // no group_vars here: only the inventory's own
    const mine = readInventoryBuiltin([file], cwd);
    const truth = await readInventoryAnsible([file], cwd);
    assert.deepEqual([...mine.inventory.hosts.keys()].sort(), [...truth.inventory.hosts.keys()].sort());
    assert.deepEqual(membership(mine.inventory), membership(truth.inventory));
    for (const h of truth.inventory.hosts.keys()) {
      assert.deepEqual(stripMagic(mine.varsOf(h)), truth.varsOf(h), `the variables of ${h}`);
    }
  });
}

test('-l patterns select the hosts `ansible --list-hosts` selects', async () => {
  const patterns = ['aix:!lpar03', 'lpar0*', 'aix:&test', '~lpar0[12]', 'prod[0]', 'prod[1:2]', 'all:!prod', 'test,loose1', 'db-*:!db-b-aix'];
  const inv = readInventoryBuiltin([INI], scratch).inventory;
  await Promise.all(
    patterns.map(async (p) => {
      const r = await runCommand('ansible', ['-i', INI, p, '--list-hosts'], { cwd: scratch, env: { ...process.env, ANSIBLE_NOCOLOR: '1' } });
      assert.equal(r.rc, 0, `${p}: ${r.stderr}`);
      const truth = r.stdout.split('\n').slice(1).map((l) => l.trim()).filter(Boolean);
      assert.deepEqual(selectHosts(inv, p).sort(), truth.sort(), `pattern ${p}`);
    }),
  );
});

test('the variables the runner reads are rendered as Ansible renders them (altdisk_env of the examples, with lookup and ~)', async () => {
  const env = { ...process.env, ALTDISK_SIM_ROOT: '/srv/sim-root' };
  const saved = process.env.ALTDISK_SIM_ROOT;
  process.env.ALTDISK_SIM_ROOT = env.ALTDISK_SIM_ROOT;
  try {
    const inv = await loadInventory([INVENTORY], { reader: 'builtin', playDir: ROOT });
    const lpar02 = inv.hosts('lpar02')[0]!;
    const s = hostSettings(lpar02);
    const r = await runCommand('ansible', ['-i', INVENTORY, 'lpar02', '-m', 'ansible.builtin.debug', '-a', 'msg={{ {"env": altdisk_env, "node": ansible_node_interpreter} | to_json }}'], { env: { ...env, ANSIBLE_NOCOLOR: '1', ANSIBLE_LOAD_CALLBACK_PLUGINS: '1', ANSIBLE_STDOUT_CALLBACK: 'json' } });
    assert.equal(r.rc, 0, r.stdout + r.stderr);
    const answer = JSON.parse(r.stdout) as { plays: { tasks: { hosts: Record<string, { msg: string }> }[] }[] };
    const truth = JSON.parse(answer.plays[0]!.tasks[0]!.hosts.lpar02!.msg) as { env: Record<string, string>; node: string };
    assert.equal(s.transport, 'local');
    assert.deepEqual(s.env, truth.env);
    assert.equal(s.nodeInterpreter, truth.node);
    assert.equal(s.env.ALTDISK_SIM_HOST, '/srv/sim-root/lpar02');
  } finally {
    if (saved === undefined) delete process.env.ALTDISK_SIM_ROOT;
    else process.env.ALTDISK_SIM_ROOT = saved;
  }
  // Without ALTDISK_SIM_ROOT: `inventory_dir ~ '/.sim'`.
  const inv = await loadInventory([INVENTORY], { reader: 'builtin' });
  assert.equal(hostSettings(inv.hosts('lpar01')[0]!).env.ALTDISK_SIM_HOST, path.join(path.dirname(INVENTORY), '.sim', 'lpar01'));
});

test('inventory mistakes are reported with the file and line, like Ansible', () => {
  const bad = write('bad/hosts', '[aix:children]\nnosuchgroup\n');
  assert.throws(() => readInventoryBuiltin([bad], scratch), /hosts:2: Section \[aix:children\] includes undefined group: nosuchgroup/);
  const vars = write('bad2/hosts', '[aix:vars]\nx=1\n');
  assert.throws(() => readInventoryBuiltin([vars], scratch), /hosts:1: Section \[aix:vars\] not valid for undefined group: aix/);
  const range = write('bad3/hosts', '[aix]\nlpar[01:3]\n');
  assert.throws(() => readInventoryBuiltin([range], scratch), /zero-padded host range needs begin and end of the same length/);
  assert.throws(() => readInventoryBuiltin([path.join(scratch, 'nothing-here')], scratch), /does not exist/);
});
