import type { HostFacts } from '../../modules/src/facts/types.js';
import type { StateSummary } from '../../modules/src/plan/summary.js';

// The engine's public data: LSP-shaped positions (0-based lines, UTF-16 characters), findings with
// fixes as text edits, completion items, hover and command previews. Plain data in and out, so the
// CLI, the VS Code extension and a language server for other editors wrap the same engine.

export interface Position {
  line: number;
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

export interface TextEdit {
  range: Range;
  newText: string;
}

export type Severity = 'error' | 'warning' | 'information' | 'hint';

export interface Fix {
  title: string;
  edits: TextEdit[];
  /** Applied by `altdisk lint --fix`: it keeps what the task means (or only makes it safer) without a choice to make. */
  safe: boolean;
}

export interface Finding {
  /** 'ALTDISK001'... for hazard rules; 'schema/...' and 'module/...' for validation; 'yaml' for syntax; 'include/...' for task files. */
  code: string;
  severity: Severity;
  message: string;
  range: Range;
  /** The rule's anchor in the hazard reference page (docs/hazards.md#altdisk001). */
  docUrl?: string;
  fixes: Fix[];
  /** A `# altdisk: ignore=CODE` comment silences it on that line or task. */
  suppressible: boolean;
}

export interface DocumentInput {
  /** A file path or a file:// URI. */
  uri: string;
  text: string;
}

/** What the engine may ask of the workspace. Everything is optional: the engine works without it. */
export interface WorkspaceView {
  /** The text of another file (import_tasks/include_tasks, roles), by path; undefined when there is none. */
  readFile?(path: string): string | undefined;
  /** Cached facts of a host, or a simulated host's facts. */
  hostFacts?(host: string): HostFacts | undefined;
  /** The hosts of the inventory. */
  hosts?(): string[];
  /** The hosts a play's `hosts:` pattern selects (groups resolved through the inventory). */
  hostsOf?(pattern: string): string[];
}

export interface AnalyzeOptions {
  /** Check facts-dependent rules against this host only (otherwise: the hosts each play targets). */
  host?: string;
  /** Base of documentation links (default docs/hazards.md). */
  docBase?: string;
}

export interface AnalysisResult {
  findings: Finding[];
  /** What the document is: a playbook, a task file (tasks/, handlers/, roles), or other YAML. */
  kind: 'playbook' | 'tasks' | 'other';
  /** It has altdisk.aix tasks (Ansible must find the collection for it). */
  usesAltdisk: boolean;
}

export type CompletionKind = 'module' | 'option' | 'value' | 'disk' | 'keyword';

export interface CompletionItem {
  label: string;
  kind: CompletionKind;
  detail?: string;
  /** Markdown. */
  documentation?: string;
  insertText?: string;
  /** The text the item replaces (the word being typed). */
  range?: Range;
  /** Sort key: lower first. */
  sortText?: string;
}

export interface HoverResult {
  /** Markdown. */
  contents: string;
  range: Range;
}

export interface PreviewCommand {
  argv: string[];
  /** Why the planner runs it. */
  why: string;
}

export interface TaskPreview {
  /** altdisk.aix.<module>. */
  module: string;
  /** The options as the module would receive them (defaults filled in). */
  args: Record<string, unknown>;
  /** The task. */
  range: Range;
  /** The exact AIX command lines, in order (empty: nothing to do, or a refusal). */
  argv: string[][];
  commands: PreviewCommand[];
  /** The planner's summary of what the task does. */
  msg: string;
  /** Disks, alternate rootvgs and boot lists after the task (null after a refusal). */
  predicted: StateSummary | null;
  warnings: string[];
  /** Why the module would refuse (the message of its failure), or why no plan can be made. */
  refusal?: string;
}

export interface TaskInfo {
  kind: 'play' | 'task';
  name: string;
  range: Range;
  /** altdisk.aix.<module> for altdisk tasks. */
  module?: string;
  /** The literal options of the task (templated ones as their text). */
  args?: Record<string, unknown>;
  /** True when some options are Jinja templates (not known before the run). */
  templated?: boolean;
}

export type { HostFacts, StateSummary };
