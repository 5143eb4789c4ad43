import { isMap, isPair, isSeq } from 'yaml';
import type { WorkspaceView } from '../types.js';
import type { FileModel, IncludeRef, PlayModel, Span, TaskModel } from './model.js';
import { parseYaml } from '../yaml/document.js';
import { buildFileModel } from './walk.js';
import { dirname, join, roleDirOf } from './paths.js';
import { keyString, nodeValue } from './values.js';

// Following the workspace: task files named by import_tasks/include_tasks, roles' tasks/main.yml,
// and the collections a role declares in meta/main.yml. Parsed files are kept (by path and text)
// so that re-analysing a playbook after an edit does not re-parse the files it includes.

const cache = new Map<string, { text: string; collections: string; model: FileModel }>();
const CACHE_MAX = 128;

export function loadTaskFile(ws: WorkspaceView, path: string, collections: string[]): FileModel | null {
  const text = ws.readFile?.(path);
  if (text === undefined) return null;
  const key = collections.join(',');
  const hit = cache.get(path);
  if (hit && hit.text === text && hit.collections === key) return hit.model;
  const model = buildFileModel(path, parseYaml(text), { collections });
  if (cache.size >= CACHE_MAX) cache.delete(cache.keys().next().value!);
  cache.set(path, { text, collections: key, model });
  return model;
}

/** Collections a role lists in meta/main.yml (what short names resolve through in its tasks). */
export function roleCollections(ws: WorkspaceView, roleDir: string): string[] {
  for (const f of ['meta/main.yml', 'meta/main.yaml']) {
    const text = ws.readFile?.(join(roleDir, f));
    if (text === undefined) continue;
    const doc = parseYaml(text).docs[0];
    const root = doc?.contents;
    if (!doc || !isMap(root)) return [];
    const p = root.items.find((i) => isPair(i) && keyString(i) === 'collections');
    if (!p || !isPair(p) || !isSeq(p.value)) return [];
    const v = nodeValue(p.value, doc);
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
  }
  return [];
}

/** Candidate paths of a task file named by an include in `from` (Ansible looks next to the including file, then in the role's tasks/ or the playbook's folder). */
export function includeCandidates(from: string, target: string, playbookDir: string | null): string[] {
  const out = [join(dirname(from), target)];
  const role = roleDirOf(from);
  if (role) out.push(join(role, 'tasks', target));
  if (playbookDir) out.push(join(playbookDir, target));
  return [...new Set(out)];
}

export function resolveInclude(ws: WorkspaceView, from: string, inc: IncludeRef, playbookDir: string | null): string | null {
  if (!inc.target || inc.templated || !ws.readFile) return null;
  if (inc.keyword === 'import_role' || inc.keyword === 'include_role') return null;
  for (const p of includeCandidates(from, inc.target, playbookDir)) if (ws.readFile(p) !== undefined) return p;
  return null;
}

export function roleTasksPath(ws: WorkspaceView, playbookDir: string, role: string): { path: string; dir: string } | null {
  if (role.includes('.') || !ws.readFile) return null;
  const dir = join(playbookDir, 'roles', role);
  for (const f of ['tasks/main.yml', 'tasks/main.yaml']) {
    const p = join(dir, f);
    if (ws.readFile(p) !== undefined) return { path: p, dir };
  }
  return null;
}

/** One task in the order a play runs it, with where to report about it in the analysed file. */
export interface Step {
  task: TaskModel;
  file: FileModel;
  /** The task itself when it is in the analysed file, else the include or role line that brings it in. */
  anchor: Span;
  anchorTask: TaskModel | null;
  local: boolean;
  /** In a rescue section: runs only when its block failed. */
  rescue: boolean;
  /** A condition or variable of an enclosing block or include mentions the boot list. */
  guardedByBootlist: boolean;
}

interface Walk {
  ws: WorkspaceView;
  root: FileModel;
  playbookDir: string | null;
  steps: Step[];
  depth: number;
  seen: Set<string>;
}

function mentionsBootlist(t: TaskModel, file: FileModel): boolean {
  for (const k of ['when', 'vars']) {
    const p = t.keywords.get(k);
    const r = (p?.value as { range?: number[] } | null)?.range;
    if (r && /bootlist|boot_list/i.test(file.text.slice(r[0], r[1]))) return true;
  }
  return false;
}

function walkTasks(w: Walk, list: TaskModel[], file: FileModel, anchor: { span: Span; task: TaskModel | null } | null, rescue: boolean, guarded: boolean): void {
  for (const t of list) {
    const local = file === w.root;
    const here: { span: Span; task: TaskModel | null } = anchor ?? { span: t.span, task: t };
    if (t.kind === 'block') {
      const g = guarded || mentionsBootlist(t, file);
      walkTasks(w, t.block ?? [], file, anchor, rescue, g);
      walkTasks(w, t.rescue ?? [], file, anchor, true, g);
      walkTasks(w, t.always ?? [], file, anchor, rescue, g);
      continue;
    }
    if (t.kind === 'include' && t.include) {
      const path = w.depth < 8 ? resolveInclude(w.ws, file.path, t.include, w.playbookDir) : null;
      if (path && !w.seen.has(path)) {
        const inc = loadTaskFile(w.ws, path, t.collections);
        if (inc) {
          w.seen.add(path);
          w.depth++;
          walkTasks(w, inc.tasks, inc, here, rescue, guarded || mentionsBootlist(t, file));
          w.depth--;
          w.seen.delete(path);
        }
      }
      continue;
    }
    w.steps.push({ task: t, file, anchor: here.span, anchorTask: here.task, local, rescue, guardedByBootlist: guarded });
  }
}

/** The tasks of a play in run order: pre_tasks, roles, tasks, post_tasks (handlers apart), includes followed. */
export function playSteps(ws: WorkspaceView, root: FileModel, play: PlayModel): Step[] {
  const playbookDir = dirname(root.path);
  const w: Walk = { ws, root, playbookDir, steps: [], depth: 0, seen: new Set([root.path]) };
  walkTasks(w, play.pre_tasks, root, null, false, false);
  for (const r of play.roles) {
    const role = roleTasksPath(ws, playbookDir, r.name);
    if (!role) continue;
    const model = loadTaskFile(ws, role.path, roleCollections(ws, role.dir));
    if (model) walkTasks(w, model.tasks, model, { span: r.span, task: null }, false, false);
  }
  walkTasks(w, play.tasks, root, null, false, false);
  walkTasks(w, play.post_tasks, root, null, false, false);
  return w.steps;
}
