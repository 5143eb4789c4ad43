import { dirname, join } from '../playbook/paths.js';

// Where ansible-playbook and ansible-lint look for the collection altdisk.aix: ANSIBLE_COLLECTIONS_PATH
// (or the older ANSIBLE_COLLECTIONS_PATHS), else collections_path in the first ansible.cfg found
// (ANSIBLE_CONFIG, ./ansible.cfg, ~/.ansible.cfg, /etc/ansible/ansible.cfg), else
// ~/.ansible/collections and /usr/share/ansible/collections; and always the collections/ folder
// next to each playbook. Without the collection there, both reject every altdisk task.

export interface CollectionEnv {
  env: Record<string, string | undefined>;
  cwd: string;
  home: string;
  readFile(path: string): string | undefined;
  exists(path: string): boolean;
}

function cfgValue(text: string, keys: string[]): string | null {
  let section = '';
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (!line || line.startsWith('#') || line.startsWith(';')) continue;
    const s = /^\[(.+)\]$/.exec(line);
    if (s) {
      section = s[1]!.trim();
      continue;
    }
    const kv = /^([A-Za-z_]+)\s*[=:]\s*(.*)$/.exec(line);
    if (section === 'defaults' && kv && keys.includes(kv[1]!)) return kv[2]!.trim();
  }
  return null;
}

function expand(p: string, c: CollectionEnv, base: string): string {
  const home = p.replace(/^~(?=\/|$)/, c.home);
  return home.startsWith('/') ? home : join(base, home);
}

/** The configured search paths (without the playbook-adjacent folders) and where they come from. */
export function collectionSearchPaths(c: CollectionEnv): { paths: string[]; source: string } {
  const fromEnv = c.env.ANSIBLE_COLLECTIONS_PATH ?? c.env.ANSIBLE_COLLECTIONS_PATHS;
  if (fromEnv) return { paths: fromEnv.split(':').filter(Boolean).map((p) => expand(p, c, c.cwd)), source: 'ANSIBLE_COLLECTIONS_PATH' };
  const cfgs = [c.env.ANSIBLE_CONFIG, join(c.cwd, 'ansible.cfg'), join(c.home, '.ansible.cfg'), '/etc/ansible/ansible.cfg'].filter((x): x is string => !!x);
  for (const cfg of cfgs) {
    const text = c.readFile(cfg);
    if (text === undefined) continue;
    const v = cfgValue(text, ['collections_path', 'collections_paths']);
    if (v) return { paths: v.split(':').filter(Boolean).map((p) => expand(p, c, dirname(cfg))), source: cfg };
    break;
  }
  return { paths: [join(c.home, '.ansible/collections'), '/usr/share/ansible/collections'], source: "Ansible's defaults" };
}

function hasCollection(root: string, c: CollectionEnv): boolean {
  const dir = join(root, 'ansible_collections/altdisk/aix');
  return c.exists(join(dir, 'MANIFEST.json')) || c.exists(join(dir, 'galaxy.yml')) || c.exists(join(dir, 'plugins/modules'));
}

/** A note when some playbook using altdisk modules cannot resolve the collection; null when all can. */
export function collectionNote(playbooks: string[], c: CollectionEnv): string | null {
  if (!playbooks.length) return null;
  const { paths, source } = collectionSearchPaths(c);
  const configured = paths.some((p) => hasCollection(p, c));
  if (configured) return null;
  const missing = playbooks.filter((p) => !hasCollection(join(dirname(p), 'collections'), c));
  if (!missing.length) return null;
  const shown = missing.length > 3 ? `${missing.slice(0, 3).join(', ')} and ${missing.length - 3} more` : missing.join(', ');
  return (
    `the collection altdisk.aix is not where Ansible looks for it (${source}: ${paths.join(':')}; nor in a collections/ folder next to ${shown}): ` +
    'ansible-playbook and ansible-lint will reject every altdisk task. Install it (ansible-galaxy collection install altdisk-aix-<version>.tar.gz) or set collections_path in ansible.cfg'
  );
}
