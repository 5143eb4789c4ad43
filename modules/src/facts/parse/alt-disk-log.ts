import { outputLines } from './text.js';

// /var/adm/ras/alt_disk_inst.log (§9, [I]): every alt-disk run appends a record — a date(1) line
// ("Tue Jun  3 10:15:22 CDT 2025"), a "cmd: <command line>" line, then the command's output.
// Whether a blank line or a separator comes first is [U], so records are found by their date line;
// a "cmd:" line that follows output without a date line of its own starts a record too.

export interface AltDiskLogRecord {
  /** The date line as printed, or null when the record has none. */
  date: string | null;
  /** The command line after "cmd:", or null for output found before any "cmd:" line. */
  commandLine: string | null;
  /** The command line split on blanks (the log does not keep argv boundaries). */
  words: string[];
  /** Base name of the program: "alt_disk_copy", "alt_rootvg_op", "alt_disk_install". */
  program: string | null;
  output: string[];
}

const DATE_LINE = /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun)\s+(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)\s+\d{1,2}\s+\d{1,2}:\d{2}:\d{2}(\s+[A-Za-z][\w+-]*)?\s+\d{4}$/;
const CMD_LINE = /^cmd:\s*(.*)$/;

function record(date: string | null): AltDiskLogRecord {
  return { date, commandLine: null, words: [], program: null, output: [] };
}

export function parseAltDiskLog(text: string): AltDiskLogRecord[] {
  const records: AltDiskLogRecord[] = [];
  let current: AltDiskLogRecord | null = null;
  for (const line of outputLines(text)) {
    const trimmed = line.trim();
    if (DATE_LINE.test(trimmed)) {
      current = record(trimmed);
      records.push(current);
      continue;
    }
    const cmd = CMD_LINE.exec(trimmed);
    if (cmd) {
      if (!current || current.commandLine !== null || current.output.length > 0) {
        current = record(null);
        records.push(current);
      }
      current.commandLine = cmd[1]!.trim();
      current.words = current.commandLine.split(/\s+/).filter(Boolean);
      const first = current.words[0] ?? '';
      current.program = first === '' ? null : first.slice(first.lastIndexOf('/') + 1);
      continue;
    }
    if (!current) {
      if (trimmed === '') continue;
      current = record(null);
      records.push(current);
    }
    current.output.push(line);
  }
  // Blank lines that separate records belong to no output.
  for (const r of records) while (r.output.length > 0 && r.output[r.output.length - 1]!.trim() === '') r.output.pop();
  return records;
}

/** The newest record that names its command, or null. */
export function lastAltDiskCommand(records: AltDiskLogRecord[]): AltDiskLogRecord | null {
  for (let i = records.length - 1; i >= 0; i--) if (records[i]!.commandLine !== null) return records[i]!;
  return null;
}

/** Value of a flag in a logged command line: "-P 12" and "-P12" both give "12"; null when absent. */
export function flagValue(words: string[], flag: string): string | null {
  for (let i = 1; i < words.length; i++) {
    const w = words[i]!;
    if (w === `-${flag}`) return words[i + 1] ?? '';
    if (w.startsWith(`-${flag}`) && w.length > 2) return w.slice(2);
  }
  return null;
}

/** true when a boolean flag is present, alone or in a cluster ("-W", "-WD"). */
export function hasFlag(words: string[], flag: string): boolean {
  return words.slice(1).some((w) => /^-[A-Za-z]+$/.test(w) && w.includes(flag));
}
