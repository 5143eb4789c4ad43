import type { RawEdit, RawFinding, RawFix } from '../findings.js';
import type { ArgEntry, FileModel, Span, TaskModel } from '../playbook/model.js';
import { RULE_BY_CODE } from './registry.js';
import { moduleTaskText } from './yaml-text.js';

// Building hazard findings and their text edits: a finding takes its severity from the registry;
// edits remove an option's line, insert tasks before a task, or replace a task's module.

export function hazard(code: string, span: Span, message: string, task: TaskModel | null, fixes: RawFix[] = [], option?: string): RawFinding {
  const meta = RULE_BY_CODE.get(code);
  if (!meta) throw new Error(`unknown rule ${code}`);
  const f: RawFinding = { code, severity: meta.severity, message, span, fixes, suppressible: true };
  if (task) f.taskSpan = task.span;
  if (option) f.option = option;
  return f;
}

function lineStart(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

function nextLineStart(text: string, offset: number): number {
  const i = text.indexOf('\n', offset);
  return i < 0 ? text.length : i + 1;
}

/** Remove an option: its whole line in a mapping, or the word in key=value form. */
export function removeEntryEdit(file: FileModel, e: ArgEntry): RawEdit | null {
  const text = file.text;
  if (e.from === 'free-form') {
    let start = e.keySpan[0];
    while (start > 0 && text[start - 1] === ' ') start--;
    return { span: [start, e.valueSpan[1]], newText: '' };
  }
  const start = lineStart(text, e.keySpan[0]);
  if (text.slice(start, e.keySpan[0]).trim() !== '') return null; // not alone on its line ({a: b, c: d})
  const end = nextLineStart(text, e.valueSpan[1]);
  return { span: [start, end], newText: '' };
}

/** Insert a line after an option's line, at the same indentation. */
export function insertAfterEntryEdit(file: FileModel, e: ArgEntry, line: string): RawEdit | null {
  if (e.from === 'free-form') return { span: [e.valueSpan[1], e.valueSpan[1]], newText: ` ${line.replace(': ', '=')}` };
  const text = file.text;
  const start = lineStart(text, e.keySpan[0]);
  const indent = text.slice(start, e.keySpan[0]);
  if (indent.trim() !== '') return null;
  const end = nextLineStart(text, e.valueSpan[1]);
  if (end === text.length && !text.endsWith('\n')) return { span: [end, end], newText: `\n${indent}${line}` };
  return { span: [end, end], newText: `${indent}${line}\n` };
}

/** Column of the "- " that starts a task item, and the offset of its line; null when the task is not a plain list item. */
export function taskItemStart(file: FileModel, task: TaskModel): { line: number; dash: number } | null {
  const text = file.text;
  const start = lineStart(text, task.span[0]);
  const before = text.slice(start, task.span[0]);
  const m = /^(\s*)-\s+$/.exec(before);
  return m ? { line: start, dash: m[1]!.length } : null;
}

/** Insert tasks (YAML lines relative to the item, first line starting with "- ") before a task. */
export function insertBeforeTaskEdit(file: FileModel, task: TaskModel, lines: string[]): RawEdit | null {
  const at = taskItemStart(file, task);
  if (!at) return null;
  const pad = ' '.repeat(at.dash);
  return { span: [at.line, at.line], newText: `${lines.map((l) => (l ? pad + l : l)).join('\n')}\n\n` };
}

/** Delete a whole task item (and one blank line after it). */
export function deleteTaskEdit(file: FileModel, task: TaskModel): RawEdit | null {
  const at = taskItemStart(file, task);
  if (!at) return null;
  const text = file.text;
  let end = nextLineStart(text, task.span[1]);
  if (text.slice(end, nextLineStart(text, end)).trim() === '' && end < text.length) end = nextLineStart(text, end);
  return { span: [at.line, end], newText: '' };
}

/** Replace the task's module (its `module: value` pair) with an altdisk module and options. */
export function replaceModuleEdit(file: FileModel, task: TaskModel, module: string, options: [string, unknown][]): RawEdit | null {
  const m = task.module;
  if (!m) return null;
  const text = file.text;
  const keyStart = m.pair.key && (m.pair.key as { range?: number[] }).range ? (m.pair.key as { range: number[] }).range[0]! : m.pairSpan[0];
  const column = keyStart - lineStart(text, keyStart);
  return { span: [keyStart, m.pairSpan[1]], newText: moduleTaskText(module, options, column) };
}
