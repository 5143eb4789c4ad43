import type { CompletionItem, DocumentInput, Position, Range, WorkspaceView } from '../types.js';
import type { ModuleSpec, OptionSpec } from '../../../modules/src/schema/types.js';
import type { FileModel } from '../playbook/model.js';
import { SPECS } from '../../../modules/src/specs/index.js';
import { loadFile } from '../analyze.js';
import { TASK_KEYWORDS, TASK_LIST_KEYS, isTaskKeyword } from '../playbook/keywords.js';
import { COLLECTION, resolveModule } from '../playbook/modules.js';
import { hostsWithFacts, playHosts } from '../hosts.js';
import { moduleDoc, optionDoc, optionSummary } from './docs.js';
import { playAt } from './locate.js';

// Completion from the line structure around the cursor (indentation and keys above it), so that it
// works while the line being typed is not valid YAML yet: module names where a task's action goes,
// options under an altdisk module, values for choices and booleans, disk names from host facts.

interface Shape {
  blank: boolean;
  indent: number;
  dash: boolean;
  /** Column where the line's content (after "- ") starts. */
  col: number;
  key: string | null;
  value: string;
}

function shape(line: string): Shape {
  const m = /^(\s*)(?:(-)(?:\s+|$))?(.*)$/.exec(line)!;
  const content = m[3]!;
  const indent = m[1]!.length;
  const col = line.length - content.length;
  if (!m[2] && /^(#.*)?$/.test(content.trim())) return { blank: true, indent, dash: false, col, key: null, value: '' };
  const kv = /^([^\s:#'"][^:#]*?|"[^"]*"|'[^']*')\s*:(?:\s+(.*))?$/.exec(content);
  const value = (kv?.[2] ?? '').replace(/\s+#.*$/, '').trim();
  return { blank: false, indent, dash: !!m[2], col, key: kv ? kv[1]!.replace(/^["']|["']$/g, '') : null, value };
}

interface Mapping {
  /** 'task': a task's own keys; 'module': the options of the module named by `parentKey`; 'other'. */
  kind: 'task' | 'module' | 'other';
  parentKey: string | null;
  siblings: string[];
}

/** The key of the line that owns the sequence whose items start at column `dashCol`, above `line`. */
function seqOwner(lines: (n: number) => string, line: number, dashCol: number): string | null {
  for (let l = line - 1; l >= 0; l--) {
    const s = shape(lines(l));
    if (s.blank) continue;
    if (s.dash && s.indent === dashCol) continue;
    if (s.indent > dashCol || (s.dash && s.indent > dashCol)) continue;
    if (!s.dash && s.col > dashCol) continue;
    if (s.key !== null && s.value === '') return s.key;
    return null;
  }
  return null;
}

/** The mapping a key at column `col` on `line` belongs to. */
function mappingAt(lines: (n: number) => string, line: number, col: number, dashHere: boolean, dashCol: number): Mapping {
  const siblings: string[] = [];
  if (dashHere) {
    const owner = seqOwner(lines, line, dashCol);
    for (let l = line + 1; ; l++) {
      const s = shape(lines(l));
      if (l > line + 200 || (!s.blank && s.col < col) || (!s.blank && s.dash && s.indent <= dashCol)) break;
      if (!s.blank && s.col === col && s.key) siblings.push(s.key);
      if (lines(l) === '' && l > line + 1 && lines(l + 1) === '' && lines(l + 2) === '') break;
    }
    return { kind: owner === null ? 'other' : TASK_LIST_KEYS.has(owner) ? 'task' : 'other', parentKey: owner, siblings };
  }
  for (let l = line - 1; l >= 0; l--) {
    const s = shape(lines(l));
    if (s.blank || s.col > col) continue;
    if (s.col === col) {
      if (s.key) siblings.push(s.key);
      if (s.dash) {
        const owner = seqOwner(lines, l, s.indent);
        return { kind: owner !== null && TASK_LIST_KEYS.has(owner) ? 'task' : 'other', parentKey: owner, siblings };
      }
      continue;
    }
    if (s.key !== null && s.value === '') return { kind: 'module', parentKey: s.key, siblings };
    return { kind: 'other', parentKey: null, siblings };
  }
  return { kind: 'other', parentKey: null, siblings };
}

interface DiskInfo {
  name: string;
  detail: string;
  usable: boolean;
  order: number;
}

function disksOf(file: FileModel, offset: number, ws: WorkspaceView, host: string | undefined): DiskInfo[] {
  const hosts = hostsWithFacts(host ? [host] : playHosts(playAt(file, offset), ws, {}), ws);
  const by = new Map<string, DiskInfo>();
  for (const { host: h, facts } of hosts) {
    for (const d of facts.disks) {
      const size = d.sizeMb !== null ? `, ${d.sizeMb} MB` : '';
      const state = d.vg === null ? (d.free ? 'free' : 'no volume group, not free') : d.vg;
      const usable = d.vg === null ? d.free : d.vg === 'altinst_rootvg';
      const prev = by.get(d.name);
      const detail = `${state}${size}${hosts.length > 1 ? ` (${h})` : ''}`;
      if (!prev) by.set(d.name, { name: d.name, detail, usable, order: d.vg === null ? 0 : d.vg === 'altinst_rootvg' ? 1 : 2 });
      else {
        prev.usable &&= usable;
        if (hosts.length > 1) prev.detail += `; ${detail}`;
      }
    }
  }
  return [...by.values()].sort((a, b) => a.order - b.order || a.name.localeCompare(b.name, undefined, { numeric: true }));
}

function quoteChoice(c: string | number): string {
  return typeof c === 'string' && /^\d+$/.test(c) ? `"${c}"` : String(c);
}

function valueItems(spec: ModuleSpec, name: string, o: OptionSpec, element: boolean, disks: () => DiskInfo[], range: Range): CompletionItem[] {
  const out: CompletionItem[] = [];
  const fmt = o.format;
  if (o.type === 'bool' && !element) {
    for (const v of [true, false]) out.push({ label: String(v), kind: 'value', detail: o.default === v ? 'default' : undefined, insertText: String(v), range });
  } else if (o.choices) {
    o.choices.forEach((c, i) => out.push({ label: String(c), kind: 'value', detail: o.default === c ? 'default' : undefined, insertText: quoteChoice(c), range, sortText: String(i).padStart(3, '0') }));
  } else if (fmt === 'disk' || fmt === 'bootlist_device') {
    const targets = fmt === 'disk';
    disks()
      .filter((d) => !targets || d.usable)
      .forEach((d, i) => out.push({ label: d.name, kind: 'disk', detail: d.detail, insertText: d.name, range, sortText: String(i).padStart(3, '0') }));
  } else if (fmt === 'vg') {
    for (const vg of ['altinst_rootvg', 'old_rootvg']) out.push({ label: vg, kind: 'value', insertText: vg, range, detail: o.default === vg ? 'default' : undefined });
  } else if (o.default !== undefined && o.default !== null && !element) {
    out.push({ label: String(o.default), kind: 'value', detail: 'default', insertText: String(o.default), range });
  }
  void spec;
  void name;
  return out;
}

function moduleItems(file: FileModel, offset: number, range: Range, withKeywords: boolean, siblings: string[]): CompletionItem[] {
  const items: CompletionItem[] = [];
  const collections = playAt(file, offset)?.collections ?? [];
  const hasModule = siblings.some((k) => !isTaskKeyword(k));
  if (!hasModule) {
    for (const spec of Object.values(SPECS)) {
      items.push({ label: `${COLLECTION}.${spec.name}`, kind: 'module', detail: spec.shortDescription, documentation: moduleDoc(spec), insertText: `${COLLECTION}.${spec.name}:`, range, sortText: `0${spec.name}` });
      if (collections.includes(COLLECTION)) {
        items.push({ label: spec.name, kind: 'module', detail: `${spec.shortDescription} (${COLLECTION})`, documentation: moduleDoc(spec), insertText: `${spec.name}:`, range, sortText: `1${spec.name}` });
      }
    }
  }
  if (withKeywords) {
    for (const k of TASK_KEYWORDS) if (!siblings.includes(k)) items.push({ label: k, kind: 'keyword', insertText: `${k}: `, range, sortText: `2${k}` });
  }
  return items;
}

export function complete(doc: DocumentInput, pos: Position, ws: WorkspaceView = {}, opts: { host?: string } = {}): CompletionItem[] {
  const file = loadFile(doc, ws);
  const lineText = file.lines.lineText(pos.line);
  const before = lineText.slice(0, pos.character);
  const lines = (n: number) => (n >= 0 && n < file.lines.lineCount() ? file.lines.lineText(n) : '');
  const offset = file.lines.offset(pos);
  const collections = playAt(file, offset)?.collections ?? [];
  const moduleSpec = (key: string | null): ModuleSpec | null => {
    if (!key) return null;
    const ref = resolveModule(key, [...collections, COLLECTION]);
    return ref.kind === 'altdisk' ? SPECS[ref.name]! : null;
  };
  const disks = () => disksOf(file, offset, ws, opts.host);
  const rangeOf = (start: number): Range => ({ start: { line: pos.line, character: start }, end: pos });

  // A key being typed: "  tar", "- altdisk.a", or an empty line.
  const keyM = /^(\s*)(?:(-)\s+)?([A-Za-z0-9_.-]*)$/.exec(before);
  if (keyM) {
    const dashCol = keyM[1]!.length;
    const col = pos.character - keyM[3]!.length;
    const m = mappingAt(lines, pos.line, col, !!keyM[2], dashCol);
    const range = rangeOf(col);
    if (m.kind === 'task') return moduleItems(file, offset, range, true, m.siblings);
    if (keyM[2]) {
      // A list item under an option: a value, not a key.
      const ownerSpec = (() => {
        for (let l = pos.line - 1; l >= 0; l--) {
          const s = shape(lines(l));
          if (s.blank || (s.dash && s.indent === dashCol)) continue;
          if (s.col > dashCol) continue;
          if (s.key === null) return null;
          const parent = mappingAt(lines, l, s.col, s.dash, s.indent);
          const spec = parent.kind === 'module' ? moduleSpec(parent.parentKey) : null;
          return spec && Object.hasOwn(spec.options, s.key) ? { spec, name: s.key } : null;
        }
        return null;
      })();
      if (ownerSpec) return valueItems(ownerSpec.spec, ownerSpec.name, ownerSpec.spec.options[ownerSpec.name]!, true, disks, range);
      if (file.kind === 'tasks' || file.kind === 'other') {
        const owner = seqOwner(lines, pos.line, dashCol);
        if (owner === null && dashCol === 0) return moduleItems(file, offset, range, true, m.siblings);
      }
      return [];
    }
    if (m.kind === 'module') {
      let spec = moduleSpec(m.parentKey);
      if (!spec && m.parentKey === 'args') {
        // args: of a task: the module is a sibling key of `args`.
        for (let l = pos.line - 1; l >= 0 && !spec; l--) {
          const s = shape(lines(l));
          if (s.key === 'args') {
            const around = mappingAt(lines, l, s.col, s.dash, s.indent);
            for (const k of around.siblings) spec ??= moduleSpec(k);
            for (let n = l + 1; n < l + 200 && !spec; n++) {
              const t = shape(lines(n));
              if (!t.blank && t.col < s.col) break;
              if (!t.blank && t.col === s.col) spec = moduleSpec(t.key);
            }
            break;
          }
        }
      }
      if (!spec) return [];
      return Object.entries(spec.options)
        .filter(([name]) => !m.siblings.includes(name))
        .map(([name, o]) => ({
          label: name,
          kind: 'option' as const,
          detail: optionSummary(o),
          documentation: optionDoc(spec!, name, o),
          insertText: `${name}: `,
          range,
          sortText: `${o.required ? '0' : '1'}${name}`,
        }));
    }
    return [];
  }

  // A value being typed: "key: val", "key: [a, b", under an altdisk module.
  const valM = /^(\s*)(?:(-)\s+)?([A-Za-z0-9_.-]+):\s+(.*)$/.exec(before);
  if (valM) {
    const col = valM[1]!.length + (valM[2] ? before.slice(valM[1]!.length).indexOf(valM[3]!) : 0);
    const m = mappingAt(lines, pos.line, col, !!valM[2], valM[1]!.length);
    const spec = m.kind === 'module' ? moduleSpec(m.parentKey) : null;
    const name = valM[3]!;
    if (!spec || !Object.hasOwn(spec.options, name)) return [];
    const o = spec.options[name]!;
    const typed = valM[4]!;
    if (typed.startsWith('[')) {
      const last = Math.max(typed.lastIndexOf(','), typed.lastIndexOf('['));
      const word = typed.slice(last + 1).replace(/^\s+/, '').replace(/^["']/, '');
      return valueItems(spec, name, o, true, disks, rangeOf(pos.character - word.length));
    }
    const word = typed.replace(/^["']/, '');
    return valueItems(spec, name, o, false, disks, rangeOf(pos.character - word.length));
  }
  return [];
}
