import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { aixsim, ROOT } from '../helpers/sim.js';
import { copyFleet, createFleet, diffBlocks, explain, FRESH_HOSTS, recap, runCommand, UPDATED_HOSTS, type SimFleet } from '../helpers/ansible.js';
import { startSshd, type Sshd } from '../helpers/sshd.js';
import { groundTruth, quiesce } from '../helpers/ground-truth.js';
import { slowModule } from '../helpers/kill.js';

// Every playbook example under the real ansible-playbook, on the simulated LPARs of its inventory.
// Each example runs on two LPARs at once: one through the local connection, the other over a real
// sshd on 127.0.0.1 with pipelining, so that every assertion holds for both transports:
//   --check --diff  changes no simulated host (state.json byte for byte) and shows the diffs;
//   a first run     changes both LPARs, and the simulated hosts show the result;
//   a second run    reports changed=0 for both.
// The simulated LPARs come from `npm run sim:hosts`, the README's first command; the README's
// ansible-playbook commands are run exactly as written.

const OLD_LEVEL = '7300-02-01-2346';
const NEW_LEVEL = '7300-03-01-2420';

let template: SimFleet;
let sshd: Sshd;

before(async () => {
  sshd = await startSshd();
  template = await createFleet();
});

after(async () => {
  await sshd?.stop();
  template?.cleanup();
});

/** A simulated AIX command on one LPAR of the fleet (stdout). */
function onHost(fleet: SimFleet, host: string, command: string, ...args: string[]): string {
  const r = spawnSync(path.join(fleet.host(host), 'bin', command), args, { encoding: 'utf8' });
  assert.equal(r.status, 0, `${host}: ${command} ${args.join(' ')} failed: ${r.stderr}`);
  return r.stdout;
}

/** lspv as { disk: volume group }. */
function vgs(fleet: SimFleet, host: string): Record<string, string> {
  return Object.fromEntries(
    onHost(fleet, host, 'lspv')
      .trim()
      .split('\n')
      .map((l) => l.split(/\s+/))
      .map((w) => [w[0]!, w[2]!]),
  );
}

function normalBootlist(fleet: SimFleet, host: string): string[] {
  return [...new Set(onHost(fleet, host, 'bootlist', '-m', 'normal', '-o').trim().split('\n').map((l) => l.split(/\s+/)[0]!))];
}

function oslevel(fleet: SimFleet, host: string): string {
  return onHost(fleet, host, 'oslevel', '-s').trim();
}

interface ExampleCase {
  playbook: string;
  /** [local LPAR, LPAR over SSH]. */
  hosts: readonly [string, string];
  /** What the --check --diff output must preview. */
  diffShows: RegExp;
  /** What the first run's output must show (the long tasks under async). */
  firstRunShows?: RegExp[];
  /** The simulated hosts after the first run. */
  verify(fleet: SimFleet, host: string): void;
}

const CASES: ExampleCase[] = [
  {
    playbook: 'clone-update-phased.yml',
    hosts: FRESH_HOSTS,
    diffShows: /^\+hdisk2 +\S+ +altinst_rootvg +active$/m,
    firstRunShows: [/^ASYNC OK on lpar01: jid=\S+$/m, /^ASYNC OK on lpar02: jid=\S+$/m],
    verify(fleet, host) {
      assert.equal(vgs(fleet, host).hdisk2, 'altinst_rootvg', `${host}: hdisk2`);
      assert.deepEqual(normalBootlist(fleet, host), ['hdisk2', 'hdisk0'], `${host}: boot list`);
      assert.equal(oslevel(fleet, host), OLD_LEVEL, `${host}: still runs the old level until the reboot`);
    },
  },
  {
    playbook: 'mksysb-install.yml',
    hosts: FRESH_HOSTS,
    diffShows: /^\+altinst_rootvg: complete on hdisk2$/m,
    verify(fleet, host) {
      assert.equal(vgs(fleet, host).hdisk2, 'altinst_rootvg', `${host}: hdisk2`);
      assert.deepEqual(normalBootlist(fleet, host), ['hdisk0'], `${host}: boot list unchanged`);
    },
  },
  {
    playbook: 'clone-disk-from-facts.yml',
    hosts: FRESH_HOSTS,
    diffShows: /^\+hdisk2 +\S+ +altinst_rootvg/m,
    verify(fleet, host) {
      // hdisk1 (20 GB) cannot hold the 30 GB rootvg: the facts pick hdisk2 (40 GB), not hdisk3 (60 GB).
      assert.equal(vgs(fleet, host).hdisk2, 'altinst_rootvg', `${host}: hdisk2`);
      assert.equal(vgs(fleet, host).hdisk3, 'None', `${host}: hdisk3`);
      assert.deepEqual(normalBootlist(fleet, host), ['hdisk0'], `${host}: boot list unchanged`);
    },
  },
  {
    playbook: 'update-fleet-rolling.yml',
    hosts: FRESH_HOSTS,
    diffShows: /^\+altinst_rootvg: complete on hdisk2$/m,
    // serial: [1, "50%"]: lpar01 alone, then lpar02; each clone started with poll: 0 and waited for.
    firstRunShows: [
      /TASK \[Wait for the clone\] \**\n(FAILED - RETRYING: \[lpar01\][^\n]*\n)*changed: \[lpar01\]\n[\s\S]*\nPLAY \[Rolling update[\s\S]*TASK \[Wait for the clone\] \**\n(FAILED - RETRYING: \[lpar02\][^\n]*\n)*changed: \[lpar02\]\n/,
    ],
    verify(fleet, host) {
      assert.equal(oslevel(fleet, host), NEW_LEVEL, `${host}: level after the rolling update`);
      assert.equal(vgs(fleet, host).hdisk2, 'rootvg', `${host}: hdisk2`);
      assert.equal(vgs(fleet, host).hdisk0, 'old_rootvg', `${host}: hdisk0`);
    },
  },
  {
    playbook: 'rollback-bootlist.yml',
    hosts: UPDATED_HOSTS,
    diffShows: /^-hdisk2[^\n]*\n\+hdisk0|^\+bootlist normal: hdisk0$/m,
    verify(fleet, host) {
      assert.equal(oslevel(fleet, host), OLD_LEVEL, `${host}: level after the rollback`);
      assert.equal(vgs(fleet, host).hdisk0, 'rootvg', `${host}: hdisk0`);
    },
  },
  {
    playbook: 'cleanup-old-rootvg.yml',
    hosts: UPDATED_HOSTS,
    diffShows: /^-hdisk0 +\S+ +old_rootvg$/m,
    verify(fleet, host) {
      assert.equal(vgs(fleet, host).hdisk0, 'None', `${host}: hdisk0 freed`);
      assert.equal(oslevel(fleet, host), NEW_LEVEL, `${host}: level`);
      assert.deepEqual(normalBootlist(fleet, host), ['hdisk2'], `${host}: boot list`);
    },
  },
];

// The examples are independent (each on its own copy of the fleet): they run side by side, which
// fills the time Ansible spends waiting (async polls, SSH) with another example's work.
describe('playbook examples', { concurrency: 3 }, () => {
  for (const c of CASES) {
    const [local, remote] = c.hosts;
    test(`${c.playbook}: --check --diff changes nothing, a run changes ${local} (local) and ${remote} (SSH), a rerun reports changed=0`, async () => {
      const fleet = copyFleet(template);
      try {
        const ssh = [sshd.inventoryFor([remote])];
        const limit = ['--limit', c.hosts.join(',')];
        const initial = fleet.states();
        // Each fleet has its own ControlPath folder: the first SSH task of this test logs in anew.
        const sshLogins = (sshd.log().match(/Accepted publickey/g) ?? []).length;

        const check = await fleet.playbook(c.playbook, ['--check', '--diff', ...limit], ssh);
        assert.equal(check.rc, 0, explain(check));
        assert.deepEqual(fleet.states(), initial, 'check mode changed a simulated host');
        const checkRecap = recap(check.stdout);
        for (const h of c.hosts) {
          assert.ok(checkRecap[h], `${h} is not in the recap:\n${explain(check)}`);
          assert.ok(checkRecap[h].changed > 0 && checkRecap[h].failed === 0 && checkRecap[h].unreachable === 0, `${h} in check mode: ${JSON.stringify(checkRecap[h])}\n${explain(check)}`);
        }
        const diffs = diffBlocks(check.stdout);
        assert.ok(diffs.filter((d) => c.diffShows.test(d)).length >= 2, `--diff does not show ${c.diffShows} for both hosts:\n${diffs.join('\n\n')}\n${explain(check)}`);

        const first = await fleet.playbook(c.playbook, limit, ssh);
        assert.equal(first.rc, 0, explain(first));
        for (const shows of c.firstRunShows ?? []) assert.match(first.stdout, shows, explain(first));
        const firstRecap = recap(first.stdout);
        for (const h of c.hosts) {
          assert.ok(firstRecap[h] && firstRecap[h].changed > 0 && firstRecap[h].failed === 0, `${h} in the first run: ${JSON.stringify(firstRecap[h])}\n${explain(first)}`);
          c.verify(fleet, h);
        }
        assert.ok((sshd.log().match(/Accepted publickey/g) ?? []).length > sshLogins, `${remote} did not go through the test sshd`);
        const afterFirst = fleet.states();

        const second = await fleet.playbook(c.playbook, limit, ssh);
        assert.equal(second.rc, 0, explain(second));
        const secondRecap = recap(second.stdout);
        for (const h of c.hosts) {
          assert.ok(secondRecap[h], `${h} is not in the recap:\n${explain(second)}`);
          assert.equal(secondRecap[h].changed, 0, `${h} changed in the second run:\n${explain(second)}`);
          assert.equal(secondRecap[h].failed, 0, explain(second));
        }
        assert.deepEqual(fleet.states(), afterFirst, 'the second run changed a simulated host');
      } finally {
        fleet.cleanup();
      }
    });
  }


  test('a failing clone renders the module message, locally and over SSH, and the rolling update stops after the first host', async () => {
    const fleet = copyFleet(template);
    try {
      const ssh = [sshd.inventoryFor(['lpar02'])];
      for (const h of FRESH_HOSTS) assert.equal(aixsim(['fault', fleet.host(h), 'phase1-space']).rc, 0);

      const phased = await fleet.playbook('clone-update-phased.yml', ['--limit', 'lpar01,lpar02'], ssh);
      assert.equal(phased.rc, 2, explain(phased));
      for (const h of FRESH_HOSTS) {
        const line = phased.stdout.split('\n').find((l) => l.startsWith(`fatal: [${h}]: FAILED! => `));
        assert.ok(line, `no failure line for ${h}:\n${explain(phased)}`);
        const result = JSON.parse(line.slice(line.indexOf('=> ') + 3)) as { msg: string; cmd: string[]; rc: number };
        assert.match(result.msg, /^alt_disk_copy failed \(rc [1-9]\d*\) while trying to clone rootvg to hdisk2: \S[^\n]*\n/, `${h}: ${result.msg}`);
        assert.match(result.msg, /\n(Nothing was left behind|Left behind: )/, `${h}: ${result.msg}`);
        assert.deepEqual(result.cmd.slice(0, 3), ['/usr/sbin/alt_disk_copy', '-d', 'hdisk2'], `${h}: ${line}`);
        assert.equal(recap(phased.stdout)[h]?.failed, 1, explain(phased));
      }

      // The rolling update: lpar01 is the first batch alone; its failure must leave lpar02 untouched.
      const rolling = copyFleet(template);
      try {
        assert.equal(aixsim(['fault', rolling.host('lpar01'), 'phase1-space']).rc, 0);
        const untouched = rolling.states(['lpar02']);
        const r = await rolling.playbook('update-fleet-rolling.yml', ['--limit', 'lpar01,lpar02'], ssh);
        assert.equal(r.rc, 2, explain(r));
        assert.match(r.stdout, /fatal: \[lpar01\]: FAILED! => \{[^\n]*"msg": "alt_disk_copy failed \(rc [1-9]/, explain(r));
        assert.match(r.stdout, /NO MORE HOSTS LEFT/, explain(r));
        assert.deepEqual(rolling.states(['lpar02']), untouched, 'the rollout went on to lpar02');
        assert.equal(recap(r.stdout).lpar02, undefined, `lpar02 ran tasks:\n${explain(r)}`);
      } finally {
        rolling.cleanup();
      }
    } finally {
      fleet.cleanup();
    }
  });

  test('clone-update-phased.yml rerun after its phase 1 was cut short (the process group killed, as an async timeout does): the half-made copy is removed and phase 1 starts again, never continued (issue 8, class 1)', async () => {
    const fleet = copyFleet(template);
    try {
      const lpar = fleet.host('lpar01');
      const cut = slowModule('clone', lpar, { targets: ['hdisk2'], phase: '1' });
      await cut.until(/Backing-up the rootvg files/);
      process.kill(-cut.child.pid!, 'SIGKILL');
      await cut.closed;
      await quiesce(lpar);
      assert.match(groundTruth(lpar).copies.find((c) => c.name === 'altinst_rootvg')?.state ?? 'none', /broken/, 'the cut leaves a half-made copy');

      const rerun = await fleet.playbook('clone-update-phased.yml', ['--limit', 'lpar01']);
      assert.equal(rerun.rc, 0, explain(rerun));
      assert.match(rerun.stdout, /TASK \[Phase 1: copy rootvg to hdisk2\] \**\n(ASYNC [^\n]*\n)*changed: \[lpar01\]/, `phase 1 was not run again:\n${explain(rerun)}`);
      const truth = groundTruth(lpar);
      const alt = truth.copies.find((c) => c.name === 'altinst_rootvg');
      assert.deepEqual([alt?.state, alt?.boot.ok, alt?.disks], ['complete', true, ['hdisk2']], JSON.stringify(truth.copies));
      assert.deepEqual(normalBootlist(fleet, 'lpar01'), ['hdisk2', 'hdisk0']);
      assert.equal(truth.nextBoot.ok, true, String(truth.nextBoot.reason));
    } finally {
      fleet.cleanup();
    }
  });

  test("the README's commands: npm run sim:hosts (made the fleet), then the clone example as written: changes, then changed=0", async () => {
    const heading = '## Ansible: the collection `altdisk.aix` and the playbook examples';
    const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    const at = readme.indexOf(heading);
    assert.ok(at >= 0, `README.md has no section "${heading}"`);
    const block = /```sh\n([\s\S]*?)```/.exec(readme.slice(at));
    assert.ok(block, 'the Ansible section of README.md has no sh block');
    const commands = block[1]!
      .split('\n')
      .map((l) => l.replace(/#.*$/, '').trim())
      .filter(Boolean)
      .map((l) => l.split(/\s+/));
    // The first is what made the template fleet (createFleet runs it).
    assert.deepEqual(commands[0], ['npm', 'run', 'sim:hosts']);
    const playbooks = commands.slice(1);
    assert.ok(playbooks.length > 0 && playbooks.every((c) => c[0] === 'ansible-playbook'), JSON.stringify(commands));
    assert.ok(
      playbooks.some((c) => c.includes('playbook-examples/inventory.yml') && c.some((w) => /^playbook-examples\/clone-[a-z-]+\.yml$/.test(w))),
      `no clone example in the README: ${JSON.stringify(commands)}`,
    );
    const fleet = copyFleet(template);
    try {
      for (const argv of playbooks) {
        for (const round of ['first', 'second']) {
          const r = await runCommand(argv[0]!, argv.slice(1), { env: fleet.env(), cwd: ROOT });
          assert.equal(r.rc, 0, `${argv.join(' ')} (${round} run):\n${explain(r)}`);
          const counts = recap(r.stdout);
          for (const h of FRESH_HOSTS) {
            assert.equal(counts[h]?.failed, 0, explain(r));
            if (round === 'first') assert.ok((counts[h]?.changed ?? 0) > 0, `${h} unchanged in the first run:\n${explain(r)}`);
            else assert.equal(counts[h]?.changed, 0, `${h} changed in the second run:\n${explain(r)}`);
          }
          // lpar03 and lpar04 already run the target level: left alone.
          for (const h of UPDATED_HOSTS) assert.equal(counts[h]?.changed, 0, explain(r));
        }
      }
    } finally {
      fleet.cleanup();
    }
  });
});
