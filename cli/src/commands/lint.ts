import type { Command } from 'commander';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { RegisterCommand } from './index.js';
import { analyze, applySafeFixes, collectionNote, toSarif, type Finding, type WorkspaceView } from '../../../language/src/index.js';
import { VERSION } from '../version.js';

// `altdisk lint [paths...]`: the editor's findings for CI and other editors. The language engine
// decides everything; this file finds the files, reads them, writes fixes and renders the findings
// as text (file:line:col CODE message), JSON or SARIF. Exit status 1 when errors remain, 2 on bad usage.

const SKIP_DIRS = new Set(['node_modules', 'collections', 'ansible_collections', 'dist', 'venv', '.venv']);
const FORMATS = ['text', 'json', 'sarif'] as const;
type Format = (typeof FORMATS)[number];

interface LintOptions {
  format: string;
  fix?: boolean;
}

class UsageError extends Error {}

function yamlFiles(dir: string, out: string[]): void {
  for (const e of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    if (e.name.startsWith('.')) continue;
    const p = path.join(dir, e.name);
    if (e.isDirectory()) {
      if (!SKIP_DIRS.has(e.name)) yamlFiles(p, out);
    } else if (e.isFile() && /\.ya?ml$/.test(e.name)) out.push(p);
  }
}

function collect(paths: string[]): string[] {
  const out: string[] = [];
  for (const p of paths.length ? paths : ['.']) {
    let st: fs.Stats;
    try {
      st = fs.statSync(p);
    } catch {
      throw new UsageError(`${p}: no such file or directory`);
    }
    if (st.isDirectory()) yamlFiles(p, out);
    else out.push(p);
  }
  return [...new Set(out.map((p) => path.resolve(p)))];
}

function workspace(): WorkspaceView {
  const cache = new Map<string, string | undefined>();
  return {
    readFile(p) {
      if (!cache.has(p)) {
        let text: string | undefined;
        try {
          text = fs.readFileSync(p, 'utf8');
        } catch {
          text = undefined;
        }
        cache.set(p, text);
      }
      return cache.get(p);
    },
  };
}

/** The hazard page next to the bundle (dist/cli/altdisk.cjs -> docs/hazards.md), as a URL for SARIF. */
function hazardsPage(): string | undefined {
  const page = path.resolve(__dirname, '..', '..', 'docs', 'hazards.md');
  return fs.existsSync(page) ? pathToFileURL(page).href : undefined;
}

interface FileResult {
  file: string;
  shown: string;
  findings: Finding[];
  fixed: { code: string; title: string }[];
}

function counts(results: FileResult[]) {
  const c = { error: 0, warning: 0, information: 0, hint: 0, fixable: 0, fixed: 0 };
  for (const r of results) {
    c.fixed += r.fixed.length;
    for (const f of r.findings) {
      c[f.severity]++;
      if (f.fixes.some((x) => x.safe)) c.fixable++;
    }
  }
  return c;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : word.endsWith('x') ? 'es' : 's'}`;
}

function renderText(results: FileResult[], notes: string[]): { out: string; err: string } {
  const lines: string[] = [];
  for (const r of results) {
    for (const f of r.findings) lines.push(`${r.shown}:${f.range.start.line + 1}:${f.range.start.character + 1} ${f.code} ${f.severity}: ${f.message}`);
  }
  const c = counts(results);
  const err: string[] = [];
  for (const r of results) for (const x of r.fixed) err.push(`${r.shown}: fixed ${x.code}: ${x.title}`);
  for (const n of notes) err.push(`note: ${n}`);
  const total = c.error + c.warning + c.information + c.hint;
  err.push(
    total === 0
      ? `altdisk lint: ${plural(results.length, 'file')} checked, no findings${c.fixed ? ` (${plural(c.fixed, 'fix')} applied)` : ''}`
      : `altdisk lint: ${plural(c.error, 'error')}, ${plural(c.warning, 'warning')}, ${plural(c.information + c.hint, 'note')} in ${plural(results.length, 'file')}` +
          `${c.fixed ? `; ${plural(c.fixed, 'fix')} applied` : ''}${c.fixable ? `; ${c.fixable} fixable with --fix` : ''}`,
  );
  return { out: lines.length ? lines.join('\n') + '\n' : '', err: err.join('\n') + '\n' };
}

function renderJson(results: FileResult[], notes: string[]): string {
  const c = counts(results);
  return (
    JSON.stringify(
      {
        version: VERSION,
        files: results.map((r) => ({
          path: r.shown,
          findings: r.findings.map((f) => ({ ...f, line: f.range.start.line + 1, column: f.range.start.character + 1 })),
          ...(r.fixed.length ? { fixed: r.fixed } : {}),
        })),
        summary: { files: results.length, errors: c.error, warnings: c.warning, information: c.information, hints: c.hint, fixable: c.fixable, fixed: c.fixed },
        notes,
      },
      null,
      2,
    ) + '\n'
  );
}

function lint(paths: string[], opts: LintOptions): number {
  const format = opts.format as Format;
  if (!FORMATS.includes(format)) throw new UsageError(`--format ${opts.format}: use one of ${FORMATS.join(', ')}`);
  const files = collect(paths);
  if (!files.length) throw new UsageError(`no YAML files in ${paths.join(' ') || '.'}`);
  const ws = workspace();
  const results: FileResult[] = [];
  const altdiskPlaybooks: string[] = [];
  for (const file of files) {
    const text = ws.readFile!(file);
    if (text === undefined) throw new UsageError(`${file}: cannot be read`);
    const shown = path.relative(process.cwd(), file) || file;
    const doc = { uri: file, text };
    let findings: Finding[];
    let fixed: FileResult['fixed'] = [];
    const result = analyze(doc, ws);
    findings = result.findings;
    if (opts.fix && findings.some((f) => f.fixes.some((x) => x.safe))) {
      const r = applySafeFixes(doc, ws);
      if (r.text !== text) fs.writeFileSync(file, r.text);
      findings = r.findings;
      fixed = r.fixed;
    }
    if (result.usesAltdisk && result.kind === 'playbook') altdiskPlaybooks.push(file);
    results.push({ file, shown, findings, fixed });
  }
  const note = collectionNote(altdiskPlaybooks, {
    env: process.env,
    cwd: process.cwd(),
    home: os.homedir(),
    readFile: (p) => ws.readFile!(p),
    exists: (p) => fs.existsSync(p),
  });
  const notes = note ? [note] : [];
  if (format === 'json') process.stdout.write(renderJson(results, notes));
  else if (format === 'sarif') {
    const sarif = toSarif({
      files: results.map((r) => ({ uri: path.relative(process.cwd(), r.file).split(path.sep).join('/'), findings: r.findings })),
      version: VERSION,
      docBase: hazardsPage(),
      notes,
    });
    process.stdout.write(JSON.stringify(sarif, null, 2) + '\n');
  } else {
    const { out, err } = renderText(results, notes);
    process.stdout.write(out);
    process.stderr.write(err);
  }
  return results.some((r) => r.findings.some((f) => f.severity === 'error')) ? 1 : 0;
}

export const registerLint: RegisterCommand = (program: Command) => {
  program
    .command('lint')
    .description('Check playbooks and task files: altdisk module options against their specs, and AIX alternate-disk hazards (docs/hazards.md)')
    .argument('[paths...]', 'YAML files or folders to check (default: the current folder)')
    .option('-f, --format <format>', `output: ${FORMATS.join(', ')}`, 'text')
    .option('--fix', 'apply the safe fixes to the files, then report what is left')
    .addHelpText(
      'after',
      '\nOutput (text): file:line:col CODE severity: message, one finding a line; a summary on stderr.\n' +
        'Exit status: 0 no errors (warnings allowed), 1 errors found, 2 bad usage.\n' +
        'Silence a finding with a comment: # altdisk: ignore=ALTDISK003 (that line, or the whole task when on its first line or above it).',
    )
    .action((paths: string[], opts: LintOptions) => {
      try {
        process.exitCode = lint(paths, opts);
      } catch (e) {
        if (!(e instanceof UsageError)) throw e;
        process.stderr.write(`altdisk lint: ${e.message}\n`);
        process.exitCode = 2;
      }
    });
};
