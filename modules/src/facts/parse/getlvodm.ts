import { AixParseError, hasMessage, joinMessage, type CommandOutput } from './text.js';

// `getlvodm -j <disk>` asks the ODM which VG a disk belongs to (§3.5, §18). IBM's automation
// calls a disk free only when this exits 3 with 0516-320 ("not assigned to a volume group") or
// 0516-1396 (no PVID, not in the database); lspv's "None" alone is not enough (H-1).

export type GetlvodmAnswer =
  | { assigned: true; vgid: string }
  | { assigned: false; /** The AIX message, continuation lines joined. */ message: string };

export function parseGetlvodm(out: CommandOutput): GetlvodmAnswer {
  if (out.rc === 0) {
    const vgid = out.stdout.trim().split(/\s+/)[0] ?? '';
    if (!/^[0-9a-fA-F]{16,32}$/.test(vgid)) throw new AixParseError('getlvodm -j', `rc 0 without a VGID: ${JSON.stringify(out.stdout)}`, out.stdout);
    return { assigned: true, vgid: vgid.toLowerCase() };
  }
  const all = `${out.stderr}\n${out.stdout}`;
  if (out.rc === 3 && (hasMessage(all, '0516-320') || hasMessage(all, '0516-1396'))) {
    return { assigned: false, message: joinMessage(out.stderr || out.stdout) };
  }
  // The AIX message itself is quoted by whoever reports this (FactsError quotes stderr).
  throw new AixParseError('getlvodm -j', `exit code ${out.rc} is neither 0 nor 3 with 0516-320/0516-1396`, all);
}
