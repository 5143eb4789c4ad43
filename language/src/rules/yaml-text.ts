// YAML text for quick fixes: option values written the way the playbook examples write them
// (flow lists, plain words, quoted strings where YAML 1.1 would read something else).

const PLAIN = /^[A-Za-z_/][A-Za-z0-9_./@%+=-]*$/;
const RESERVED = /^(y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF|null|Null|NULL|~)$/;

export function inlineValue(v: unknown): string {
  if (typeof v === 'boolean' || typeof v === 'number') return String(v);
  if (v === null || v === undefined) return 'null';
  if (Array.isArray(v)) return `[${v.map(inlineValue).join(', ')}]`;
  if (typeof v === 'object') return `{${Object.entries(v as Record<string, unknown>).map(([k, x]) => `${k}: ${inlineValue(x)}`).join(', ')}}`;
  const s = String(v);
  return PLAIN.test(s) && !RESERVED.test(s) ? s : JSON.stringify(s);
}

/** `altdisk.aix.<module>:` and its options, for a task key at column `column`. */
export function moduleTaskText(module: string, options: [string, unknown][], column: number): string {
  const pad = ' '.repeat(column + 2);
  return [`altdisk.aix.${module}:`, ...options.map(([k, v]) => `${pad}${k}: ${inlineValue(v)}`)].join('\n');
}
