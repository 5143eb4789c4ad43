import type { Finding, Severity } from '../types.js';
import { RULES, ruleDocUrl } from '../rules/registry.js';

// SARIF 2.1.0 for code-scanning dashboards: one run, the rules that fired (hazards with their
// documentation, validation and syntax codes by name), results with 1-based regions in UTF-16
// columns, and fixes as replacements.

export interface SarifInput {
  /** Path relative to the repository root (forward slashes), and its findings. */
  files: { uri: string; findings: Finding[] }[];
  version: string;
  /** Absolute URL of the hazard page, for the rules' helpUri. */
  docBase?: string;
  notes?: string[];
}

function level(s: Severity): 'error' | 'warning' | 'note' {
  return s === 'error' ? 'error' : s === 'warning' ? 'warning' : 'note';
}

function region(r: Finding['range']) {
  return { startLine: r.start.line + 1, startColumn: r.start.character + 1, endLine: r.end.line + 1, endColumn: r.end.character + 1 };
}

export function toSarif(input: SarifInput): Record<string, unknown> {
  const used = new Map<string, { id: string; severity: Severity }>();
  for (const f of input.files) for (const x of f.findings) if (!used.has(x.code)) used.set(x.code, { id: x.code, severity: x.severity });
  const rules = [...used.keys()].sort().map((id) => {
    const meta = RULES.find((r) => r.code === id);
    const rule: Record<string, unknown> = {
      id,
      name: meta?.name ?? id.replace(/[^A-Za-z0-9]+/g, '-'),
      shortDescription: { text: meta?.why ?? (id === 'yaml' ? 'YAML syntax' : `altdisk module validation (${id})`) },
      defaultConfiguration: { level: level(meta?.severity ?? used.get(id)!.severity) },
    };
    if (meta && input.docBase) rule.helpUri = ruleDocUrl(id, input.docBase);
    return rule;
  });
  const index = new Map(rules.map((r, i) => [r.id as string, i]));
  const results = input.files.flatMap((f) =>
    f.findings.map((x) => {
      const location = { physicalLocation: { artifactLocation: { uri: f.uri, uriBaseId: '%SRCROOT%' }, region: region(x.range) } };
      const result: Record<string, unknown> = { ruleId: x.code, ruleIndex: index.get(x.code), level: level(x.severity), message: { text: x.message }, locations: [location] };
      if (x.fixes.length) {
        result.fixes = x.fixes.map((fix) => ({
          description: { text: fix.title },
          artifactChanges: [{ artifactLocation: { uri: f.uri, uriBaseId: '%SRCROOT%' }, replacements: fix.edits.map((e) => ({ deletedRegion: region(e.range), insertedContent: { text: e.newText } })) }],
        }));
      }
      return result;
    }),
  );
  const run: Record<string, unknown> = {
    tool: { driver: { name: 'altdisk lint', version: input.version, rules } },
    columnKind: 'utf16CodeUnits',
    results,
  };
  if (input.notes?.length) run.invocations = [{ executionSuccessful: true, toolExecutionNotifications: input.notes.map((n) => ({ level: 'warning', message: { text: n } })) }];
  return { $schema: 'https://json.schemastore.org/sarif-2.1.0.json', version: '2.1.0', runs: [run] };
}
