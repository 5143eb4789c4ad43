import type { Document, Node, Pair, YAMLMap } from 'yaml';
import type { ModuleRef } from './modules.js';
import type { OffsetMap } from './offsets.js';
import type { LineIndex } from '../yaml/document.js';

// What the engine knows of a playbook or task file: plays, tasks (blocks flattened into their
// sections), each task's module and options with source offsets. Built once per analysis from the
// YAML nodes; every rule and feature reads this model, never the raw YAML.

export type Span = [start: number, end: number];

export interface ArgEntry {
  /** The option as written. */
  key: string;
  keySpan: Span;
  value: unknown;
  valueSpan: Span;
  /** The YAML value node (map form); null for key=value words. */
  node: Node | null;
  /** The value or something inside it is a Jinja template. */
  templated: boolean;
  from: 'map' | 'args' | 'free-form';
}

export interface FreeText {
  /** The free-form text (a command line), as Ansible reads it. */
  text: string;
  span: Span;
  /** Source offset of a character of text. */
  at: OffsetMap;
}

export interface TaskModule {
  ref: ModuleRef;
  /** The module's name as written, and where. */
  written: string;
  nameSpan: Span;
  /** The whole `module: value` pair (or the action: pair). */
  pair: Pair;
  /** Span of the pair, from the key to the end of its value. */
  pairSpan: Span;
  via: 'key' | 'action' | 'local_action';
}

export interface IncludeRef {
  keyword: 'import_tasks' | 'include_tasks' | 'include' | 'import_role' | 'include_role';
  /** The file (tasks) or role name as written; null when not given. */
  target: string | null;
  targetSpan: Span;
  templated: boolean;
}

export interface TaskModel {
  kind: 'task' | 'block' | 'include';
  node: YAMLMap;
  span: Span;
  name: string | null;
  nameSpan: Span | null;
  /** Task keywords (when, register, async...) by name. */
  keywords: Map<string, Pair>;
  module: TaskModule | null;
  /** Options of the module, in source order (map form, `args:` and key=value words). */
  args: ArgEntry[];
  /** Free-form text of a command/shell/raw/script task (or key=value words of another module). */
  free: FreeText | null;
  /** Options whose values cannot be known (a templated `args:`, module_defaults in scope). */
  argsIncomplete: boolean;
  /** Other non-keyword keys beside the module (Ansible: "conflicting action statements"). */
  extraActions: { key: string; span: Span }[];
  collections: string[];
  block?: TaskModel[];
  rescue?: TaskModel[];
  always?: TaskModel[];
  include?: IncludeRef;
}

export interface RoleRef {
  name: string;
  span: Span;
}

export interface PlayModel {
  node: YAMLMap;
  span: Span;
  name: string | null;
  nameSpan: Span | null;
  hosts: string | null;
  hostsSpan: Span | null;
  collections: string[];
  moduleDefaults: boolean;
  pre_tasks: TaskModel[];
  roles: RoleRef[];
  tasks: TaskModel[];
  post_tasks: TaskModel[];
  handlers: TaskModel[];
}

export type FileKind = 'playbook' | 'tasks' | 'other';

export interface FileModel {
  uri: string;
  /** The path (a file:// URI decoded), used to resolve includes. */
  path: string;
  text: string;
  lines: LineIndex;
  kind: FileKind;
  plays: PlayModel[];
  /** Top-level tasks of a task file. */
  tasks: TaskModel[];
  docs: Document.Parsed[];
}

/** Every task of a list with the tasks inside its blocks, depth first, in source order. */
export function* allTasks(list: readonly TaskModel[]): Generator<TaskModel> {
  for (const t of list) {
    yield t;
    if (t.block) yield* allTasks(t.block);
    if (t.rescue) yield* allTasks(t.rescue);
    if (t.always) yield* allTasks(t.always);
  }
}

export function fileTasks(f: FileModel): Generator<TaskModel> {
  return (function* () {
    yield* allTasks(f.tasks);
    for (const p of f.plays) {
      yield* allTasks(p.pre_tasks);
      yield* allTasks(p.tasks);
      yield* allTasks(p.post_tasks);
      yield* allTasks(p.handlers);
    }
  })();
}
