import type { AnalyzeOptions, WorkspaceView } from './types.js';
import type { PlayModel } from './playbook/model.js';
import type { HostWithFacts } from './rules/facts.js';
import { isTemplate } from './playbook/values.js';

// Which hosts a play runs on, as far as the workspace can tell: the host chosen by the caller, the
// inventory's answer for the play's pattern, or the pattern's plain host names.

export function playHosts(play: PlayModel | null, ws: WorkspaceView, opts: AnalyzeOptions): string[] {
  if (opts.host) return [opts.host];
  if (!play?.hosts || isTemplate(play.hosts)) return [];
  if (ws.hostsOf) return ws.hostsOf(play.hosts);
  const known = ws.hosts?.() ?? [];
  const patterns = play.hosts.split(/[:,]/).map((s) => s.trim()).filter(Boolean);
  if (patterns.includes('all') || patterns.includes('*')) return known;
  return known.filter((h) => patterns.includes(h));
}

export function hostsWithFacts(hosts: string[], ws: WorkspaceView): HostWithFacts[] {
  if (!ws.hostFacts) return [];
  const out: HostWithFacts[] = [];
  for (const host of hosts.slice(0, 64)) {
    const facts = ws.hostFacts(host);
    if (facts) out.push({ host, facts });
  }
  return out;
}
