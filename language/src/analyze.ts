import type { AnalysisResult, AnalyzeOptions, DocumentInput, WorkspaceView } from './types.js';
import type { RawFinding } from './findings.js';
import type { FileModel, PlayModel, TaskModel } from './playbook/model.js';
import { toFinding } from './findings.js';
import { parseYaml } from './yaml/document.js';
import { buildFileModel } from './playbook/walk.js';
import { allTasks, fileTasks } from './playbook/model.js';
import { TASK_KEYWORDS } from './playbook/keywords.js';
import { roleDirOf, uriToPath, dirname } from './playbook/paths.js';
import { playSteps, resolveInclude, roleCollections } from './playbook/workspace.js';
import { moduleNameFindings, validateAltdiskTask, type AltdiskTask } from './validate/schema.js';
import { effectOf, type TaskEffect } from './rules/effects.js';
import { singleTaskRules } from './rules/single.js';
import { sequenceRules, type SequenceStep } from './rules/sequence.js';
import { targetRules } from './rules/facts.js';
import { DEFAULT_DOC_BASE, RULE_BY_CODE, ruleDocUrl } from './rules/registry.js';
import { applySuppressions } from './suppress.js';
import { hostsWithFacts, playHosts } from './hosts.js';
import { closest } from './distance.js';

// analyze(): syntax, validation against the modules' specs, and the hazard rules, for one document
// (with the task files it includes read through the workspace view). Synchronous and allocation-light:
// the editor calls it on every keystroke.

export interface Analysis {
  file: FileModel;
  raw: RawFinding[];
  /** The validated view of each altdisk task of the document. */
  views: Map<TaskModel, AltdiskTask>;
  playOf: Map<TaskModel, PlayModel>;
}

const DEDUP: Record<string, string[]> = { ALTDISK005: ['schema/conflict'], ALTDISK011: ['schema/bad-value'] };

export function loadFile(doc: DocumentInput, ws: WorkspaceView): FileModel {
  const path = uriToPath(doc.uri);
  const role = roleDirOf(path);
  return buildFileModel(doc.uri, parseYaml(doc.text), role ? { collections: roleCollections(ws, role) } : {});
}

export function analyzeDocument(doc: DocumentInput, ws: WorkspaceView = {}, opts: AnalyzeOptions = {}): Analysis {
  const parsed = parseYaml(doc.text);
  const path = uriToPath(doc.uri);
  const role = roleDirOf(path);
  const file = buildFileModel(doc.uri, parsed, role ? { collections: roleCollections(ws, role) } : {});
  const raw: RawFinding[] = [...parsed.syntax];
  const views = new Map<TaskModel, AltdiskTask>();
  const effects = new Map<TaskModel, TaskEffect>();

  const effect = (task: TaskModel, f: FileModel): TaskEffect => {
    let e = effects.get(task);
    if (e) return e;
    let view = views.get(task) ?? null;
    if (!view && task.module?.ref.kind === 'altdisk') view = validateAltdiskTask(task, task.module.ref.name, f.text).view;
    e = effectOf(task, f, view);
    effects.set(task, e);
    return e;
  };

  // Which play a task is in: needed only to find the hosts whose facts the target rules check.
  const playOf = new Map<TaskModel, PlayModel>();
  if (ws.hostFacts) for (const p of file.plays) for (const list of [p.pre_tasks, p.tasks, p.post_tasks, p.handlers]) for (const t of allTasks(list)) playOf.set(t, p);
  const hostCache = new Map<PlayModel | null, ReturnType<typeof hostsWithFacts>>();
  const hostsFor = (play: PlayModel | null) => {
    let h = hostCache.get(play);
    if (!h) hostCache.set(play, (h = hostsWithFacts(playHosts(play, ws, opts), ws)));
    return h;
  };

  for (const task of fileTasks(file)) {
    raw.push(...moduleNameFindings(task, file.kind === 'playbook'));
    const ref = task.module?.ref;
    if (ref?.kind === 'altdisk') {
      const v = validateAltdiskTask(task, ref.name, file.text);
      views.set(task, v.view);
      raw.push(...v.findings);
    }
    if (task.module && task.extraActions.length) {
      for (const x of task.extraActions) {
        const guess = closest(x.key, TASK_KEYWORDS);
        raw.push({
          code: 'task/conflicting-actions',
          severity: 'error',
          message: `Ansible refuses this task: ${task.module.written} and ${x.key} are both actions ("conflicting action statements")${guess ? `; did you mean the keyword ${guess}?` : ''}`,
          span: x.span,
          fixes: guess ? [{ title: `Rename ${x.key} to ${guess}`, edits: [{ span: x.span, newText: guess }], safe: false }] : [],
          suppressible: false,
          taskSpan: task.span,
        });
      }
    }
    if (task.include && ws.readFile && task.include.target && !task.include.templated && task.include.keyword !== 'import_role' && task.include.keyword !== 'include_role') {
      if (!resolveInclude(ws, file.path, task.include, dirname(file.path))) {
        raw.push({
          code: 'include/not-found',
          severity: 'warning',
          message: `${task.include.keyword}: ${task.include.target} is not there (looked next to this file${roleDirOf(file.path) ? ", in the role's tasks/" : ''} and in the playbook's folder)`,
          span: task.include.targetSpan,
          fixes: [],
          suppressible: true,
          taskSpan: task.span,
        });
      }
    }
    if (task.kind !== 'task' || !task.module) continue;
    const e = effect(task, file);
    singleTaskRules(e, raw);
    if (e.view && ws.hostFacts) targetRules(e.view, hostsFor(playOf.get(task) ?? null), file.text, raw);
  }

  for (const play of file.plays) {
    const steps = playSteps(ws, file, play) as SequenceStep[];
    for (const s of steps) s.effect = effect(s.task, s.file);
    if (steps.length) sequenceRules(steps, raw);
  }
  // A task cut by the lines blanked to read past a syntax error is incomplete: judge only its hazards.
  const cut = (f: RawFinding) => f.code !== 'yaml' && !RULE_BY_CODE.has(f.code) && parsed.masked.some(([s, e]) => f.taskSpan && s <= f.taskSpan[1] + 1 && e >= f.taskSpan[0]);
  return { file, raw: parsed.masked.length ? raw.filter((f) => !cut(f)) : raw, views, playOf };
}

function dedupe(raw: RawFinding[]): RawFinding[] {
  const covered = new Set<string>();
  for (const f of raw) {
    for (const code of DEDUP[f.code] ?? []) if (f.taskSpan && f.option) covered.add(`${code}|${f.taskSpan[0]}|${f.option}`);
  }
  const kept: RawFinding[] = [];
  const at = new Map<number, RawFinding[]>();
  for (const f of raw) {
    if (covered.size && f.taskSpan && f.option && covered.has(`${f.code}|${f.taskSpan[0]}|${f.option}`)) continue;
    const same = at.get(f.span[0]);
    if (same?.some((g) => g.code === f.code && g.span[1] === f.span[1] && g.message === f.message)) continue;
    if (same) same.push(f);
    else at.set(f.span[0], [f]);
    kept.push(f);
  }
  return kept;
}

export function analyze(doc: DocumentInput, ws: WorkspaceView = {}, opts: AnalyzeOptions = {}): AnalysisResult {
  const a = analyzeDocument(doc, ws, opts);
  const base = opts.docBase ?? DEFAULT_DOC_BASE;
  const kept = applySuppressions(a.file, dedupe(a.raw));
  for (const f of kept) if (RULE_BY_CODE.has(f.code)) f.docUrl = ruleDocUrl(f.code, base);
  kept.sort((x, y) => x.span[0] - y.span[0] || x.span[1] - y.span[1] || x.code.localeCompare(y.code));
  let usesAltdisk = false;
  for (const t of fileTasks(a.file)) if (t.module && t.module.ref.kind !== 'other') usesAltdisk = true;
  return { findings: kept.map((f) => toFinding(f, a.file.lines)), kind: a.file.kind, usesAltdisk };
}
