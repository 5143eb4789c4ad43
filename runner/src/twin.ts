import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { execa } from 'execa';
import { localNodeOf, type HostSpec, type RunEvent, type RunnerPaths, type SshSettings } from './types.js';
import { altdiskFactsOf, type AltdiskFacts } from '../../common/facts-answer.js';
import { run } from './run.js';

// A twin: a simulated host built from a real host's facts (its disks, PVIDs, rootvg, levels, boot
// lists), to rehearse a run or a playbook on it first. The facts come from the host (the facts
// module, through the runner) or from a saved answer; the simulator builds the host
// (aixsim init DIR --from-facts FILE).

export interface TwinRequest {
  dir: string;
  paths: RunnerPaths;
  /** The source: a host to gather the facts from, or facts already gathered (the facts module's answer). */
  from: { host: HostSpec; ssh?: SshSettings; timeoutMs?: number; onEvent?: (e: RunEvent) => void } | { facts: unknown; name?: string };
  /** The twin's host name (default: the source host's name). */
  hostname?: string;
  /** Replace a simulated host already in dir. */
  force?: boolean;
}

export interface TwinOutcome {
  dir: string;
  hostname: string;
  facts: AltdiskFacts;
  /** What aixsim init said (where the twin differs, how to use it). */
  output: string;
}

export async function buildTwin(req: TwinRequest): Promise<TwinOutcome> {
  let facts: AltdiskFacts | null;
  let name: string;
  if ('host' in req.from) {
    name = req.from.host.name;
    const handle = run({ module: 'facts', args: {}, hosts: [req.from.host], paths: req.paths, ssh: req.from.ssh, timeoutMs: req.from.timeoutMs, stateAfterInterrupt: false });
    for await (const e of handle) req.from.onEvent?.(e);
    const summary = await handle.summary;
    const o = summary.hosts[0]!;
    if (o.status !== 'ok' && o.status !== 'changed') {
      throw new Error(`cannot read the facts of ${name}: ${o.message ?? String(o.result?.msg ?? o.status)}`);
    }
    facts = altdiskFactsOf(o.result);
  } else {
    name = req.from.name ?? 'twin';
    facts = altdiskFactsOf(req.from.facts);
  }
  if (!facts) throw new Error('the facts hold no ansible_facts.altdisk (the answer of the altdisk facts module)');
  const hostname = req.hostname ?? name.split('.')[0]!;
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'altdisk-twin-'));
  try {
    const file = path.join(scratch, 'facts.json');
    fs.writeFileSync(file, JSON.stringify({ ansible_facts: { altdisk: facts } }));
    const aixsim = path.join(req.paths.distDir, 'simulator', 'aixsim.cjs');
    const local = localNodeOf(req.paths);
    const r = await execa(local.node, [aixsim, 'init', req.dir, '--from-facts', file, '--hostname', hostname, ...(req.force ? ['--force'] : [])], { reject: false, env: local.env });
    if (r.exitCode !== 0) throw new Error(String(r.stderr).trim() || `aixsim init failed (exit ${r.exitCode})`);
    return { dir: path.resolve(req.dir), hostname, facts, output: String(r.stdout) };
  } finally {
    fs.rmSync(scratch, { recursive: true, force: true });
  }
}
