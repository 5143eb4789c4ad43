import { isAlias, isMap, isPair, isScalar, isSeq, type Document, type Node, type Pair, type YAMLMap } from 'yaml';
import type { ParsedYaml } from '../yaml/document.js';
import type { ArgEntry, FileKind, FileModel, FreeText, IncludeRef, PlayModel, RoleRef, Span, TaskModel, TaskModule } from './model.js';
import { isTaskKeyword } from './keywords.js';
import { COLLECTION, COMMAND_MODULES, FS_MODULES, LV_MODULES, VG_MODULES, resolveModule } from './modules.js';
import { scalarOffsets, splitArgs, unquote, type OffsetMap } from './offsets.js';
import { uriToPath } from './paths.js';
import { hasTemplate, isTemplate, keyString, nodeSpan, nodeValue } from './values.js';
import { SPECS } from '../../../modules/src/specs/index.js';

// From YAML nodes to the playbook model: plays and their task sections, task files, blocks, the
// module of each task however it is written (FQCN, short name under `collections:`, ansible.legacy.,
// action:/local_action:), and its options from a mapping, `args:` or key=value words.

const INCLUDES = new Set(['import_tasks', 'include_tasks', 'include', 'import_role', 'include_role']);
const PLAY_MARKERS = new Set(['hosts', 'import_playbook', 'ansible.builtin.import_playbook', 'ansible.legacy.import_playbook']);
const PLAY_SECTIONS = new Set(['tasks', 'pre_tasks', 'post_tasks', 'roles', 'handlers']);

interface Ctx {
  doc: Document.Parsed;
  text: string;
  collections: string[];
  moduleDefaults: boolean;
}

function includeKeyword(key: string): IncludeRef['keyword'] | null {
  const k = key.replace(/^ansible\.(builtin|legacy)\./, '');
  return INCLUDES.has(k) ? (k as IncludeRef['keyword']) : null;
}

function span(node: Node | null | undefined, ctx: Ctx, fallback: Span = [0, 0]): Span {
  return nodeSpan(node, ctx.text) ?? fallback;
}

function stringList(node: unknown, doc: Document.Parsed): string[] {
  const v = nodeValue(node, doc);
  if (typeof v === 'string') return [v];
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
}

/** module_defaults that may give options to our modules: the task's options are then not all in sight. */
function defaultsForUs(node: unknown, doc: Document.Parsed): boolean {
  const v = nodeValue(node, doc);
  if (typeof v === 'string') return true;
  const maps = Array.isArray(v) ? v : [v];
  return maps.some(
    (m) => m !== null && typeof m === 'object' && Object.keys(m as object).some((k) => k.includes(COLLECTION) || k.startsWith('group/') || Object.hasOwn(SPECS, k)),
  );
}

/** The mappings a YAML 1.1 merge key (<<: *defaults, or a list of aliases) brings in. */
function mergedMaps(value: unknown, ctx: Ctx): YAMLMap[] {
  const items = isSeq(value) ? value.items : [value];
  const out: YAMLMap[] = [];
  for (const i of items) {
    const target = isAlias(i) ? i.resolve(ctx.doc) : i;
    if (isMap(target)) out.push(target);
  }
  return out;
}

function entriesOfMap(map: YAMLMap, ctx: Ctx, from: ArgEntry['from'], depth = 0): ArgEntry[] {
  const out: ArgEntry[] = [];
  for (const p of map.items) {
    if (!isPair(p)) continue;
    // YAML 1.1 merge key: the parser gives it a symbol value; its source is "<<".
    const key = isScalar(p.key) && typeof p.key.value === 'symbol' ? String(p.key.source) : keyString(p);
    if (key === null) continue;
    if (key === '<<' && depth < 4) {
      // Options merged from an anchor: reported on the merge line, where this task takes them.
      const at = span(p.value as Node, ctx, span(p.key as Node, ctx));
      for (const m of mergedMaps(p.value, ctx)) {
        for (const e of entriesOfMap(m, ctx, from, depth + 1)) if (!out.some((o) => o.key === e.key)) out.push({ ...e, keySpan: at, valueSpan: at, node: null });
      }
      continue;
    }
    const value = nodeValue(p.value, ctx.doc);
    const keySpan = span(p.key as Node, ctx);
    out.push({ key, keySpan, value, valueSpan: nodeSpan(p.value as Node, ctx.text) ?? [keySpan[1], keySpan[1]], node: (p.value as Node) ?? null, templated: hasTemplate(value), from });
  }
  return out;
}

function freeTextOf(node: Node, ctx: Ctx): FreeText | null {
  if (!isScalar(node) || node.value === null || node.value === undefined) return null;
  const text = typeof node.value === 'string' ? node.value : String(node.source ?? node.value);
  return { text, span: span(node, ctx), at: scalarOffsets(ctx.text, node) };
}

/** argv: [a, b, c] of a command task as one line "a b c", each word mapped back to its element. */
function argvText(seq: Node, ctx: Ctx): FreeText | null {
  if (!isSeq(seq)) return null;
  const parts: { start: number; at: OffsetMap; len: number }[] = [];
  let text = '';
  for (const item of seq.items) {
    if (!isScalar(item)) continue;
    const s = String(item.value ?? '');
    if (text) text += ' ';
    parts.push({ start: text.length, at: scalarOffsets(ctx.text, item as Node), len: s.length });
    text += s;
  }
  const sp = span(seq, ctx);
  const at: OffsetMap = (i) => {
    for (let k = parts.length - 1; k >= 0; k--) {
      const part = parts[k]!;
      if (i >= part.start) return part.at(Math.min(i - part.start, part.len));
    }
    return sp[0];
  };
  return { text, span: sp, at };
}

function keyValueEntries(free: FreeText, from: ArgEntry['from']): ArgEntry[] {
  const out: ArgEntry[] = [];
  for (const w of splitArgs(free.text)) {
    const eq = w.text.indexOf('=');
    if (eq <= 0) continue;
    const value = unquote(w.text.slice(eq + 1));
    out.push({
      key: w.text.slice(0, eq),
      keySpan: [free.at(w.start), free.at(w.start + eq)],
      value,
      valueSpan: [free.at(w.start + eq + 1), free.at(w.end - 1) + 1],
      node: null,
      templated: isTemplate(value),
      from,
    });
  }
  return out;
}

function moduleFromAction(p: Pair, via: 'action' | 'local_action', ctx: Ctx, task: TaskModel): TaskModule | null {
  const v = p.value as Node | null;
  const pairSpan: Span = [span(p.key as Node, ctx)[0], span(v, ctx, span(p.key as Node, ctx))[1]];
  if (isScalar(v) && typeof v.value === 'string') {
    const free = freeTextOf(v, ctx)!;
    const m = /^\s*(\S+)\s*/.exec(free.text);
    if (!m) return null;
    const written = m[1]!;
    const ref = resolveModule(written, ctx.collections);
    const start = free.text.indexOf(written);
    const rest = free.text.slice(m[0].length);
    const restStart = m[0].length;
    task.free = { text: rest, span: [free.at(restStart), free.span[1]], at: (i) => free.at(restStart + i) };
    if (ref.kind !== 'other' || !COMMAND_MODULES.has(ref.name)) task.args.push(...keyValueEntries(task.free, 'free-form'));
    return { ref, written, nameSpan: [free.at(start), free.at(start + written.length - 1) + 1], pair: p, pairSpan, via };
  }
  if (isMap(v)) {
    const modPair = v.items.find((i) => isPair(i) && keyString(i) === 'module') as Pair | undefined;
    if (!modPair || !isScalar(modPair.value) || typeof modPair.value.value !== 'string') return null;
    const written = modPair.value.value;
    const ref = resolveModule(written, ctx.collections);
    const rest = entriesOfMap(v, ctx, 'map').filter((e) => e.key !== 'module');
    absorbArgs(task, ref, rest, ctx);
    return { ref, written, nameSpan: span(modPair.value as Node, ctx), pair: p, pairSpan, via };
  }
  return null;
}

/** Modules whose options some rule reads: ours, the command modules, the LVM modules, assert/fail. */
export function optionsMatter(ref: TaskModule['ref']): boolean {
  if (ref.kind !== 'other') return true;
  return COMMAND_MODULES.has(ref.name) || ref.name === 'assert' || ref.name === 'fail' || Object.hasOwn(VG_MODULES, ref.name) || Object.hasOwn(LV_MODULES, ref.name) || Object.hasOwn(FS_MODULES, ref.name);
}

/** Map-form options: for command modules cmd/argv become the free text, the rest stay options. */
function absorbArgs(task: TaskModel, ref: TaskModule['ref'], entries: ArgEntry[], ctx: Ctx): void {
  if (ref.kind === 'other' && COMMAND_MODULES.has(ref.name)) {
    for (const e of entries) {
      if ((e.key === 'cmd' || e.key === '_raw_params') && e.node) task.free = freeTextOf(e.node, ctx) ?? task.free;
      else if (e.key === 'argv' && e.node) task.free = argvText(e.node, ctx) ?? task.free;
    }
  }
  task.args.push(...entries);
}

function buildTask(map: YAMLMap, ctx: Ctx): TaskModel {
  const task: TaskModel = {
    kind: 'task',
    node: map,
    span: span(map, ctx),
    name: null,
    nameSpan: null,
    keywords: new Map(),
    module: null,
    args: [],
    free: null,
    argsIncomplete: ctx.moduleDefaults,
    extraActions: [],
    collections: ctx.collections,
  };
  // Keywords first: collections and module_defaults decide how the action is read.
  const pairs: [string, Pair][] = [];
  for (const p of map.items) {
    if (!isPair(p)) continue;
    const key = keyString(p);
    if (key === null) continue;
    pairs.push([key, p]);
    if (isTaskKeyword(key)) task.keywords.set(key, p);
  }
  const own = task.keywords.get('collections');
  const inner: Ctx = { ...ctx };
  if (own) inner.collections = [...stringList(own.value, ctx.doc), ...ctx.collections];
  if (task.keywords.has('module_defaults') && defaultsForUs(task.keywords.get('module_defaults')!.value, ctx.doc)) inner.moduleDefaults = true;
  task.collections = inner.collections;
  task.argsIncomplete = inner.moduleDefaults;

  const nameP = task.keywords.get('name');
  if (nameP && isScalar(nameP.value)) {
    task.name = String(nameP.value.value ?? '');
    task.nameSpan = span(nameP.value as Node, ctx);
  }

  for (const [key, p] of pairs) {
    if (key === 'block' || key === 'rescue' || key === 'always') {
      task.kind = 'block';
      task[key] = buildTaskList(p.value, inner);
      continue;
    }
    if (key === 'action' || key === 'local_action') {
      task.module = moduleFromAction(p, key, inner, task);
      continue;
    }
    if (isTaskKeyword(key)) continue;
    const inc = includeKeyword(key);
    if (inc) {
      task.kind = 'include';
      const v = p.value as Node | null;
      let targetNode: Node | null = v;
      if (isMap(v)) {
        const f = v.items.find((i) => isPair(i) && ['file', 'name', '_raw_params'].includes(keyString(i) ?? '')) as Pair | undefined;
        targetNode = (f?.value as Node) ?? null;
      }
      const target = isScalar(targetNode) && targetNode.value !== null ? String(targetNode.value).trim() : null;
      task.include = { keyword: inc, target, targetSpan: span(targetNode, ctx, span(p.key as Node, ctx)), templated: isTemplate(target) };
      continue;
    }
    if (task.module) {
      task.extraActions.push({ key, span: span(p.key as Node, ctx) });
      continue;
    }
    const keySpan = span(p.key as Node, ctx);
    const ref = resolveModule(key, inner.collections);
    const v = p.value as Node | null;
    task.module = { ref, written: key, nameSpan: keySpan, pair: p, pairSpan: [keySpan[0], span(v, ctx, keySpan)[1]], via: 'key' };
    if (!optionsMatter(ref)) continue;
    if (isMap(v)) absorbArgs(task, ref, entriesOfMap(v, ctx, 'map'), inner);
    else if (isScalar(v) && v.value !== null && v.value !== undefined) {
      task.free = freeTextOf(v, ctx);
      const isCommand = ref.kind === 'other' && COMMAND_MODULES.has(ref.name);
      if (task.free && !isCommand) {
        const kv = keyValueEntries(task.free, 'free-form');
        task.args.push(...kv);
        if (kv.length === 0 && isTemplate(task.free.text)) task.argsIncomplete = true;
      }
    }
  }
  const argsP = task.keywords.get('args');
  if (argsP && (!task.module || optionsMatter(task.module.ref))) {
    if (isMap(argsP.value)) {
      const extra = entriesOfMap(argsP.value, ctx, 'args');
      if (task.module) absorbArgs(task, task.module.ref, extra, inner);
    } else task.argsIncomplete = true;
  }
  return task;
}

export function buildTaskList(node: unknown, ctx: Ctx): TaskModel[] {
  if (!isSeq(node)) return [];
  const out: TaskModel[] = [];
  for (const item of node.items) if (isMap(item)) out.push(buildTask(item, ctx));
  return out;
}

function buildPlay(map: YAMLMap, ctx: Ctx): PlayModel {
  const get = (k: string) => map.items.find((i) => isPair(i) && keyString(i) === k) as Pair | undefined;
  const collectionsP = get('collections');
  const collections = collectionsP ? stringList(collectionsP.value, ctx.doc) : [];
  const mdP = get('module_defaults');
  const inner: Ctx = { ...ctx, collections, moduleDefaults: mdP ? defaultsForUs(mdP.value, ctx.doc) : false };
  const nameP = get('name');
  const hostsP = get('hosts');
  const hostsValue = hostsP ? nodeValue(hostsP.value, ctx.doc) : null;
  const roles: RoleRef[] = [];
  const rolesP = get('roles');
  if (rolesP && isSeq(rolesP.value)) {
    for (const r of rolesP.value.items) {
      const n = isMap(r) ? (r.items.find((i) => isPair(i) && (keyString(i) === 'role' || keyString(i) === 'name')) as Pair | undefined)?.value : r;
      if (isScalar(n) && typeof n.value === 'string') roles.push({ name: n.value, span: span(n as Node, ctx) });
    }
  }
  return {
    node: map,
    span: span(map, ctx),
    name: nameP && isScalar(nameP.value) ? String(nameP.value.value ?? '') : null,
    nameSpan: nameP ? span(nameP.value as Node, ctx) : null,
    hosts: typeof hostsValue === 'string' ? hostsValue : Array.isArray(hostsValue) ? hostsValue.join(',') : null,
    hostsSpan: hostsP ? span(hostsP.value as Node, ctx) : null,
    collections,
    moduleDefaults: inner.moduleDefaults,
    pre_tasks: buildTaskList(get('pre_tasks')?.value, inner),
    roles,
    tasks: buildTaskList(get('tasks')?.value, inner),
    post_tasks: buildTaskList(get('post_tasks')?.value, inner),
    handlers: buildTaskList(get('handlers')?.value, inner),
  };
}

function kindOf(root: unknown): FileKind {
  if (!isSeq(root)) return 'other';
  for (const item of root.items) {
    if (!isMap(item)) continue;
    for (const p of item.items) {
      const k = isPair(p) ? keyString(p) : null;
      if (k && (PLAY_MARKERS.has(k) || PLAY_SECTIONS.has(k))) return 'playbook';
    }
  }
  return 'tasks';
}

export interface BuildOptions {
  /** Collections in scope for a task file (a role's meta/main.yml, or the including play's). */
  collections?: string[];
}

export function buildFileModel(uri: string, parsed: ParsedYaml, options: BuildOptions = {}): FileModel {
  const model: FileModel = { uri, path: uriToPath(uri), text: parsed.text, lines: parsed.lines, kind: 'other', plays: [], tasks: [], docs: parsed.docs };
  for (const doc of parsed.docs) {
    const root = doc.contents;
    const kind = kindOf(root);
    if (kind === 'other' || !isSeq(root)) continue;
    if (model.kind === 'other') model.kind = kind;
    const ctx: Ctx = { doc, text: parsed.text, collections: options.collections ?? [], moduleDefaults: false };
    if (kind === 'playbook') {
      for (const item of root.items) if (isMap(item)) model.plays.push(buildPlay(item, ctx));
    } else model.tasks.push(...buildTaskList(root, ctx));
  }
  return model;
}
