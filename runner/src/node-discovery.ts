import type { Connector } from './connectors/types.js';
import { shQuote } from './connectors/types.js';

// Which Node.js runs the modules on a host: ansible_node_interpreter when the inventory sets it
// (the collection's variable; then nothing else is tried, as Ansible does with interpreters),
// otherwise /opt/freeware/bin/node (the AIX Toolbox), then `node` on the PATH of the SSH session.
// One shell command looks, with shell built-ins only; Node.js 18 or later is needed.

export const TOOLBOX_NODE = '/opt/freeware/bin/node';
export const MIN_NODE_MAJOR = 18;

export interface NodeFound {
  path: string;
  version: string;
}

export class NodeNotFoundError extends Error {}

interface Looked {
  place: string;
  outcome: string;
}

/** The probe: one line per place looked at, and it stops at the first Node.js 18 or later. */
export function probeScript(candidates: string[], searchPath: boolean): string {
  const good = 'v1[89].*|v[2-9][0-9].*|v[1-9][0-9][0-9].*';
  const lines = [
    `for n in ${candidates.map(shQuote).join(' ')}; do`,
    `  if [ -d "$n" ]; then printf "dir\\t%s\\n" "$n"; continue; fi`,
    `  if [ -x "$n" ]; then v=$("$n" -v 2>/dev/null); printf "found\\t%s\\t%s\\n" "$n" "$v"; case "$v" in ${good}) exit 0;; esac; else printf "missing\\t%s\\n" "$n"; fi`,
    'done',
  ];
  if (searchPath) {
    lines.push(
      'printf "pathvar\\t%s\\n" "$PATH"',
      `p=$(command -v node 2>/dev/null); if [ -n "$p" ]; then v=$("$p" -v 2>/dev/null); printf "found\\t%s\\t%s\\n" "$p" "$v"; else printf "nopath\\n"; fi`,
    );
  }
  return lines.join('\n');
}

function majorOf(version: string): number | null {
  const m = /^v(\d+)\./.exec(version.trim());
  return m ? Number(m[1]) : null;
}

/** Read the probe's answer: the Node.js to use, or the list of places looked at. */
export function readProbe(stdout: string, explicit: string | null): NodeFound | Looked[] {
  const looked: Looked[] = [];
  let pathVar: string | null = null;
  for (const line of stdout.split('\n')) {
    const [kind, a, b] = line.split('\t');
    if (kind === 'found' && a) {
      const major = majorOf(b ?? '');
      if (major !== null && major >= MIN_NODE_MAJOR) return { path: a, version: (b ?? '').trim() };
      looked.push({ place: a, outcome: major === null ? `does not run (${(b ?? '').trim() || 'no version'})` : `${(b ?? '').trim()}, too old` });
    } else if (kind === 'missing' && a) looked.push({ place: a, outcome: 'not there' });
    else if (kind === 'dir' && a) looked.push({ place: a, outcome: 'a folder' });
    else if (kind === 'pathvar') pathVar = a ?? '';
    else if (kind === 'nopath') looked.push({ place: `node on PATH (${pathVar ?? ''})`, outcome: 'none' });
  }
  if (explicit && looked[0]) looked[0].place += ' (ansible_node_interpreter)';
  return looked;
}

export function nodeNotFoundMessage(host: string, looked: Looked[], explicit: string | null): string {
  const where = looked.map((l) => `${l.place}: ${l.outcome}`).join('; ') || (explicit ?? TOOLBOX_NODE);
  return `${host}: Node.js ${MIN_NODE_MAJOR} or later not found (looked in ${where}): install nodejs from the AIX Toolbox or set ansible_node_interpreter`;
}

export async function findNode(host: string, connector: Connector, explicit: string | null): Promise<NodeFound> {
  const candidates = explicit ? [explicit] : [TOOLBOX_NODE];
  const r = await connector.exec(`/bin/sh -c ${shQuote(probeScript(candidates, explicit === null))}`);
  const failure = connector.transportFailure(r.code, r.stderr);
  if (failure) throw new ProbeTransportError(failure);
  const answer = readProbe(r.stdout, explicit);
  if (!Array.isArray(answer)) return answer;
  if (answer.length === 0) throw new NodeNotFoundError(`${host}: cannot look for Node.js (/bin/sh answered rc ${r.code}: ${r.stderr.trim() || 'nothing'})`);
  throw new NodeNotFoundError(nodeNotFoundMessage(host, answer, explicit));
}

export class ProbeTransportError extends Error {}
