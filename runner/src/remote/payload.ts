import * as fs from 'node:fs';
import * as path from 'node:path';
import { asciiJson } from '../../../modules/src/runtime/output.js';
import type { BootstrapHeader } from './bootstrap.js';

// What goes down the pipe to the host's node: a header line, then the module bundle with its
// arguments embedded the way Ansible's pipelining embeds them (a JSONARGS comment line in
// __ansible_args, which the module runtime reads first). The arguments are ASCII-escaped JSON,
// so no character of theirs can end the comment line.

export const MODULE_NAMES = ['bootlist', 'cleanup', 'clone', 'facts', 'mksysb_install', 'phase'] as const;
export type ModuleName = (typeof MODULE_NAMES)[number];

/** 'clone', 'altdisk.aix.clone' → 'clone'; null for a module altdisk does not have. */
export function moduleNameOf(given: string): ModuleName | null {
  const short = given.startsWith('altdisk.aix.') ? given.slice('altdisk.aix.'.length) : given;
  return (MODULE_NAMES as readonly string[]).includes(short) ? (short as ModuleName) : null;
}

export function bundlePath(distDir: string, name: ModuleName): string {
  return path.join(distDir, 'modules', `${name}.js`);
}

const bundles = new Map<string, string>();

/** The bundle's text without its shebang line (read once per run). */
export function readBundle(distDir: string, name: ModuleName): string {
  const file = bundlePath(distDir, name);
  let text = bundles.get(file);
  if (text === undefined) {
    try {
      text = fs.readFileSync(file, 'utf8');
    } catch (e) {
      throw new Error(`the module bundle ${file} cannot be read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message}); build it with: npm run build`);
    }
    if (text.startsWith('#!')) text = text.slice(text.indexOf('\n') + 1);
    bundles.set(file, text);
  }
  return text;
}

/** The module with its arguments embedded (Ansible's JSONARGS footer, filled in). */
export function embedArgs(bundle: string, args: Record<string, unknown>): string {
  return `${bundle.trimEnd()}\nfunction __ansible_args(){\n//${asciiJson(args)}\n}\n`;
}

/** Header line + program, as the bootstrap reads them. */
export function framePayload(program: string, env: Record<string, string>): Buffer {
  const body = Buffer.from(program, 'utf8');
  const header: BootstrapHeader = { v: 1, size: body.length, env };
  return Buffer.concat([Buffer.from(asciiJson(header) + '\n', 'utf8'), body]);
}

/** The arguments a module gets: the user's, plus Ansible's internal keys for check and diff mode. */
export function moduleArgs(name: ModuleName, args: Record<string, unknown>, opts: { check?: boolean; diff?: boolean }): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(args)) if (!k.startsWith('_ansible_')) out[k] = v;
  if (opts.check) out._ansible_check_mode = true;
  if (opts.diff) out._ansible_diff = true;
  return out;
}
