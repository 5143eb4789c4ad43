import * as fs from 'node:fs';
import * as path from 'node:path';
import { Inventory } from './model.js';
import { InventorySyntaxError, readIni } from './ini.js';
import { isYamlInventory, parseYamlText, readYaml } from './yaml.js';
import { parseHostEntry } from './host-pattern.js';
import { varsFromDir } from './vars-dirs.js';

// altdisk's own inventory reader, for machines without Ansible: host lists (`-i a,b,`), INI and
// YAML files, folders of them, group_vars/ and host_vars/ beside each source, and the variables
// merged in Ansible's order of precedence.

/** Files Ansible skips in an inventory folder (INVENTORY_IGNORE_EXTS and its ignore patterns). */
const IGNORED = /(~|\.orig|\.ini|\.cfg|\.retry|\.pyc|\.pyo|\.bak|\.swp|\.rpm(save|new|orig)|\.dpkg-(old|dist|new))$/;

function readSource(inv: Inventory, source: string): void {
  if (!fs.existsSync(source)) {
    if (source.includes(',')) {
      for (const word of source.split(',').map((w) => w.trim()).filter(Boolean)) {
        const e = parseHostEntry(word);
        for (const n of e.names) {
          const h = inv.addHost(n, 'ungrouped', null);
          if (e.port !== null) h.vars.ansible_port = e.port;
        }
      }
      return;
    }
    throw new InventorySyntaxError(`the inventory ${source} does not exist`);
  }
  if (fs.statSync(source).isDirectory()) {
    for (const e of fs.readdirSync(source, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      if (e.name.startsWith('.') || IGNORED.test(e.name) || e.name === 'group_vars' || e.name === 'host_vars') continue;
      readSource(inv, path.join(source, e.name));
    }
    return;
  }
  const st = fs.statSync(source);
  if (st.mode & 0o111 && !/\.(ya?ml|json|ini)$/i.test(source)) {
    throw new InventorySyntaxError(`${source} is an executable (a dynamic inventory script): altdisk's own reader cannot run it; install Ansible (ansible-inventory runs it)`);
  }
  const text = fs.readFileSync(source, 'utf8');
  const ext = path.extname(source).toLowerCase();
  if (['.yml', '.yaml', '.json'].includes(ext)) {
    const doc = parseYamlText(text, source);
    if (isYamlInventory(doc) && 'plugin' in doc) {
      throw new InventorySyntaxError(`${source} is an inventory plugin configuration (plugin: ${String(doc.plugin)}): install Ansible to read it (ansible-inventory runs the plugin)`);
    }
    readYaml(inv, doc, source);
    return;
  }
  if (ext === '') {
    let doc: unknown;
    try {
      doc = parseYamlText(text, source);
    } catch {
      doc = undefined;
    }
    if (isYamlInventory(doc) && Object.keys(doc).length > 0) {
      readYaml(inv, doc, source);
      return;
    }
  }
  readIni(inv, text, source);
}

/** The folder whose group_vars/ and host_vars/ belong to a source. */
function varsDirOf(source: string): string | null {
  if (!fs.existsSync(source)) return null;
  return fs.statSync(source).isDirectory() ? source : path.dirname(source);
}

export interface BuiltinInventory {
  inventory: Inventory;
  varsOf(host: string): Record<string, unknown>;
}

export function readInventoryBuiltin(sources: string[], playDir: string): BuiltinInventory {
  const inv = new Inventory();
  for (const s of sources) {
    inv.sources.push(s);
    readSource(inv, s);
  }
  inv.reconcile();
  const dirs = sources.map(varsDirOf).filter((d): d is string => d !== null);
  const fromDirs = (list: string[], kind: 'group' | 'host', entities: string[]) => {
    const out: Record<string, unknown> = {};
    for (const d of list) for (const e of entities) Object.assign(out, varsFromDir(path.resolve(d), kind, e));
    return out;
  };
  return {
    inventory: inv,
    varsOf(host) {
      const h = inv.hosts.get(host);
      if (!h) throw new Error(`no host ${host} in the inventory`);
      const groups = inv.sortGroups([...inv.groupsOf(host)].filter((g) => g !== 'all'));
      const vars: Record<string, unknown> = {};
      // Ansible's VARIABLE_PRECEDENCE for inventory data, then the host's own.
      Object.assign(vars, inv.groups.get('all')!.vars);
      for (const g of groups) Object.assign(vars, inv.groups.get(g)!.vars);
      Object.assign(vars, fromDirs(dirs, 'group', ['all']));
      Object.assign(vars, fromDirs([playDir], 'group', ['all']));
      Object.assign(vars, fromDirs(dirs, 'group', groups));
      Object.assign(vars, fromDirs([playDir], 'group', groups));
      Object.assign(vars, h.vars);
      Object.assign(vars, fromDirs(dirs, 'host', [host]));
      Object.assign(vars, fromDirs([playDir], 'host', [host]));
      return vars;
    },
  };
}
