import { contentLines } from './text.js';

// `ps -e -o pid,args`: the processes running now, one per line after a header ("  PID COMMAND").
// The alternate-disk commands are ksh scripts, so their line may start with the shell
// ("/usr/bin/ksh /usr/sbin/alt_disk_copy -d hdisk1"): the program is found among the first words.

export interface ProcessRow {
  pid: number;
  args: string;
}

export function parsePs(text: string): ProcessRow[] {
  const rows: ProcessRow[] = [];
  for (const line of contentLines(text)) {
    const m = /^\s*(\d+)\s+(.*)$/.exec(line);
    if (m) rows.push({ pid: Number(m[1]), args: m[2]!.trim() });
  }
  return rows;
}

/** Commands that change an alternate rootvg (alt_rootvg_op -q only reads). */
export const ALT_DISK_PROGRAMS = ['alt_disk_copy', 'alt_disk_mksysb', 'alt_disk_install', 'alt_rootvg_op', 'nimadm'] as const;

/** The alternate-disk program a process runs, with its words from that program on; null for any other process. */
export function altDiskProcess(row: ProcessRow): { program: string; words: string[] } | null {
  const words = row.args.split(/\s+/).filter(Boolean);
  for (let i = 0; i < Math.min(3, words.length); i++) {
    const base = words[i]!.slice(words[i]!.lastIndexOf('/') + 1);
    if ((ALT_DISK_PROGRAMS as readonly string[]).includes(base)) {
      const rest = words.slice(i);
      if (base === 'alt_rootvg_op' && rest.includes('-q')) return null;
      return { program: base, words: rest };
    }
  }
  return null;
}
