import * as fs from 'node:fs';
import * as path from 'node:path';
import { Option, type Command } from 'commander';
import { altdiskFactsOf, buildTwin, hostFromAddress, loadInventory, type HostSpec } from '../../../runner/src/index.js';
import { aixsim } from '../sim-host.js';
import { defaultSimDir, runnerPaths } from '../paths.js';
import { extraVars, sshSettings, TargetError, type TargetOptions } from '../targets.js';
import { action } from '../action.js';
import { UsageError } from '../errors.js';
import type { RegisterCommand } from './index.js';

// altdisk sim: simulated AIX hosts (aixsim), made and changed by the simulator's own program, and
// twins of real hosts: `altdisk sim init DIR --from-host aix01` reads aix01's facts and builds a
// simulated host with the same disks, PVIDs, rootvg, levels and boot lists, to rehearse on first.

const collect = (v: string, prev: string[] = []) => [...prev, v];
const FAULT_STEPS = ['phase1-space', 'phase2-script', 'bootlist', 'disk-gone', 'crash-between-phases', 'bosboot'];

interface InitOptions extends TargetOptions {
  fromHost?: string;
  fromFacts?: string;
  profile?: string;
  speed?: string;
  level?: string;
  hostname?: string;
  mirrored?: boolean;
  disk?: string[];
  noFileset?: string[];
  rteLevel?: string;
  bootImagesLevel?: string;
  force?: boolean;
}

async function passThrough(args: string[]): Promise<void> {
  const r = await aixsim(args, { inherit: true });
  process.exitCode = r.code;
}

/** --from-host H: a host of -i's inventory by name, or [user@]host[:port]. */
async function sourceHost(o: InitOptions): Promise<HostSpec> {
  const name = o.fromHost!;
  let host: HostSpec;
  if (o.inventory?.length) {
    const inv = await loadInventory(o.inventory, { reader: o.inventoryReader ?? 'auto' });
    const found = inv.hosts().find((h) => h.name === name);
    if (!found) throw new TargetError(`--from-host ${name}: no such host in ${o.inventory.join(', ')}`);
    host = found;
  } else {
    try {
      host = hostFromAddress(name);
    } catch (e) {
      throw new TargetError(`--from-host ${(e as Error).message}`);
    }
  }
  const extra = extraVars(o.extraVars);
  return { name: host.name, vars: { ...host.vars, ...extra } };
}

function initCommand(sim: Command): void {
  const cmd = sim
    .command('init')
    .description('Create a simulated AIX host in DIR (default: the embedded one), or a twin of a real host with --from-host or --from-facts')
    .argument('[dir]', 'the host\'s folder', defaultSimDir())
    .option('--from-host <host>', 'a twin of this host: [user@]host[:port], or a host of -i\'s inventory (its facts are read over SSH)')
    .option('--from-facts <file>', 'a twin from saved facts: the answer of the facts module (altdisk run facts --json, or a host\'s ansible_facts.altdisk)')
    .option('-i, --inventory <inventory>', 'the inventory --from-host is in', collect)
    .option('-e, --extra-vars <key=value|@file>', 'variables for --from-host (ansible_node_interpreter=...)', collect)
    .option('--ssh-config <file>', 'the OpenSSH client configuration to use (ssh -F)')
    .option('--accept-new-host-keys', 'accept the host key of a host seen for the first time')
    .option('--connect-timeout <seconds>', 'SSH connection timeout when your configuration sets none', '10')
    .addOption(new Option('--inventory-reader <reader>', 'who reads -i').choices(['auto', 'ansible', 'builtin']).default('auto'))
    .option('--profile <name>', 'aix73 (default), aix72, aix71, aix53, aix43, or a JSON profile')
    .option('--speed <speed>', 'instant (default), demo, realistic, or a factor')
    .option('--level <level>', 'the oslevel -s of the host (7300-03-01-2420)')
    .option('--hostname <name>', 'the host name')
    .option('--mirrored', 'a mirrored rootvg (hdisk0 and hdisk1)')
    .option('--disk <name:size_mb[:pvid|none]>', 'add or change a disk (repeatable)', collect)
    .option('--no-fileset <rte|boot_images>', 'without a bos.alt_disk_install fileset (repeatable)', collect)
    .option('--rte-level <V.R.M.F>', 'the level of bos.alt_disk_install.rte')
    .option('--boot-images-level <V.R.M.F>', 'the level of bos.alt_disk_install.boot_images')
    .option('--force', 'replace a simulated host already in DIR')
    .addHelpText('after', '\nExamples:\n  altdisk sim init /tmp/aix01 --mirrored\n  altdisk sim init /tmp/aix01-twin --from-host root@aix01\n  altdisk sim init /tmp/lpar01-twin -i inventory.yml --from-host lpar01\n  altdisk run clone targets=hdisk2 --sim /tmp/lpar01-twin      (rehearse on the twin)');
  cmd.action(
    action(async (dir: string, o: InitOptions) => {
      if (o.fromHost && o.fromFacts) throw new UsageError('give --from-host or --from-facts, not both');
      const twinOnly = ['profile', 'level', 'mirrored', 'disk', 'noFileset', 'rteLevel', 'bootImagesLevel'] as const;
      if ((o.fromHost || o.fromFacts) && twinOnly.some((k) => o[k] !== undefined && !(Array.isArray(o[k]) && (o[k] as unknown[]).length === 0))) {
        throw new UsageError('a twin takes its layout from the host\'s facts: --profile, --level, --mirrored, --disk and the fileset options do not go with --from-host or --from-facts');
      }
      fs.mkdirSync(path.dirname(path.resolve(dir)), { recursive: true });
      if (o.fromHost || o.fromFacts) {
        let from: Parameters<typeof buildTwin>[0]['from'];
        if (o.fromFacts) {
          let doc: unknown;
          try {
            doc = JSON.parse(fs.readFileSync(o.fromFacts, 'utf8'));
          } catch (e) {
            throw new UsageError(`--from-facts ${o.fromFacts}: ${(e as Error).message}`);
          }
          // `altdisk facts --json` holds one entry per host: take the only one.
          if (!altdiskFactsOf(doc) && doc && typeof doc === 'object') {
            const entries = Object.entries(doc as Record<string, unknown>).filter(([, v]) => altdiskFactsOf(v));
            if (entries.length === 1) doc = entries[0]![1];
            else if (entries.length > 1) throw new UsageError(`--from-facts ${o.fromFacts} holds the facts of ${entries.length} hosts: save one host's (altdisk facts --json -l HOST)`);
          }
          from = { facts: doc, name: o.hostname ?? path.basename(path.resolve(dir)) };
        } else {
          from = { host: await sourceHost(o), ssh: sshSettings(o) };
          process.stderr.write(`altdisk: reading the facts of ${o.fromHost}...\n`);
        }
        const twin = await buildTwin({ dir, paths: runnerPaths(), from, ...(o.hostname ? { hostname: o.hostname } : {}), force: o.force === true });
        process.stdout.write(twin.output);
        process.stdout.write(`\nRehearse on it: altdisk run <module> ... --sim ${twin.dir}\n`);
        return;
      }
      const args = ['init', dir];
      for (const [flag, v] of [['--profile', o.profile], ['--speed', o.speed], ['--level', o.level], ['--hostname', o.hostname], ['--rte-level', o.rteLevel], ['--boot-images-level', o.bootImagesLevel]] as const) if (v) args.push(flag, v);
      for (const d of o.disk ?? []) args.push('--disk', d);
      for (const f of o.noFileset ?? []) args.push('--no-fileset', f);
      if (o.mirrored) args.push('--mirrored');
      if (o.force) args.push('--force');
      await passThrough(args);
    }),
  );
}

export const registerSim: RegisterCommand = (program) => {
  const sim = program.command('sim').summary('simulated AIX hosts: init (also twins of real hosts), reboot, fault, show').description('Manage simulated AIX hosts (aixsim): create one, or a twin of a real host, reboot it, make a step fail the way AIX fails, look at it (the simulator\'s own commands do the work).');
  initCommand(sim);
  sim
    .command('reboot')
    .description('Reboot a simulated host from the first bootable disk of its normal boot list (or --from a disk, as from SMS)')
    .argument('[dir]', 'the host\'s folder', defaultSimDir())
    .option('--from <hdiskN>', 'boot this disk')
    .action(action(async (dir: string, o: { from?: string }) => passThrough(['reboot', dir, ...(o.from ? ['--from', o.from] : [])])));
  sim
    .command('fault')
    .description(`Make the next alternate-disk step fail the way AIX fails: ${FAULT_STEPS.join(', ')}; or --list, --clear`)
    .argument('[dir]', 'the host\'s folder (default: the embedded one)')
    .argument('[step]', 'the step to fail')
    .argument('[disk]', 'for disk-gone (and optionally bosboot): the disk')
    .option('--times <n>', 'fail this many times')
    .option('--during <command>', 'disk-gone: during the restore of this command (alt_disk_copy...)')
    .option('--list', 'what is armed')
    .option('--clear', 'disarm everything')
    .action(
      action(async (dir: string | undefined, step: string | undefined, disk: string | undefined, o: { times?: string; during?: string; list?: boolean; clear?: boolean }) => {
        // The folder may be left out: then the first word is the step.
        if (dir && (FAULT_STEPS.includes(dir) || !fs.existsSync(dir))) {
          [dir, step, disk] = [defaultSimDir(), dir, step];
        }
        const args = ['fault', dir ?? defaultSimDir(), ...(step ? [step] : []), ...(disk ? [disk] : [])];
        if (o.times) args.push('--times', o.times);
        if (o.during) args.push('--during', o.during);
        if (o.list) args.push('--list');
        if (o.clear) args.push('--clear');
        await passThrough(args);
      }),
    );
  sim
    .command('show')
    .description('Show a simulated host as it truly is (aixsim show: what the next reboot starts, rootvg, every rootvg copy, the disks, what runs, armed faults); altdisk facts --sim DIR shows what the modules see')
    .argument('[dir]', 'the host\'s folder', defaultSimDir())
    .option('--json', 'the same as JSON')
    .action(
      action(async (dir: string, o: { json?: boolean }) => {
        if (!fs.existsSync(path.join(dir, 'state.json'))) throw new UsageError(`${dir} is not a simulated host: create it with altdisk sim init ${dir}`);
        await passThrough(['show', dir, ...(o.json ? ['--json'] : [])]);
      }),
    );
};
