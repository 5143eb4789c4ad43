import type { ModuleSpec, OptionSpec } from '../../../modules/src/schema/types.js';
import { describeAccepted } from '../../../modules/src/schema/describe.js';
import { ruleLinesFor } from '../../../modules/src/schema/docs.js';
import { COLLECTION } from '../playbook/modules.js';

// Markdown documentation for hover and completion, from the specs (the same text ansible-doc shows).

/** Ansible's doc markup (C(), I(), B(), U(), L(), M(), O(), V()) as Markdown. */
export function markdown(s: string): string {
  return s
    .replace(/\b[COV]\(([^)]*)\)/g, '`$1`')
    .replace(/\bM\(([^)]*)\)/g, '`$1`')
    .replace(/\bI\(([^)]*)\)/g, '*$1*')
    .replace(/\bB\(([^)]*)\)/g, '**$1**')
    .replace(/\bU\(([^)]*)\)/g, '$1')
    .replace(/\bL\(([^,]*),\s*([^)]*)\)/g, '[$1]($2)');
}

export function optionSummary(o: OptionSpec): string {
  const parts: string[] = [o.type === 'list' ? `list of ${o.elements === 'str_or_dict' ? 'str or dict' : (o.elements ?? 'str')}` : o.type];
  if (o.required) parts.push('required');
  if (o.default !== undefined && o.default !== null) parts.push(`default ${JSON.stringify(o.default)}`);
  if (o.aixFlag) parts.push(`AIX ${o.aixFlag}`);
  return parts.join(', ');
}

export function optionDoc(spec: ModuleSpec, name: string, o: OptionSpec): string {
  const lines = [`**${name}** (${optionSummary(o)})`, '', ...o.description.map(markdown)];
  if (o.choices) lines.push('', `Choices: ${o.choices.map((c) => `\`${c}\``).join(', ')}`);
  if (o.format) lines.push('', `Accepts ${describeAccepted(o)}.`);
  const rules = ruleLinesFor(spec, name);
  if (rules.length) lines.push('', ...rules.map((r) => `- ${r}`));
  if (o.suboptions) lines.push('', `Entries take: ${Object.keys(o.suboptions).map((k) => `\`${k}\``).join(', ')}`);
  return lines.join('\n');
}

export function moduleDoc(spec: ModuleSpec, full = true): string {
  const lines = [`**${COLLECTION}.${spec.name}**: ${spec.shortDescription}`, ''];
  if (full) lines.push(...spec.description.map(markdown).flatMap((d) => [d, '']));
  const opts = Object.entries(spec.options);
  if (opts.length) lines.push(`Options: ${opts.map(([n, o]) => (o.required ? `**${n}**` : n)).join(', ')}`);
  if (full && spec.notes.length) lines.push('', ...spec.notes.map((n) => `- ${markdown(n)}`));
  return lines.join('\n').trim();
}
