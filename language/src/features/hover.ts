import type { DocumentInput, HoverResult, Position, TaskPreview, WorkspaceView } from '../types.js';
import type { Span, TaskModel } from '../playbook/model.js';
import { SPECS } from '../../../modules/src/specs/index.js';
import { renderSummary } from '../../../modules/src/plan/summary.js';
import { loadFile } from '../analyze.js';
import { hostsWithFacts, playHosts } from '../hosts.js';
import { moduleDoc, optionDoc } from './docs.js';
import { playOfTask, taskAt } from './locate.js';
import { previewOf } from './preview.js';

// Hover: the module's and each option's documentation from the specs; on a task's module name (or
// its name) the exact AIX command lines it would run on a host whose facts are known.

function inside(offset: number, s: Span | null): boolean {
  return !!s && offset >= s[0] && offset <= s[1];
}

export function previewMarkdown(p: TaskPreview, host: string, more: number): string {
  const lines = [`**On ${host}**${more ? ` (and ${more} more host${more > 1 ? 's' : ''}; choose one to see its commands)` : ''}:`];
  if (p.refusal) {
    lines.push('', `The module would refuse: ${p.refusal}`);
  } else if (p.argv.length === 0) {
    lines.push('', `Nothing to run: ${p.msg}`);
  } else {
    lines.push('', '```sh', ...p.argv.map((a) => a.map((w) => (/^[A-Za-z0-9_./:=,@%+-]+$/.test(w) ? w : `'${w.replace(/'/g, `'\\''`)}'`)).join(' ')), '```', '', p.msg);
  }
  if (p.warnings.length) lines.push('', ...p.warnings.map((w) => `- ⚠ ${w}`));
  if (p.predicted && !p.refusal) lines.push('', 'Afterwards:', '```', renderSummary(p.predicted).trimEnd(), '```');
  return lines.join('\n');
}

export function hover(doc: DocumentInput, pos: Position, ws: WorkspaceView = {}, opts: { host?: string } = {}): HoverResult | null {
  const file = loadFile(doc, ws);
  const offset = file.lines.offset(pos);
  const task: TaskModel | null = taskAt(file, offset);
  const ref = task?.module?.ref;
  if (!task || !ref || ref.kind !== 'altdisk') return null;
  const spec = SPECS[ref.name]!;
  const range = (s: Span) => file.lines.range(s[0], s[1]);

  for (const e of task.args) {
    if (inside(offset, e.keySpan) || inside(offset, e.valueSpan)) {
      const o = Object.hasOwn(spec.options, e.key) ? spec.options[e.key] : Object.values(spec.options).find((x) => x.aliases?.includes(e.key));
      if (!o) return null;
      const name = Object.hasOwn(spec.options, e.key) ? e.key : Object.keys(spec.options).find((k) => spec.options[k] === o)!;
      return { contents: optionDoc(spec, name, o), range: range(inside(offset, e.keySpan) ? e.keySpan : e.valueSpan) };
    }
  }
  const onModule = inside(offset, task.module!.nameSpan);
  const onName = inside(offset, task.nameSpan);
  if (!onModule && !onName) return null;
  const parts = [onModule ? moduleDoc(spec) : moduleDoc(spec, false)];
  const hosts = hostsWithFacts(opts.host ? [opts.host] : playHosts(playOfTask(file, task), ws, {}), ws);
  const first = hosts[0];
  if (first) {
    const p = previewOf(file, task, first.facts);
    if (p) parts.push('---', previewMarkdown(p, first.host, hosts.length - 1));
  }
  return { contents: parts.join('\n\n'), range: range(onModule ? task.module!.nameSpan : task.nameSpan!) };
}
