import * as fs from 'node:fs';
import * as path from 'node:path';
import { InventorySyntaxError } from './ini.js';
import { parseYamlText } from './yaml.js';

// group_vars/ and host_vars/ beside an inventory source (Ansible's host_group_vars plugin):
// <dir>/group_vars/<group>, .yml, .yaml or .json, or a folder of such files read in name order.

const EXTENSIONS = ['', '.yml', '.yaml', '.json'];

function listFolder(dir: string): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((e) => !e.name.startsWith('.') && !e.name.endsWith('~'))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .flatMap((e) => {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) return listFolder(p);
      return EXTENSIONS.includes(path.extname(e.name)) ? [p] : [];
    });
}

/** Like Ansible, only the first of <entity>, <entity>.yml, .yaml, .json that exists is read. */
function varsFiles(base: string, entity: string): string[] {
  for (const ext of EXTENSIONS) {
    const p = path.join(base, entity + ext);
    let st: fs.Stats;
    try {
      st = fs.statSync(p);
    } catch {
      continue;
    }
    return st.isDirectory() ? listFolder(p) : [p];
  }
  return [];
}

function readVarsFile(file: string): Record<string, unknown> {
  const text = fs.readFileSync(file, 'utf8');
  if (text.startsWith('$ANSIBLE_VAULT')) {
    throw new InventorySyntaxError(`${file} is encrypted with Ansible Vault: altdisk's own inventory reader cannot open it; install Ansible (ansible-inventory reads it)`);
  }
  const doc = parseYamlText(text, file);
  if (doc === null || doc === undefined) return {};
  if (typeof doc !== 'object' || Array.isArray(doc)) throw new InventorySyntaxError(`${file}: variables must be a mapping of names to values`);
  return doc as Record<string, unknown>;
}

/** The variables of group_vars/<group> (kind 'group') or host_vars/<host> (kind 'host') under `dir`. */
export function varsFromDir(dir: string, kind: 'group' | 'host', entity: string): Record<string, unknown> {
  const base = path.join(dir, kind === 'group' ? 'group_vars' : 'host_vars');
  if (!fs.existsSync(base)) return {};
  const out: Record<string, unknown> = {};
  for (const f of varsFiles(base, entity)) Object.assign(out, readVarsFile(f));
  return out;
}
