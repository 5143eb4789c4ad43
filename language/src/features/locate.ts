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

/** The play a position is in: the last play that starts before it (a line being typed may not parse into it yet). */
export function playAt(file: FileModel, offset: number): PlayModel | null {
  let found: PlayModel | null = null;
  for (const p of file.plays) if (itemStart(file, p) <= offset) found = p;
  return found;
}

export function playOfTask(file: FileModel, task: TaskModel): PlayModel | null {
  for (const p of file.plays) {
    for (const list of [p.pre_tasks, p.tasks, p.post_tasks, p.handlers]) for (const t of allTasks(list)) if (t === task) return p;
  }
  return null;
}

export { itemStart };
