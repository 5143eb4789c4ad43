import * as fs from 'node:fs';
import type { Command } from 'commander';
import { parse as parseYaml } from 'yaml';
import { parseKeyValueWords } from '../../../modules/src/runtime/kv.js';
import { MODULE_NAMES, moduleNameOf, type RunSummary } from '../../../runner/src/index.js';
import { addTargetOptions, resolveTargets, sshSettings, type TargetOptions } from '../targets.js';
import { runnerPaths } from '../paths.js';
import { runSession } from '../session.js';
import { reportLines } from '../render/report.js';
import { styleFor } from '../render/style.js';
import { action } from '../action.js';
import type { RegisterCommand } from './index.js';

// altdisk run <module> [key=value ...]: one module on one host or a fleet, like `ansible -m`,
// with Ansible's exit codes: 0 all fine, 2 a host failed, 4 a host unreachable, 99 interrupted.

interface RunOptions extends TargetOptions {
  argsFile?: string;
  check?: boolean;
  diff?: boolean;
  forks: string;
  timeout?: string;
  json?: boolean;
  verbose: number;
  logDir?: string;
}

export { UsageError } from '../errors.js';
import { UsageError } from '../errors.js';

export function moduleArguments(words: string[], argsFile: string | undefined): Record<string, unknown> {
  let args: Record<string, unknown> = {};
  if (argsFile) {
    let doc: unknown;
    try {
      const text = fs.readFileSync(argsFile, 'utf8');
      doc = /\.json$/i.test(argsFile) ? JSON.parse(text) : parseYaml(text, { version: '1.1' });
    } catch (e) {
      throw new UsageError(`--args-file ${argsFile}: ${(e as Error).message}`);
    }
    if (doc === null || typeof doc !== 'object' || Array.isArray(doc)) throw new UsageError(`--args-file ${argsFile}: the file must hold a mapping of option names to values`);
    args = { ...(doc as Record<string, unknown>) };
  }
  try {
    return { ...args, ...parseKeyValueWords(words) };
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
}

/** The JSON document of --json: every host's full answer. */
export function summaryDocument(s: RunSummary): Record<string, unknown> {
  return {
    module: s.module,
    check: s.check,
    exit_code: s.exitCode,
    interrupted: s.interrupted,
    counts: s.counts,
    elapsed_ms: s.endedAt - s.startedAt,
    hosts: Object.fromEntries(
      s.hosts.map((h) => [
        h.host,
        {
          status: h.status,
          transport: h.transport,
          ...(h.result ? { result: h.result } : {}),
          ...(h.message ? { message: h.message } : {}),
          ...(h.reason ? { reason: h.reason } : {}),
          ...(h.state ? { state: h.state } : {}),
          ...(h.startedAt && h.endedAt ? { elapsed_ms: h.endedAt - h.startedAt } : {}),
        },
      ]),
    ),
  };
}

export function positiveNumber(v: string | undefined, what: string): number | undefined {
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!Number.isFinite(n) || n <= 0) throw new UsageError(`${what} takes a number greater than 0, not "${v}"`);
  return n;
}

export const registerRun: RegisterCommand = (program) => {
  const cmd: Command = program
    .command('run')
    .summary('run an altdisk module on AIX hosts (or simulated ones)')
    .description('Run one altdisk module (like ansible -m) on one host, an inventory\'s hosts, or a simulated host: no playbook, no Python on the host. The module is piped into the host\'s Node.js over SSH with its arguments; nothing is written on the host.')
    .argument('<module>', `the module: ${MODULE_NAMES.join(', ')} (altdisk.aix.<name> works too)`)
    .argument('[args...]', 'the module\'s arguments as key=value (targets=hdisk1,hdisk2 phase=23)')
    .option('--args-file <file>', 'the module\'s arguments from a JSON or YAML file (key=value words override it)')
    .option('-C, --check', 'check mode: show what would run and what would change, change nothing')
    .option('-D, --diff', 'show the change as a diff (lspv, altinst_rootvg, boot lists)')
    .option('-f, --forks <n>', 'hosts worked on at the same time', '10')
    .option('--timeout <seconds>', 'stop the module on a host that runs longer than this (as Ctrl-C does) and report its state')
    .option('--json', 'print one JSON document with every host\'s full answer (nothing else on stdout)')
    .option('-v, --verbose', 'more detail: -v every full answer, -vv the SSH command lines too', (_: string, n: number) => n + 1, 0)
    .option('--log-dir <dir>', 'keep each host\'s full transcript in <dir>/<host>.log');
  addTargetOptions(cmd);
  cmd.addHelpText(
    'after',
    `
Examples:
  altdisk run facts --sim                                   the embedded simulated host
  altdisk run clone targets=hdisk1 --check --diff --host root@aix01
  altdisk run clone targets=hdisk1 --host root@aix01        clone rootvg to hdisk1 (alt_disk_copy)
  altdisk run bootlist -i inventory.yml -l 'aix:!lpar03' --forks 20
  altdisk run phase phase=23 -i inventory.yml -l lpar01 --log-dir logs/

Exit codes (as Ansible's): 0 all fine, 2 a host failed, 4 a host was unreachable, 99 interrupted.`,
  );
  cmd.action(action(async (moduleName: string, words: string[], o: RunOptions) => {
    const name = moduleNameOf(moduleName);
    if (!name) throw new UsageError(`there is no altdisk module "${moduleName}" (modules: ${MODULE_NAMES.join(', ')})`);
    const args = moduleArguments(words, o.argsFile);
    const forks = positiveNumber(o.forks, '--forks')!;
    const timeout = positiveNumber(o.timeout, '--timeout');
    const say = (t: string) => process.stderr.write(t + '\n');
    const hosts = await resolveTargets(o, say);
    const summary = await runSession(
      {
        module: name,
        args,
        hosts,
        paths: runnerPaths(),
        check: o.check === true,
        diff: o.diff === true,
        forks,
        ...(timeout ? { timeoutMs: timeout * 1000 } : {}),
        ssh: sshSettings(o),
      },
      { json: o.json === true, verbose: o.verbose, logDir: o.logDir, title: `altdisk run ${name} ${JSON.stringify(args)}${o.check ? ' (check mode)' : ''}` },
    );
    if (o.json) process.stdout.write(JSON.stringify(summaryDocument(summary), null, 2) + '\n');
    else process.stdout.write('\n' + reportLines(summary, { style: styleFor(process.stdout), verbose: o.verbose, check: o.check === true, diff: o.diff === true }).join('\n') + '\n');
    process.exitCode = summary.exitCode;
  }));
};
