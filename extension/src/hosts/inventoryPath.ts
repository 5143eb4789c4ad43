import * as fs from 'node:fs';
import * as path from 'node:path';

// Which inventory the host picker and play runs use: the altdisk.inventory setting, else `inventory`
// in the workspace's ansible.cfg ([defaults]), else the first usual file beside the playbook or at the
// workspace root, the way people lay out Ansible projects.

const USUAL = ['inventory.yml', 'inventory.yaml', 'inventory', 'hosts', 'hosts.yml', 'hosts.yaml', 'inventory.ini', 'hosts.ini'];

/** `inventory` (or the older `hostfile`) of an ansible.cfg's [defaults], resolved against its folder. */
export function inventoryFromAnsibleCfg(cfgFile: string): string | undefined {
  let text: string;
  try {
    text = fs.readFileSync(cfgFile, 'utf8');
  } catch {
    return undefined;
  }
  let section = '';
  for (const raw of text.split('\n')) {
    const line = raw.replace(/[;#].*$/, '').trim();
    const s = /^\[(.+)\]$/.exec(line);
    if (s?.[1]) {
      section = s[1].trim();
      continue;
    }
    const kv = /^(inventory|hostfile)\s*[=:]\s*(.+)$/.exec(line);
    if (section === 'defaults' && kv?.[2]) {
      const first = kv[2].split(',')[0]!.trim().replace(/^~(?=\/)/, process.env.HOME ?? '~');
      return path.resolve(path.dirname(cfgFile), first);
    }
  }
  return undefined;
}

export function findInventory(setting: string, workspaceRoots: string[], playbookDir?: string): string | undefined {
  if (setting) {
    const candidates = path.isAbsolute(setting) ? [setting] : workspaceRoots.map((r) => path.join(r, setting));
    return candidates.find((c) => fs.existsSync(c)) ?? candidates[0];
  }
  const dirs = [...(playbookDir ? [playbookDir] : []), ...workspaceRoots];
  for (const d of dirs) {
    const fromCfg = inventoryFromAnsibleCfg(path.join(d, 'ansible.cfg'));
    if (fromCfg && fs.existsSync(fromCfg)) return fromCfg;
  }
  for (const d of dirs) {
    for (const name of USUAL) {
      const p = path.join(d, name);
      if (fs.existsSync(p) && fs.statSync(p).isFile()) return p;
    }
  }
  return undefined;
}
