import * as fs from 'node:fs';
import { Option, type Command } from 'commander';
import { parse as parseYaml } from 'yaml';
import { parseKeyValueWords } from '../../modules/src/runtime/kv.js';
import { hostFromAddress, loadInventory, simHost, type HostSpec, type InventoryReader, type SshSettings } from '../../runner/src/index.js';
import { defaultSimDir } from './paths.js';
import { ensureSimHost } from './sim-host.js';

// The options that say where a command runs, shared by run, facts and sim init --from-host:
// --host, -i/-l (an Ansible inventory and a pattern), --sim, and the SSH settings.

export interface TargetOptions {
  host?: string[];
  inventory?: string[];
  limit?: string;
  sim?: (string | true)[] | true;
  sshConfig?: string;
  acceptNewHostKeys?: boolean;
  connectTimeout?: string;
  inventoryReader?: InventoryReader;
  extraVars?: string[];
}

const collect = (v: string, prev: string[] = []) => [...prev, v];

export function addTargetOptions(cmd: Command): Command {
  return cmd
    .option('--host <[user@]host[:port]>', 'an AIX host to run on over SSH (repeat for more)', collect)
    .option('-i, --inventory <inventory>', 'an Ansible inventory (INI, YAML, a folder, or host1,host2,); repeatable', collect)
    .option('-l, --limit <pattern>', "hosts of the inventory to run on, as Ansible's patterns: aix:!lpar03, lpar0*, @file")
    .addOption(new Option('--sim [dir]', `a simulated AIX host (aixsim) on this machine; without DIR: ${defaultSimDir()}`).argParser((v: string, prev: unknown) => [...simList(prev), v]))
    .option('-e, --extra-vars <key=value|@file>', 'variables for every host, over the inventory\'s (ansible_node_interpreter=/opt/freeware/bin/node)', collect)
    .option('--ssh-config <file>', 'the OpenSSH client configuration to use (ssh -F) instead of ~/.ssh/config')
    .option('--accept-new-host-keys', 'accept and record the host key of a host seen for the first time (StrictHostKeyChecking=accept-new); a changed key is still refused')
    .option('--connect-timeout <seconds>', 'SSH connection timeout when your SSH configuration sets none', '10')
    .addOption(new Option('--inventory-reader <reader>', 'who reads -i: ansible-inventory when installed (auto), or altdisk itself').choices(['auto', 'ansible', 'builtin']).default('auto'));
}

export class TargetError extends Error {}

/** --sim given without a folder is `true` to commander; repeated, a list. */
function simList(v: unknown): (string | true)[] {
  if (Array.isArray(v)) return v as (string | true)[];
  return v === true ? [true] : typeof v === 'string' ? [v] : [];
}

/** -e key=value, -e '{json}', -e @file.yml: Ansible's extra variables. */
export function extraVars(list: string[] = []): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const item of list) {
    if (item.startsWith('@')) {
      const file = item.slice(1);
      let doc: unknown;
      try {
        doc = parseYaml(fs.readFileSync(file, 'utf8'), { version: '1.1' });
      } catch (e) {
        throw new TargetError(`-e ${item}: ${(e as Error).message}`);
      }
      if (doc === null || typeof doc !== 'object' || Array.isArray(doc)) throw new TargetError(`-e ${item}: the file must hold a mapping of variables`);
      Object.assign(out, doc);
    } else if (item.trim().startsWith('{')) {
      try {
        Object.assign(out, JSON.parse(item) as Record<string, unknown>);
      } catch (e) {
        throw new TargetError(`-e ${item}: ${(e as Error).message}`);
      }
    } else {
      try {
        Object.assign(out, parseKeyValueWords(item.split(/\s+/).filter(Boolean)));
      } catch (e) {
        throw new TargetError(`-e ${item}: ${(e as Error).message}`);
      }
    }
  }
  return out;
}

/** The hosts the options name, each with its variables (extra vars last, as in Ansible). */
export async function resolveTargets(o: TargetOptions, say: (text: string) => void): Promise<HostSpec[]> {
  const hosts: HostSpec[] = [];
  const sims = simList(o.sim);
  const given = [o.host?.length, o.inventory?.length, sims.length].filter(Boolean).length;
  if (given === 0) throw new TargetError('say where to run: --host HOST, -i INVENTORY [-l PATTERN], or --sim [DIR]');
  if (o.limit && !o.inventory?.length) throw new TargetError('-l/--limit selects hosts of an inventory: give one with -i');
  for (const h of o.host ?? []) {
    try {
      hosts.push(hostFromAddress(h));
    } catch (e) {
      throw new TargetError(`--host ${(e as Error).message}`);
    }
  }
  if (o.inventory?.length) {
    const inv = await loadInventory(o.inventory, { reader: o.inventoryReader ?? 'auto' });
    // -l @file: one host or pattern a line (Ansible's retry files).
    let limit = o.limit;
    if (limit?.startsWith('@')) {
      try {
        limit = fs.readFileSync(limit.slice(1), 'utf8').split('\n').map((l) => l.trim()).filter(Boolean).join(',');
      } catch (e) {
        throw new TargetError(`-l ${o.limit}: ${(e as Error).message}`);
      }
    }
    const selected = inv.hosts(limit);
    if (selected.length === 0) throw new TargetError(`no host of ${o.inventory.join(', ')} matches ${o.limit ? `"${o.limit}"` : 'the inventory (it has no hosts)'}`);
    hosts.push(...selected);
  }
  for (const s of sims) {
    const dir = s === true ? defaultSimDir() : s;
    if (s === true) await ensureSimHost(dir, say);
    hosts.push(simHost(dir));
  }
  const extra = extraVars(o.extraVars);
  return hosts.map((h) => ({ name: h.name, vars: { ...h.vars, ...extra } }));
}

export function sshSettings(o: TargetOptions): SshSettings {
  const t = Number(o.connectTimeout ?? 10);
  if (!Number.isFinite(t) || t <= 0) throw new TargetError(`--connect-timeout takes seconds, not "${o.connectTimeout}"`);
  return {
    ...(o.sshConfig ? { configFile: o.sshConfig } : {}),
    acceptNewHostKeys: o.acceptNewHostKeys === true,
    connectTimeoutSeconds: t,
  };
}
