import type { StepResult } from './model.js';

// How runs read in the Output channel: Ansible-like lines a person can follow as they come.

export function quoteArgv(argv: string[]): string {
  return argv.map((a) => (/^[\w@%+=:,./-]+$/.test(a) ? a : `'${a.replace(/'/g, `'\\''`)}'`)).join(' ');
}

export function argsLine(args: Record<string, unknown>): string {
  return Object.entries(args)
    .map(([k, v]) => `${k}=${typeof v === 'string' ? v : JSON.stringify(v)}`)
    .join(' ');
}

export function stepLines(host: string, step: StepResult): string[] {
  const out = [`${host}: ${step.status}${step.msg ? ` => ${step.msg}` : ''}`];
  for (const c of step.commands) out.push(`  $ ${quoteArgv(c)}`);
  for (const w of step.warnings) out.push(`  [WARNING] ${w}`);
  for (const d of step.diffs) {
    out.push(`  --- ${d.beforeHeader ?? 'before'}`, `  +++ ${d.afterHeader ?? 'after'}`);
    const before = d.before.split('\n');
    const after = d.after.split('\n');
    for (const l of before) if (!after.includes(l) && l) out.push(`  -${l}`);
    for (const l of after) if (!before.includes(l) && l) out.push(`  +${l}`);
  }
  return out;
}
