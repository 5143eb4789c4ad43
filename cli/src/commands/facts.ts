import type { Command } from 'commander';
import { altdiskFactsOf } from '../../../runner/src/index.js';
import { addTargetOptions, resolveTargets, sshSettings, type TargetOptions } from '../targets.js';
import { runnerPaths } from '../paths.js';
import { runSession } from '../session.js';
import { factsTable } from '../render/facts-table.js';
import { recapLines } from '../render/report.js';
import { firstErrorLine } from '../render/host-block.js';
import { paint, styleFor } from '../render/style.js';
import { action } from '../action.js';
import { positiveNumber } from './run.js';
import type { RegisterCommand } from './index.js';

// altdisk facts: the facts module on the hosts, as a table per host (or one JSON document).

interface FactsOptions extends TargetOptions {
  json?: boolean;
  forks: string;
  timeout?: string;
  verbose: number;
  logDir?: string;
}

export const registerFacts: RegisterCommand = (program) => {
  const cmd: Command = program
    .command('facts')
    .summary('show the alternate-disk facts of hosts: disks, VGs, altinst_rootvg, boot lists, levels')
    .description('Gather the facts altdisk plans from (read-only) and print a table per host: disks with PVIDs, sizes and VGs, free disks, rootvg, altinst_rootvg and old_rootvg, boot lists, oslevel and health warnings.')
    .option('--json', 'one JSON document: each host\'s ansible_facts.altdisk (or what went wrong)')
    .option('-f, --forks <n>', 'hosts worked on at the same time', '10')
    .option('--timeout <seconds>', 'give up on a host after this long')
    .option('-v, --verbose', '-vv: the SSH command lines too', (_: string, n: number) => n + 1, 0)
    .option('--log-dir <dir>', 'keep each host\'s transcript in <dir>/<host>.log');
  addTargetOptions(cmd);
  cmd.addHelpText('after', '\nExamples:\n  altdisk facts --sim\n  altdisk facts --host root@aix01\n  altdisk facts -i inventory.yml -l aix --json > facts.json');
  cmd.action(
    action(async (o: FactsOptions) => {
      const say = (t: string) => process.stderr.write(t + '\n');
      const hosts = await resolveTargets(o, say);
      const timeout = positiveNumber(o.timeout, '--timeout');
      const summary = await runSession(
        { module: 'facts', args: {}, hosts, paths: runnerPaths(), forks: positiveNumber(o.forks, '--forks')!, ...(timeout ? { timeoutMs: timeout * 1000 } : {}), ssh: sshSettings(o), stateAfterInterrupt: false },
        // The table is the output: no progress lines for a read-only query.
        { json: true, verbose: o.verbose, logDir: o.logDir, title: 'altdisk facts' },
      );
      if (o.json) {
        const doc = Object.fromEntries(summary.hosts.map((h) => [h.host, altdiskFactsOf(h.result) ?? { status: h.status, msg: firstErrorLine(h) }]));
        process.stdout.write(JSON.stringify(doc, null, 2) + '\n');
      } else {
        const style = styleFor(process.stdout);
        const lines: string[] = [];
        for (const h of summary.hosts) {
          const f = altdiskFactsOf(h.result);
          if (f && h.status !== 'failed') lines.push(...factsTable(h.host, f, style), '');
          else lines.push(paint(style, 'red', `${h.host}  ${h.status.toUpperCase()}: ${firstErrorLine(h)}`), '');
        }
        if (summary.hosts.length > 1) lines.push(...recapLines(summary, style));
        process.stdout.write(lines.join('\n').trimEnd() + '\n');
      }
      process.exitCode = summary.exitCode;
    }),
  );
};
