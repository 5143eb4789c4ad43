import type { DocumentInput, TaskInfo } from '../types.js';
import type { FileModel, TaskModel } from '../playbook/model.js';
import { allTasks } from '../playbook/model.js';
import { COLLECTION } from '../playbook/modules.js';
import { buildFileModel } from '../playbook/walk.js';
import { parseYaml } from '../yaml/document.js';

// The plays and altdisk tasks of a document with their ranges: what CodeLens and outlines show.

function info(file: FileModel, t: TaskModel): TaskInfo | null {
  const ref = t.module?.ref;
  if (!ref || ref.kind !== 'altdisk') return null;
  const args: Record<string, unknown> = {};
  let templated = false;
  for (const a of t.args) {
    args[a.key] = a.value;
    templated ||= a.templated;
  }
  return { kind: 'task', name: t.name ?? `${COLLECTION}.${ref.name}`, range: file.lines.range(t.span[0], t.span[1]), module: `${COLLECTION}.${ref.name}`, args, templated: templated || t.argsIncomplete };
}

export function tasksOfFile(file: FileModel): TaskInfo[] {
  const out: TaskInfo[] = [];
  const push = (list: TaskModel[]) => {
    for (const t of allTasks(list)) {
      const i = info(file, t);
      if (i) out.push(i);
    }
  };
  push(file.tasks);
  for (const p of file.plays) {
    out.push({ kind: 'play', name: p.name ?? p.hosts ?? 'play', range: file.lines.range(p.span[0], p.span[1]) });
    for (const list of [p.pre_tasks, p.tasks, p.post_tasks, p.handlers]) push(list);
  }
  return out;
}

export function tasksOf(doc: DocumentInput): TaskInfo[] {
  return tasksOfFile(buildFileModel(doc.uri, parseYaml(doc.text)));
}
