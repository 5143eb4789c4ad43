import type { ModuleSpec, OptionSpec, ReturnSpec, RuleSpec } from './types.js';
import { describeAccepted } from './describe.js';

// Ansible documentation generated from the spec: the sidecar YAML that `ansible-doc altdisk.aix.<m>`
// renders (DOCUMENTATION, EXAMPLES, RETURN), with the cross-option rules written into the options
// they concern, so the docs cannot drift from what the module enforces.

export const COLLECTION = 'altdisk.aix';
export const VERSION_ADDED = '0.1.0';

/** Sentences about an option that come from the rules (shown in docs and editor hover). */
export function ruleLinesFor(spec: ModuleSpec, name: string): string[] {
  const lines: string[] = [];
  for (const r of spec.rules) {
    if (ruleMentions(r, name)) lines.push(r.why);
  }
  return lines;
}

function ruleMentions(r: RuleSpec, name: string): boolean {
  switch (r.kind) {
    case 'mutually_exclusive':
    case 'required_one_of':
      return r.options.includes(name);
    case 'requires':
      return r.option === name;
    case 'conflicting_values':
      return r.option === name || r.when === name;
    case 'required_if':
      return r.option === name;
    case 'forbidden_if':
      return r.options.includes(name);
  }
}

function ansibleType(o: OptionSpec): string {
  return o.type === 'path' ? 'path' : o.type;
}

function optionDoc(spec: ModuleSpec, name: string | null, o: OptionSpec): Record<string, unknown> {
  const description = [...o.description];
  if (o.aixFlag) description.push(`AIX flag C(${o.aixFlag}).`);
  if (name) description.push(...ruleLinesFor(spec, name));
  if (o.format) description.push(`Accepts ${describeAccepted(o)}.`);
  const d: Record<string, unknown> = { description, type: ansibleType(o) };
  if (o.required) d.required = true;
  if (o.default !== undefined && o.default !== null) d.default = o.default;
  if (o.choices) d.choices = [...o.choices];
  if (o.aliases?.length) d.aliases = o.aliases;
  if (o.type === 'list') d.elements = o.elements === 'str_or_dict' ? 'raw' : (o.elements ?? 'str');
  if (o.suboptions) {
    d.suboptions = Object.fromEntries(Object.entries(o.suboptions).map(([k, s]) => [k, optionDoc(spec, null, s)]));
  }
  return d;
}

function returnDoc(r: ReturnSpec): Record<string, unknown> {
  const d: Record<string, unknown> = { description: r.description, returned: r.returned, type: r.type };
  if (r.elements) d.elements = r.elements;
  if (r.sample !== undefined) d.sample = r.sample;
  if (r.contains) d.contains = Object.fromEntries(Object.entries(r.contains).map(([k, c]) => [k, returnDoc(c)]));
  return d;
}

/**
 * What check mode promises, for every module that changes the host. The runtime keeps it
 * (runtime/module.ts checkModeOf, runtime/planned.ts); the docs and the editor show it.
 */
export const CHECK_MODE_CONTRACT = [
  'Returns the exact AIX commands it would run and the predicted change, and runs no command that changes the host.',
  'Check mode fails closed: _ansible_check_mode must be true or false (yes/no, on/off, 1/0 are read as Ansible reads them); any other value is refused before anything runs, never taken for a real run.',
].join(' ');

export function ansibleDoc(spec: ModuleSpec): { DOCUMENTATION: Record<string, unknown>; EXAMPLES: string; RETURN: Record<string, unknown> } {
  return {
    DOCUMENTATION: {
      module: spec.name,
      short_description: spec.shortDescription,
      version_added: VERSION_ADDED,
      description: spec.description,
      options: Object.fromEntries(Object.entries(spec.options).map(([k, o]) => [k, optionDoc(spec, k, o)])),
      attributes: {
        check_mode: spec.readOnly
          ? { support: 'full', description: 'Runs only read-only commands, in check mode as in a normal run.' }
          : { support: 'full', description: CHECK_MODE_CONTRACT },
        diff_mode: spec.readOnly
          ? { support: 'none', description: 'Changes nothing, so there is no difference to show.' }
          : { support: 'full', description: 'Shows disks, volume groups and boot lists before and after.' },
        platform: { platforms: 'aix', support: 'full', description: 'AIX 4.3 and later (alt_disk_install), 5.3 and later (alt_disk_copy, alt_disk_mksysb, alt_rootvg_op).' },
      },
      requirements: spec.requirements,
      notes: spec.notes,
      ...(spec.seealso ? { seealso: spec.seealso } : {}),
      author: ['altdisk maintainers (@altdisk)'],
    },
    EXAMPLES: spec.examples,
    RETURN: Object.fromEntries(Object.entries(spec.returns).map(([k, r]) => [k, returnDoc(r)])),
  };
}
