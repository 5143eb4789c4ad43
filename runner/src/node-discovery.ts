import { shQuote } from './connectors/types.js';
import { BOOTSTRAP, CONTROL_PREFIX } from './remote/bootstrap.js';

// Which Node.js runs the modules on a host: ansible_node_interpreter when the inventory sets it
// (the collection's variable; then nothing else is tried, as Ansible does with interpreters),
// otherwise /opt/freeware/bin/node (the AIX Toolbox), then `node` on the PATH of the SSH session.
// Node.js 18 or later is needed. The looking is part of the command that starts the module (one
// round trip): a shell script of built-ins tries each place (`node -v` does not start V8) and
// execs the first good one with the bootstrap; otherwise it says where it looked and exits 97.

export const TOOLBOX_NODE = '/opt/freeware/bin/node';
export const MIN_NODE_MAJOR = 18;
/** The launcher's exit code when no Node.js 18 or later was found. */
export const NO_NODE_EXIT = 97;
/** Lines of the launcher on standard error start with this. */
export const PROBE_PREFIX = `${CONTROL_PREFIX}probe\t`;

interface Looked {
  place: string;
  outcome: string;
}

/** The places to look, in order: the explicit interpreter only, or the Toolbox's and PATH's. */
export function launchScript(explicit: string | null): string {
  const good = 'v1[89].*|v[2-9][0-9].*|v[1-9][0-9][0-9].*';
  const say = (fmt: string, ...args: string[]) => `printf "${PROBE_PREFIX.replace(/\t/g, '\\t')}${fmt}\\n" ${args.join(' ')} >&2`;
  const tryNode = [
    `  if [ -d "$n" ]; then ${say('dir\\t%s', '"$n"')}; continue; fi`,
    `  if [ -x "$n" ]; then v=$("$n" -v 2>/dev/null); case "$v" in ${good}) exec "$n" -e ${shQuote(BOOTSTRAP)} "$n";; esac; ${say('found\\t%s\\t%s', '"$n"', '"$v"')}; else ${say('missing\\t%s', '"$n"')}; fi`,
  ];
  const lines = [`for n in ${shQuote(explicit ?? TOOLBOX_NODE)}; do`, ...tryNode, 'done'];
  if (explicit === null) {
    lines.push(
      say('pathvar\\t%s', '"$PATH"'),
      'n=$(command -v node 2>/dev/null)',
      `if [ -n "$n" ]; then for n in "$n"; do`,
      ...tryNode,
      `done; else ${say('nopath')}; fi`,
    );
  }
  lines.push(`exit ${NO_NODE_EXIT}`);
  return lines.join('\n');
}

/** The command that finds Node.js and starts the bootstrap with it (through /bin/sh, whatever the login shell). */
export function launchCommand(explicit: string | null): string {
  return `/bin/sh -c ${shQuote(launchScript(explicit))}`;
}

function majorOf(version: string): number | null {
  const m = /^v(\d+)\./.exec(version.trim());
  return m ? Number(m[1]) : null;
}

/** The launcher's lines (without PROBE_PREFIX): where it looked and what it found. */
export function readProbe(lines: string[], explicit: string | null): Looked[] {
  const looked: Looked[] = [];
  let pathVar = '';
  for (const line of lines) {
    const [kind, a, b] = line.split('\t');
    if (kind === 'found' && a) {
      const major = majorOf(b ?? '');
      looked.push({ place: a, outcome: major === null ? `does not run (${(b ?? '').trim() || 'no version'})` : `${(b ?? '').trim()}, too old` });
    } else if (kind === 'missing' && a) looked.push({ place: a, outcome: 'not there' });
    else if (kind === 'dir' && a) looked.push({ place: a, outcome: 'a folder' });
    else if (kind === 'pathvar') pathVar = a ?? '';
    else if (kind === 'nopath') looked.push({ place: `node on PATH (${pathVar})`, outcome: 'none' });
  }
  if (explicit && looked[0]) looked[0].place += ' (ansible_node_interpreter)';
  return looked;
}

export function nodeNotFoundMessage(host: string, looked: Looked[], explicit: string | null): string {
  const where = looked.map((l) => `${l.place}: ${l.outcome}`).join('; ') || (explicit ?? TOOLBOX_NODE);
  return `${host}: Node.js ${MIN_NODE_MAJOR} or later not found (looked in ${where}): install nodejs from the AIX Toolbox or set ansible_node_interpreter`;
}
