import type { FileModel, PlayModel, TaskModel } from '../playbook/model.js';
import { allTasks, fileTasks } from '../playbook/model.js';

// Which task (or play) a position is in: the innermost task whose item (from its "- " to its last
// line) holds the offset.

function itemStart(file: FileModel, t: TaskModel | PlayModel): number {
  const lineStart = file.text.lastIndexOf('\n', t.span[0] - 1) + 1;
  return /^\s*-\s+$/.test(file.text.slice(lineStart, t.span[0])) ? lineStart : t.span[0];
}

function lineEnd(text: string, offset: number): number {
  const i = text.indexOf('\n', offset);
  return i < 0 ? text.length : i;
}

export function taskAt(file: FileModel, offset: number): TaskModel | null {
  let best: TaskModel | null = null;
  for (const t of fileTasks(file)) {
    if (offset < itemStart(file, t) || offset > lineEnd(file.text, t.span[1])) continue;
    if (!best || t.span[0] >= best.span[0]) best = t;
  }
  return best;
}

export function playAt(file: FileModel, offset: number): PlayModel | null {
  for (const p of file.plays) if (offset >= itemStart(file, p) && offset <= lineEnd(file.text, p.span[1])) return p;
  return null;
}

export function playOfTask(file: FileModel, task: TaskModel): PlayModel | null {
  for (const p of file.plays) {
    for (const list of [p.pre_tasks, p.tasks, p.post_tasks, p.handlers]) for (const t of allTasks(list)) if (t === task) return p;
  }
  return null;
}

export { itemStart };
