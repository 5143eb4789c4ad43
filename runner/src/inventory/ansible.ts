import { execa } from 'execa';
import { Inventory } from './model.js';
import { InventorySyntaxError } from './ini.js';

// Where Ansible is installed, `ansible-inventory --list` is the truth: every inventory plugin,
// vault, constructed groups, everything Ansible itself would see.

interface ListGroup {
  hosts?: string[];
  children?: string[];
}

export async function readInventoryAnsible(sources: string[], playDir: string, program = 'ansible-inventory'): Promise<{ inventory: Inventory; varsOf(host: string): Record<string, unknown> }> {
  const r = await execa(program, [...sources.flatMap((s) => ['-i', s]), '--list'], {
    cwd: playDir,
    reject: false,
    env: { ANSIBLE_NOCOLOR: '1', ANSIBLE_INVENTORY_UNPARSED_WARNING: 'False' },
  });
  if (r.exitCode !== 0) {
    const why = String(r.stderr).trim() || String(r.stdout).trim() || r.message;
    throw new InventorySyntaxError(`ansible-inventory cannot read ${sources.join(', ')}: ${why}`);
  }
  let doc: Record<string, unknown>;
  try {
    doc = JSON.parse(String(r.stdout)) as Record<string, unknown>;
  } catch (e) {
    throw new InventorySyntaxError(`ansible-inventory --list printed no JSON: ${(e as Error).message}`);
  }
  const meta = (doc._meta ?? {}) as { hostvars?: Record<string, Record<string, unknown>> };
  const hostvars = meta.hostvars ?? {};
  const inv = new Inventory();
  inv.sources.push(...sources);
  const groups = Object.entries(doc).filter(([k]) => k !== '_meta') as [string, ListGroup][];
  // Hosts in the order Ansible lists them (group by group, depth first from `all`).
  const visit = (name: string, seen: Set<string>) => {
    if (seen.has(name)) return;
    seen.add(name);
    const g = (doc[name] ?? {}) as ListGroup;
    inv.addGroup(name);
    for (const h of g.hosts ?? []) inv.addHost(h, name, null);
    for (const c of g.children ?? []) {
      inv.addGroup(c);
      if (name !== c) inv.addChild(name, c);
      visit(c, seen);
    }
  };
  const seen = new Set<string>();
  visit('all', seen);
  for (const [name] of groups) visit(name, seen);
  for (const h of Object.keys(hostvars)) inv.addHost(h, null, null);
  inv.reconcile();
  return {
    inventory: inv,
    varsOf(host) {
      return { ...(hostvars[host] ?? {}) };
    },
  };
}
