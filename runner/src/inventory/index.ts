import * as fs from 'node:fs';
import * as path from 'node:path';
import type { HostSpec } from '../types.js';
import type { Inventory } from './model.js';
import { readInventoryBuiltin } from './builtin.js';
import { readInventoryAnsible } from './ansible.js';
import { selectHosts } from './patterns.js';

export { Inventory } from './model.js';
export { InventorySyntaxError } from './ini.js';
export { PatternError, selectHosts, splitPatterns } from './patterns.js';
export { readInventoryBuiltin } from './builtin.js';
export { readInventoryAnsible } from './ansible.js';

/** 'auto': ansible-inventory when it is on PATH, altdisk's own reader otherwise. */
export type InventoryReader = 'auto' | 'ansible' | 'builtin';

export interface LoadedInventory {
  reader: 'ansible' | 'builtin';
  inventory: Inventory;
  /** The hosts a pattern selects (all of them without one), with their variables. */
  hosts(pattern?: string): HostSpec[];
}

/** Variables Ansible adds to every host (ansible-inventory --list leaves them out). */
export const MAGIC_VARS = ['inventory_hostname', 'inventory_hostname_short', 'group_names', 'inventory_dir', 'inventory_file', 'playbook_dir'] as const;

export function onPath(program: string, envPath = process.env.PATH ?? ''): string | null {
  for (const dir of envPath.split(path.delimiter)) {
    if (!dir) continue;
    const p = path.join(dir, program);
    try {
      fs.accessSync(p, fs.constants.X_OK);
      if (fs.statSync(p).isFile()) return p;
    } catch {
      // not here
    }
  }
  return null;
}

export interface LoadOptions {
  reader?: InventoryReader;
  /** Where group_vars/ and host_vars/ of "the play" are looked for too, as Ansible does (default: the current folder). */
  playDir?: string;
}

export async function loadInventory(sources: string[], opts: LoadOptions = {}): Promise<LoadedInventory> {
  const playDir = path.resolve(opts.playDir ?? process.cwd());
  const wanted = opts.reader ?? 'auto';
  const useAnsible = wanted === 'ansible' || (wanted === 'auto' && onPath('ansible-inventory') !== null);
  const abs = sources.map((s) => (fs.existsSync(s) ? path.resolve(s) : s));
  const read = useAnsible ? await readInventoryAnsible(abs, playDir) : readInventoryBuiltin(abs, playDir);
  const inv = read.inventory;
  const firstFile = abs.find((s) => fs.existsSync(s)) ?? null;
  const magic = (host: string): Record<string, unknown> => {
    const src = inv.hosts.get(host)?.source ?? firstFile;
    const dir = src && fs.existsSync(src) && fs.statSync(src).isDirectory() ? src : src ? path.dirname(src) : null;
    return {
      inventory_hostname: host,
      inventory_hostname_short: host.split('.')[0],
      group_names: [...inv.groupsOf(host)].filter((g) => g !== 'all').sort(),
      inventory_dir: dir,
      inventory_file: src,
      playbook_dir: playDir,
    };
  };
  return {
    reader: useAnsible ? 'ansible' : 'builtin',
    inventory: inv,
    hosts(pattern) {
      const names = pattern ? selectHosts(inv, pattern) : [...inv.hosts.keys()];
      return names.map((name) => ({ name, vars: { ...read.varsOf(name), ...magic(name) } }));
    },
  };
}
