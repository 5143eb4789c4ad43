import { parse } from 'yaml';
import type { Inventory } from './model.js';
import { parseHostEntry } from './host-pattern.js';
import { InventorySyntaxError } from './ini.js';

// Ansible's YAML inventory: top-level groups (usually just `all`), each a mapping of `hosts`
// (host entries, with ranges and ports, and their variables), `vars` and `children` (groups).
// Ansible reads YAML 1.1 with PyYAML (yes/no are booleans): so does this.

type Mapping = Record<string, unknown>;

const isMapping = (v: unknown): v is Mapping => v !== null && typeof v === 'object' && !Array.isArray(v);

export function parseYamlText(text: string, source: string): unknown {
  try {
    return parse(text, { version: '1.1', uniqueKeys: false });
  } catch (e) {
    throw new InventorySyntaxError(`${source}: not valid YAML: ${(e as Error).message}`);
  }
}

/** True when the parsed document looks like a YAML inventory (a mapping of groups). */
export function isYamlInventory(doc: unknown): doc is Mapping {
  return isMapping(doc) && Object.values(doc).every((g) => g === null || isMapping(g));
}

export function readYaml(inv: Inventory, doc: unknown, source: string): void {
  if (!isMapping(doc)) throw new InventorySyntaxError(`${source}: a YAML inventory is a mapping of groups (all: {hosts: ..., children: ...})`);
  const group = (name: string, data: unknown): string => {
    if (data !== null && data !== undefined && !isMapping(data)) {
      throw new InventorySyntaxError(`${source}: the group ${name} must be a mapping of hosts, vars and children, not ${JSON.stringify(data)}`);
    }
    inv.addGroup(name);
    if (!data) return name;
    for (const section of ['vars', 'children', 'hosts']) {
      let v = data[section];
      if (typeof v === 'string') v = data[section] = { [v]: null };
      if (v !== undefined && v !== null && !isMapping(v)) {
        throw new InventorySyntaxError(`${source}: Invalid "${section}" entry for "${name}" group, requires a dictionary, found "${Array.isArray(v) ? 'list' : typeof v}" instead.`);
      }
    }
    for (const [key, value] of Object.entries(data)) {
      if (!isMapping(value)) continue;
      if (key === 'vars') Object.assign(inv.addGroup(name).vars, value);
      else if (key === 'children') for (const [child, childData] of Object.entries(value)) inv.addChild(name, group(child, childData));
      else if (key === 'hosts') {
        for (const [pattern, hostVars] of Object.entries(value)) {
          let entry;
          try {
            entry = parseHostEntry(pattern);
          } catch (e) {
            throw new InventorySyntaxError(`${source}: ${(e as Error).message}`);
          }
          if (hostVars !== null && hostVars !== undefined && !isMapping(hostVars)) {
            throw new InventorySyntaxError(`${source}: the variables of host ${pattern} must be a mapping, not ${JSON.stringify(hostVars)}`);
          }
          for (const h of entry.names) {
            const host = inv.addHost(h, name, source);
            if (entry.port !== null) host.vars.ansible_port = entry.port;
            Object.assign(host.vars, hostVars ?? {});
          }
        }
      }
    }
    return name;
  };
  for (const [name, data] of Object.entries(doc)) group(name, data);
}
