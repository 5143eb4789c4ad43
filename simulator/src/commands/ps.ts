import type { CommandContext } from '../runtime/context.js';
import { has, value } from '../runtime/getopt.js';
import { liveProcesses, type ProcEntry } from '../runtime/procs.js';
import { processArgs } from '../aix/paths.js';
import { usageError } from './usage.js';
import { parseOrUsage } from './parse-args.js';

// ps on the simulated host: the simulated commands running on it now (its process table,
// runtime/procs.ts), nothing of the machine the simulator runs on. Enough of AIX's ps for scripts
// that look for a running operation: -e/-A, -f, -o with the usual fields, -p. Column layout [U]:
// AIX right-aligns numeric columns under their heading; the widths here are from memory.

/** [U] usage text (shortened). */
const USAGE = ['Usage: ps [-ANaedfklmjU] [-n namelist] [-F Format] [-o specifier[=header],...] [-p proclist][-G|-g grouplist] [-t termlist] [-U|-u userlist] [-c classlist] [ -T pid] [ -L pidlist]'];

interface Field {
  header: string;
  width: number;
  /** The last column is printed without padding (args, comm). */
  value(p: ProcEntry, now: Date): string;
}

function two(n: number): string {
  return String(n).padStart(2, '0');
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** STIME: the time of day when it started today, else the date (`Jun 03`). */
function stime(p: ProcEntry, now: Date): string {
  const d = new Date(p.startedAt);
  if (d.toDateString() === now.toDateString()) return `${two(d.getHours())}:${two(d.getMinutes())}:${two(d.getSeconds())}`;
  return `${MONTHS[d.getMonth()]} ${two(d.getDate())}`;
}

function elapsed(p: ProcEntry, now: Date): string {
  const s = Math.max(0, Math.floor((now.getTime() - new Date(p.startedAt).getTime()) / 1000));
  const [h, m, sec] = [Math.floor(s / 3600), Math.floor((s % 3600) / 60), s % 60];
  return h > 0 ? `${two(h)}:${two(m)}:${two(sec)}` : `${two(m)}:${two(sec)}`;
}

const args = (p: ProcEntry) => processArgs(p.command, p.args).join(' ');

/** -o field names and their headings. */
const FIELDS: Record<string, Field> = {
  pid: { header: 'PID', width: 8, value: (p) => String(p.pid) },
  ppid: { header: 'PPID', width: 8, value: (p) => String(p.ppid) },
  user: { header: 'USER', width: 8, value: () => 'root' },
  ruser: { header: 'RUSER', width: 8, value: () => 'root' },
  uid: { header: 'UID', width: 8, value: () => '0' },
  pcpu: { header: '%CPU', width: 4, value: () => '0.0' },
  etime: { header: 'ELAPSED', width: 11, value: elapsed },
  time: { header: 'TIME', width: 8, value: () => '00:00:00' },
  tty: { header: 'TT', width: 7, value: () => '-' },
  args: { header: 'COMMAND', width: 0, value: args },
  command: { header: 'COMMAND', width: 0, value: args },
  comm: { header: 'COMMAND', width: 0, value: (p) => p.command },
};

/** `ps -f`: UID PID PPID C STIME TTY TIME CMD. */
const FULL: Field[] = [
  { header: 'UID', width: 8, value: () => 'root' },
  FIELDS.pid!,
  FIELDS.ppid!,
  { header: 'C', width: 3, value: () => '0' },
  { header: 'STIME', width: 8, value: stime },
  { header: 'TTY', width: 6, value: () => '-' },
  { header: 'TIME', width: 4, value: () => '0:00' },
  { header: 'CMD', width: 0, value: args },
];

/** `ps` without -f or -o: PID TTY TIME CMD (the command name only). */
const SHORT: Field[] = [FIELDS.pid!, { header: 'TTY', width: 6, value: () => '-' }, { header: 'TIME', width: 4, value: () => '0:00' }, { header: 'CMD', width: 0, value: (p) => p.command }];

function render(fields: Field[], procs: ProcEntry[]): string[] {
  const now = new Date();
  const row = (cells: string[]) => cells.map((c, i) => (fields[i]!.width === 0 ? c : c.padStart(fields[i]!.width))).join(' ').replace(/\s+$/, '');
  return [row(fields.map((f) => f.header)), ...procs.map((p) => row(fields.map((f) => f.value(p, now))))];
}

export function ps(ctx: CommandContext): number {
  const p = parseOrUsage(ctx, 'AefFo:p:', USAGE);
  if (typeof p === 'number') return p;
  if (p.operands.length > 0) return usageError(ctx, null, USAGE);
  let fields: Field[];
  if (has(p, 'o')) {
    const names = p.flags
      .filter((f) => f.flag === 'o')
      .flatMap((f) => f.value!.split(/[,\s]+/))
      .filter(Boolean);
    fields = [];
    for (const n of names) {
      const [name, header] = n.split('=') as [string, string | undefined];
      const f = FIELDS[name];
      if (!f) {
        ctx.err(`ps: ${name} is not a valid field name.`); // [U]
        return usageError(ctx, null, USAGE);
      }
      fields.push(header === undefined ? f : { ...f, header });
    }
  } else {
    fields = has(p, 'f') ? FULL : SHORT;
  }
  const all = liveProcesses(ctx.dir);
  const pids = value(p, 'p');
  let shown: ProcEntry[];
  if (pids !== null) {
    const wanted = new Set(pids.split(/[,\s]+/).map(Number));
    shown = all.filter((x) => wanted.has(x.pid));
  } else if (has(p, 'e') || has(p, 'A')) {
    shown = all;
  } else {
    // [U] Without -e, ps lists the caller's processes on its terminal; here: ps itself.
    shown = all.filter((x) => x.pid === process.pid);
  }
  render(fields, shown).forEach((l) => ctx.out(l));
  // [U] ps -p with no such process: the heading alone, exit status 1.
  return pids !== null && shown.length === 0 ? 1 : 0;
}
