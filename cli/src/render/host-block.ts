import type { HostOutcome, ModuleResult } from '../../../runner/src/index.js';
import { shQuote } from '../../../runner/src/connectors/types.js';
import { paint, STATUS_COLOR, STATUS_WORD, type Style } from './style.js';
import { unifiedDiff } from './unified-diff.js';

// One host's answer, readable: the status and message, the AIX commands that ran (or would run,
// in check mode), the warnings, the diff; after an interrupt, the state the host was left in and
// what to do. The host's name is not in it, so identical answers can be grouped.

export interface BlockOptions {
  style: Style;
  verbose: number;
  check: boolean;
  diff: boolean;
}

function commandsOf(r: ModuleResult): string[][] {
  const list = Array.isArray(r.commands) ? (r.commands as unknown[]) : Array.isArray(r.cmd) ? [r.cmd] : [];
  return list.filter((c): c is string[] => Array.isArray(c) && c.every((w) => typeof w === 'string'));
}

const indent = (lines: string[], by = '  ') => lines.map((l) => by + l);

export function hostBlock(o: HostOutcome, opts: BlockOptions): string[] {
  const { style } = opts;
  const word = paint(style, STATUS_COLOR[o.status], STATUS_WORD[o.status]);
  const r = o.result;
  // An interrupted host: the runner's words say why it stopped (Ctrl-C, --timeout), then the module's own.
  const text = (o.status !== 'interrupted' && r && typeof r.msg === 'string' ? r.msg : o.message) ?? '';
  const [first = '', ...more] = text.split('\n');
  const lines = [`${word}${first ? ` | ${first}` : ''}`, ...indent(more)];
  if (r) {
    const cmds = commandsOf(r);
    if (cmds.length) {
      const label = opts.check && r.failed !== true ? 'would run' : 'ran';
      cmds.forEach((c, i) => lines.push(`  ${i === 0 ? `${label}:` : ' '.repeat(label.length + 1)} ${c.map(shQuote).join(' ')}`));
    }
    const warnings = Array.isArray(r.warnings) ? (r.warnings as unknown[]).map(String) : [];
    for (const w of warnings) lines.push(paint(style, 'magenta', `  [WARNING] ${w}`));
    if (r.failed === true) {
      if (typeof r.rc === 'number' && r.rc !== 0) lines.push(`  rc: ${r.rc}`);
      const tail = (Array.isArray(r.stderr_lines) ? r.stderr_lines : Array.isArray(r.stdout_lines) ? r.stdout_lines : []) as unknown[];
      if (tail.length && opts.verbose === 0) lines.push(...indent(tail.slice(-8).map(String), '  | '));
    }
    if (opts.diff && r.diff && typeof r.diff === 'object') {
      const d = r.diff as Record<string, unknown>;
      if (typeof d.before === 'string' && typeof d.after === 'string') {
        const diff = unifiedDiff(d.before, d.after, { before: String(d.before_header ?? 'before'), after: String(d.after_header ?? 'after') });
        lines.push(...indent(diff.map((l) => (l.startsWith('+') ? paint(style, 'green', l) : l.startsWith('-') ? paint(style, 'red', l) : l))));
      }
    }
    if (opts.verbose > 0) lines.push(...indent(JSON.stringify(r, null, 2).split('\n')));
  }
  if (o.state) {
    lines.push(`  state: ${o.state.summary}`);
    for (const h of o.state.health) lines.push(paint(style, 'magenta', `  [HEALTH] ${h}`));
    for (const n of o.state.next) lines.push(`  next: ${n}`);
  }
  return lines;
}

/** The first line of what went wrong, for the list of failed hosts. */
export function firstErrorLine(o: HostOutcome): string {
  const text = (o.result && typeof o.result.msg === 'string' ? o.result.msg : o.message) ?? o.status;
  return text.split('\n')[0]!;
}
