import type { RunEvent } from '../../../runner/src/index.js';
import { elapsed, paint, STATUS_COLOR, STATUS_WORD, type Style } from './style.js';

// What the terminal shows while a run goes on. One host: its AIX progress lines as they come.
// Many hosts on a terminal: a status board (host, state, last AIX line, elapsed) redrawn in place.
// Many hosts elsewhere (CI logs, pipes): plain lines prefixed with the host, one event a line.

export interface LiveView {
  onEvent(e: RunEvent): void;
  /** A line of altdisk's own (interrupt notices): printed without breaking the view. */
  notice(text: string): void;
  finish(): void;
}

type Write = (text: string) => void;

export function streamView(write: Write, style: Style): LiveView {
  return {
    onEvent(e) {
      if (e.type === 'host-start') write(paint(style, 'bold', `${e.host} (${e.transport})`) + '\n');
      else if (e.type === 'progress') write(paint(style, 'dim', `  ${e.line}`) + '\n');
    },
    notice: (text) => write(`${text}\n`),
    finish() {},
  };
}

export function prefixView(write: Write, style: Style): LiveView {
  const first = (s: string) => s.split('\n')[0];
  return {
    onEvent(e) {
      switch (e.type) {
        case 'host-start':
          write(`${e.host} | started (${e.transport})\n`);
          break;
        case 'progress':
          write(`${e.host} | ${e.line}\n`);
          break;
        case 'result':
          write(`${e.host} | ${paint(style, STATUS_COLOR[e.result.changed ? 'changed' : 'ok'], e.result.skipped ? 'SKIPPED' : e.result.changed ? 'CHANGED' : 'OK')} | ${first(String(e.result.msg ?? ''))}\n`);
          break;
        case 'failed':
          write(`${e.host} | ${paint(style, 'red', 'FAILED')} | ${first(String(e.result.msg ?? ''))}\n`);
          break;
        case 'unreachable':
          write(`${e.host} | ${paint(style, 'red', 'UNREACHABLE')} | ${first(e.message)}\n`);
          break;
        case 'interrupted':
          write(`${e.host} | ${paint(style, 'magenta', 'INTERRUPTED')} | ${first(e.message)}${e.state ? ` | ${e.state.summary}` : ''}\n`);
          break;
        default:
          break;
      }
    },
    notice: (text) => write(`${text}\n`),
    finish() {},
  };
}

interface Row {
  host: string;
  state: string;
  color: Parameters<typeof paint>[1] | null;
  last: string;
  started: number | null;
  ended: number | null;
}

/** The status board: one line per host, redrawn at most ten times a second. */
export function boardView(out: NodeJS.WriteStream, style: Style, hosts: string[]): LiveView {
  const rows = new Map<string, Row>(hosts.map((h) => [h, { host: h, state: 'waiting', color: 'dim', last: '', started: null, ended: null }]));
  const width = Math.max(...hosts.map((h) => h.length), 4);
  let drawn = 0;
  let dirty = true;
  const render = (): string[] => {
    const cols = out.columns || 100;
    const maxRows = Math.max(3, (out.rows || 40) - 4);
    let list = [...rows.values()];
    if (list.length > maxRows) {
      const rank = (r: Row) => (r.state === 'running' ? 0 : r.color === 'red' || r.color === 'magenta' ? 1 : r.state === 'waiting' ? 3 : 2);
      list = [...list].sort((a, b) => rank(a) - rank(b)).slice(0, maxRows - 1);
    }
    const now = Date.now();
    const lines = list.map((r) => {
      const time = r.started ? elapsed((r.ended ?? now) - r.started) : '';
      const head = `${r.host.padEnd(width)}  ${r.state.padEnd(11)}  ${time.padStart(7)}  `;
      const room = Math.max(0, cols - head.length - 1);
      const last = r.last.length > room ? r.last.slice(0, Math.max(0, room - 1)) + '…' : r.last;
      return `${r.host.padEnd(width)}  ${r.color ? paint(style, r.color, r.state.padEnd(11)) : r.state.padEnd(11)}  ${time.padStart(7)}  ${paint(style, 'dim', last)}`;
    });
    if (rows.size > list.length) {
      const all = [...rows.values()];
      const count = (s: string) => all.filter((r) => r.state === s).length;
      lines.push(paint(style, 'dim', `... ${rows.size - list.length} more: ${count('running')} running, ${count('waiting')} waiting, ${all.length - count('running') - count('waiting')} done`));
    }
    return lines;
  };
  const erase = () => {
    if (drawn > 0) out.write(`\x1b[${drawn}A\x1b[0J`);
    drawn = 0;
  };
  const draw = () => {
    const lines = render();
    erase();
    out.write(lines.join('\n') + '\n');
    drawn = lines.length;
    dirty = false;
  };
  const timer = setInterval(() => {
    if (dirty || [...rows.values()].some((r) => r.state === 'running')) draw();
  }, 100);
  timer.unref();
  const set = (host: string, patch: Partial<Row>) => {
    const r = rows.get(host);
    if (!r) return;
    Object.assign(r, patch);
    dirty = true;
  };
  draw();
  return {
    onEvent(e) {
      const now = Date.now();
      switch (e.type) {
        case 'host-start':
          set(e.host, { state: 'running', color: null, started: now });
          break;
        case 'progress':
          set(e.host, { last: e.line.trim() });
          break;
        case 'result': {
          const s = e.result.skipped ? 'skipped' : e.result.changed ? 'changed' : 'ok';
          set(e.host, { state: STATUS_WORD[s].toLowerCase(), color: STATUS_COLOR[s], ended: now, last: String(e.result.msg ?? '').split('\n')[0] });
          break;
        }
        case 'failed':
          set(e.host, { state: 'failed', color: 'red', ended: now, last: String(e.result.msg ?? '').split('\n')[0] });
          break;
        case 'unreachable':
          set(e.host, { state: 'unreachable', color: 'red', ended: now, last: e.message.split('\n')[0] });
          break;
        case 'interrupted':
          set(e.host, { state: 'interrupted', color: 'magenta', ended: now, last: e.state?.summary ?? e.message });
          break;
        default:
          break;
      }
    },
    notice(text) {
      erase();
      out.write(`${text}\n`);
      draw();
    },
    finish() {
      clearInterval(timer);
      for (const r of rows.values()) if (r.state === 'waiting') Object.assign(r, { state: 'not started' });
      draw();
    },
  };
}

export function silentView(): LiveView {
  return { onEvent() {}, notice() {}, finish() {} };
}
