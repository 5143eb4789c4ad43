import { compressHostList, groupIdentical, type HostOutcome, type RunSummary } from '../../../runner/src/index.js';
import { firstErrorLine, hostBlock, type BlockOptions } from './host-block.js';
import { paint, STATUS_COLOR, type Style } from './style.js';

// The end of a run: every host's answer (identical answers from many hosts shown once, as
// `dshbak -c` does), the hosts that failed with their first error line, and a recap line per host
// like Ansible's PLAY RECAP.

export function recapLines(summary: RunSummary, style: Style): string[] {
  const width = Math.max(...summary.hosts.map((h) => h.host.length), 4);
  const lines = [paint(style, 'bold', 'RECAP')];
  for (const h of summary.hosts) {
    const n = (s: HostOutcome['status'][]) => (s.includes(h.status) ? 1 : 0);
    const field = (name: string, v: number, color: Parameters<typeof paint>[1]) => (v ? paint(style, color, `${name}=${v}`) : `${name}=${v}`);
    const name = paint(style, STATUS_COLOR[h.status], h.host.padEnd(width));
    lines.push(
      `${name} : ${[
        field('ok', n(['ok', 'changed']), 'green'),
        field('changed', n(['changed']), 'yellow'),
        field('unreachable', n(['unreachable']), 'red'),
        field('failed', n(['failed']), 'red'),
        field('skipped', n(['skipped']), 'cyan'),
        field('interrupted', n(['interrupted']), 'magenta'),
      ].join('  ')}`,
    );
  }
  return lines;
}

export function reportLines(summary: RunSummary, opts: BlockOptions): string[] {
  const { style } = opts;
  const done = summary.hosts.filter((h) => h.status !== 'not-started');
  const lines: string[] = [];
  if (summary.hosts.length === 1) {
    const h = summary.hosts[0]!;
    const [first, ...rest] = hostBlock(h, opts);
    lines.push(`${h.host} | ${first}`, ...rest);
  } else {
    for (const g of groupIdentical(done.map((h) => ({ host: h.host, text: hostBlock(h, opts).join('\n') })))) {
      const names = compressHostList(g.hosts);
      lines.push(paint(style, 'bold', `---- ${names}${g.hosts.length > 1 ? ` (${g.hosts.length} hosts)` : ''} ----`), ...g.text.split('\n'));
    }
    const bad = summary.hosts.filter((h) => h.status === 'failed' || h.status === 'unreachable' || h.status === 'interrupted');
    if (bad.length) {
      lines.push('', paint(style, 'bold', `Hosts that need attention (${bad.length}):`));
      for (const h of bad) lines.push(`  ${paint(style, STATUS_COLOR[h.status], h.host)}: ${h.status}: ${firstErrorLine(h)}`);
    }
  }
  const notStarted = summary.hosts.filter((h) => h.status === 'not-started');
  if (notStarted.length) lines.push('', `Not started: ${compressHostList(notStarted.map((h) => h.host))} (${notStarted[0]!.message ?? 'interrupted'})`);
  lines.push('', ...recapLines(summary, style));
  return lines;
}
