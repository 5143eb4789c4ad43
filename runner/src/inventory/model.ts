// The inventory as Ansible models it: hosts and groups, `all` at the top, `ungrouped` for hosts
// that are in no other group, group depth (distance from `all`) and ansible_group_priority to
// order group variables. Readers (INI, YAML, ansible-inventory --list) fill one of these.

export interface InventoryHost {
  name: string;
  /** Variables set on the host by the inventory sources (host lines, YAML host entries). */
  vars: Record<string, unknown>;
  /** The inventory source that defined it first (inventory_file). */
  source: string | null;
}

export interface InventoryGroup {
  name: string;
  vars: Record<string, unknown>;
  /** Hosts listed in the group itself, in the order they were added. */
  hosts: string[];
  children: string[];
  parents: string[];
}

export class Inventory {
  readonly hosts = new Map<string, InventoryHost>();
  readonly groups = new Map<string, InventoryGroup>();
  readonly sources: string[] = [];

  constructor() {
    this.addGroup('all');
    this.addGroup('ungrouped');
  }

  addGroup(name: string): InventoryGroup {
    let g = this.groups.get(name);
    if (!g) {
      g = { name, vars: {}, hosts: [], children: [], parents: [] };
      this.groups.set(name, g);
    }
    return g;
  }

  addHost(name: string, group: string | null, source: string | null): InventoryHost {
    let h = this.hosts.get(name);
    if (!h) {
      h = { name, vars: {}, source };
      this.hosts.set(name, h);
    }
    if (group) {
      const g = this.addGroup(group);
      if (!g.hosts.includes(name)) g.hosts.push(name);
    }
    return h;
  }

  addChild(parent: string, child: string): void {
    if (parent === child) throw new Error(`the group ${parent} cannot be a child of itself`);
    const p = this.addGroup(parent);
    const c = this.addGroup(child);
    if (this.descendants(child).has(parent)) throw new Error(`adding ${child} as a child of ${parent} makes a loop of groups`);
    if (!p.children.includes(child)) p.children.push(child);
    if (!c.parents.includes(parent)) c.parents.push(parent);
  }

  /** Every group below this one. */
  descendants(name: string): Set<string> {
    const out = new Set<string>();
    const walk = (n: string) => {
      for (const c of this.groups.get(n)?.children ?? []) {
        if (out.has(c)) continue;
        out.add(c);
        walk(c);
      }
    };
    walk(name);
    return out;
  }

  /**
   * What Ansible does once all sources are read: groups without a parent become children of
   * `all`, and hosts in no group but `all` (and `ungrouped`) are in `ungrouped`.
   */
  reconcile(): void {
    for (const g of this.groups.values()) {
      if (g.name !== 'all' && g.parents.length === 0) this.addChild('all', g.name);
    }
    const ungrouped = this.groups.get('ungrouped')!;
    for (const h of this.hosts.keys()) {
      const direct = this.directGroupsOf(h).filter((g) => g !== 'all' && g !== 'ungrouped');
      if (direct.length === 0) {
        if (!ungrouped.hosts.includes(h)) ungrouped.hosts.push(h);
      } else if (ungrouped.hosts.includes(h)) ungrouped.hosts.splice(ungrouped.hosts.indexOf(h), 1);
    }
  }

  directGroupsOf(host: string): string[] {
    return [...this.groups.values()].filter((g) => g.hosts.includes(host)).map((g) => g.name);
  }

  /** The host's groups and all their ancestors, `all` included. */
  groupsOf(host: string): Set<string> {
    const out = new Set<string>(['all']);
    const up = (g: string) => {
      if (out.has(g) && g !== 'all') return;
      out.add(g);
      for (const p of this.groups.get(g)?.parents ?? []) up(p);
    };
    for (const g of this.directGroupsOf(host)) up(g);
    return out;
  }

  /** Distance from `all` along the longest path (Ansible's group depth). */
  depth(name: string): number {
    const seen = new Map<string, number>();
    const d = (n: string): number => {
      if (n === 'all') return 0;
      const known = seen.get(n);
      if (known !== undefined) return known;
      const parents = this.groups.get(n)?.parents ?? [];
      const v = parents.length === 0 ? 1 : Math.max(...parents.map((p) => d(p) + 1));
      seen.set(n, v);
      return v;
    };
    return d(name);
  }

  /** Groups ordered as Ansible merges their variables: depth, ansible_group_priority, name. */
  sortGroups(names: Iterable<string>): string[] {
    const priority = (n: string) => {
      const p = Number(this.groups.get(n)?.vars.ansible_group_priority ?? 1);
      return Number.isFinite(p) ? p : 1;
    };
    return [...names].sort((a, b) => this.depth(a) - this.depth(b) || priority(a) - priority(b) || (a < b ? -1 : a > b ? 1 : 0));
  }

  /** Hosts of a group and of every group below it, in inventory order. */
  hostsOf(group: string): string[] {
    const names = new Set<string>(this.groups.get(group)?.hosts ?? []);
    for (const d of this.descendants(group)) for (const h of this.groups.get(d)?.hosts ?? []) names.add(h);
    return [...this.hosts.keys()].filter((h) => names.has(h));
  }
}
