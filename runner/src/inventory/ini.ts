import type { Inventory } from './model.js';
import { parseHostEntry } from './host-pattern.js';
import { pythonLiteral } from './python-literal.js';
import { shellWords } from '../../../modules/src/runtime/kv.js';

// Ansible's INI inventory: [group] sections of host lines (`host key=value ...`), [group:vars]
// (one key=value a line), [group:children] (group names). Lines before any section are
// ungrouped hosts. Values go through Python's literal rules (pythonLiteral), as in Ansible.

export class InventorySyntaxError extends Error {}

/**
 * A host line split as Python's shlex.split(line, comments=True) splits it: quotes and
 * backslashes as in a POSIX shell, and a # that starts a word starts a comment.
 */
export function hostLineWords(line: string): string[] {
  return shellWords(line, { comments: true, doubleQuoteEscapes: '"\\', unbalanced: () => 'No closing quotation' });
}

export function readIni(inv: Inventory, text: string, source: string): void {
  let group = 'ungrouped';
  let state: 'hosts' | 'vars' | 'children' = 'hosts';
  const pendingVars = new Map<string, number>();
  const pendingChildren = new Map<string, { line: number; parents: string[] }>();
  const declared = new Set<string>(inv.groups.keys());
  const fail = (n: number, msg: string): never => {
    throw new InventorySyntaxError(`${source}:${n}: ${msg}`);
  };
  const declare = (name: string) => {
    declared.add(name);
    inv.addGroup(name);
    pendingVars.delete(name);
    const waiting = pendingChildren.get(name);
    if (waiting) {
      for (const p of waiting.parents) inv.addChild(p, name);
      pendingChildren.delete(name);
    }
  };

  text.split(/\r?\n/).forEach((raw, i) => {
    const n = i + 1;
    const line = raw.trim();
    if (line === '' || line.startsWith('#') || line.startsWith(';')) return;
    const section = /^\[([^\]:\s]+)(?::(\w+))?\]\s*(?:[#;].*)?$/.exec(line);
    if (section) {
      group = section[1]!;
      const kind = section[2] ?? 'hosts';
      if (kind !== 'hosts' && kind !== 'vars' && kind !== 'children') fail(n, `Section [${group}:${kind}] has unknown type: ${kind}`);
      state = kind as typeof state;
      if (state === 'vars') {
        if (!declared.has(group) && !pendingChildren.has(group)) pendingVars.set(group, n);
        inv.addGroup(group);
      } else declare(group);
      return;
    }
    if (line.startsWith('[') && line.endsWith(']')) fail(n, `Invalid section entry: '${line}'. Please make sure that there are no spaces in the section entry, and that there are no other invalid characters`);
    if (state === 'hosts') {
      let words: string[];
      try {
        words = hostLineWords(line);
      } catch (e) {
        return fail(n, `Error parsing host definition '${line}': ${(e as Error).message}`);
      }
      if (words.length === 0) return;
      let entry;
      try {
        entry = parseHostEntry(words[0]!);
      } catch (e) {
        return fail(n, (e as Error).message);
      }
      const vars: Record<string, unknown> = {};
      for (const w of words.slice(1)) {
        const eq = w.indexOf('=');
        if (eq < 0) fail(n, `Expected key=value host variable assignment, got: ${w}`);
        vars[w.slice(0, eq)] = pythonLiteral(w.slice(eq + 1));
      }
      for (const name of entry.names) {
        const h = inv.addHost(name, group, source);
        if (entry.port !== null) h.vars.ansible_port = entry.port;
        Object.assign(h.vars, vars);
      }
    } else if (state === 'vars') {
      const eq = line.indexOf('=');
      if (eq < 0) fail(n, `Expected key=value, got: ${line}`);
      inv.addGroup(group).vars[line.slice(0, eq).trim()] = pythonLiteral(line.slice(eq + 1).trim());
    } else {
      const m = /^([^\s#;]+)\s*(?:[#;].*)?$/.exec(line);
      if (!m) return fail(n, `Expected group name, got: ${line}`);
      const child = m[1]!;
      if (declared.has(child)) inv.addChild(group, child);
      else {
        const p = pendingChildren.get(child) ?? { line: n, parents: [] };
        p.parents.push(group);
        pendingChildren.set(child, p);
      }
    }
  });
  for (const [g, n] of pendingVars) fail(n, `Section [${g}:vars] not valid for undefined group: ${g}`);
  for (const [g, p] of pendingChildren) fail(p.line, `Section [${p.parents[p.parents.length - 1]}:children] includes undefined group: ${g}`);
}
