import type { HostStatus } from '../../../runner/src/index.js';

// Colours on a terminal only (and never with NO_COLOR), in Ansible's: green ok, yellow changed,
// red failed and unreachable, magenta interrupted, cyan skipped.

export interface Style {
  color: boolean;
}

const CODES = { red: 31, green: 32, yellow: 33, magenta: 35, cyan: 36, dim: 2, bold: 1 } as const;
export type Color = keyof typeof CODES;

export function paint(style: Style, color: Color, text: string): string {
  return style.color ? `\x1b[${CODES[color]}m${text}\x1b[0m` : text;
}

export const STATUS_WORD: Record<HostStatus, string> = {
  ok: 'OK',
  changed: 'CHANGED',
  failed: 'FAILED',
  unreachable: 'UNREACHABLE',
  interrupted: 'INTERRUPTED',
  skipped: 'SKIPPED',
  'not-started': 'NOT STARTED',
};

export const STATUS_COLOR: Record<HostStatus, Color> = {
  ok: 'green',
  changed: 'yellow',
  failed: 'red',
  unreachable: 'red',
  interrupted: 'magenta',
  skipped: 'cyan',
  'not-started': 'dim',
};

export function styleFor(stream: NodeJS.WriteStream): Style {
  return { color: stream.isTTY === true && !process.env.NO_COLOR && process.env.TERM !== 'dumb' };
}

/** Seconds as 4.2s, 1m05s, 1h02m. */
export function elapsed(ms: number): string {
  const s = Math.max(0, ms) / 1000;
  if (s < 60) return `${s.toFixed(1)}s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m}m${String(Math.floor(s % 60)).padStart(2, '0')}s`;
  return `${Math.floor(m / 60)}h${String(m % 60).padStart(2, '0')}m`;
}
