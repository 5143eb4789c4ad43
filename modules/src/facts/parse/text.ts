// Line handling shared by the AIX output parsers. Real captures arrive with CRLF (copied through
// Windows tools), blanks padded to 80 columns (lspv) or trailing blanks after values (lsvg, lslv),
// and sometimes stderr merged into stdout; every parser goes through these helpers.

/** Output that does not have the shape a parser expects. Carries the text for the error report. */
export class AixParseError extends Error {
  constructor(
    readonly what: string,
    message: string,
    readonly text: string,
  ) {
    super(`${what}: ${message}`);
    this.name = 'AixParseError';
  }
}

/** Lines without their terminators (LF or CRLF) and without trailing blanks. */
export function outputLines(text: string): string[] {
  const lines = text.split(/\r?\n|\r/).map((l) => l.replace(/[ \t]+$/, ''));
  while (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  return lines;
}

/** Non-empty lines, trimmed at the end only (leading blanks carry meaning in mount and lslpp). */
export function contentLines(text: string): string[] {
  return outputLines(text).filter((l) => l.trim() !== '');
}

/** AIX messages start with their catalog number: "0516-010 : ...", "lslpp: 0504-132  ...". */
const AIX_MESSAGE = /^(?:[\w./-]+:\s*)?(\d{4}-\d{3,4})\b/;

/** The message number at the start of an AIX diagnostic line, or null. */
export function messageNumber(line: string): string | null {
  return AIX_MESSAGE.exec(line.trim())?.[1] ?? null;
}

/**
 * Lines without AIX diagnostics: a message line and the indented continuation lines after it
 * ("0516-306 lslv: Unable to find hd99 in the Device" / "\tConfiguration Database.").
 */
export function withoutMessages(lines: string[]): string[] {
  const out: string[] = [];
  let inMessage = false;
  for (const line of lines) {
    if (messageNumber(line) !== null) {
      inMessage = true;
      continue;
    }
    if (inMessage && /^\s/.test(line) && line.trim() !== '') continue;
    inMessage = false;
    out.push(line);
  }
  return out;
}

/** true when the text (stdout or stderr) carries the AIX message with this number. */
export function hasMessage(text: string, number: string): boolean {
  return new RegExp(`(^|[\\s:])${number.replace('-', '\\-')}(\\s|:|$)`, 'm').test(text);
}

/**
 * An AIX message as one line: continuation lines (indented, as in 0516-320 or 0516-1126) joined
 * to the line before with a single blank, so an error report can quote it whole.
 */
export function joinMessage(text: string): string {
  return contentLines(text)
    .map((l) => l.trim())
    .join(' ');
}

/** "639" -> 639; anything else -> null (values of a varied-off VG are "???????"). */
export function intOrNull(value: string | null | undefined): number | null {
  if (value === null || value === undefined) return null;
  const m = /^(\d+)/.exec(value.trim());
  return m ? Number(m[1]) : null;
}

/** The value AIX prints for a field it cannot read from a varied-off VG. */
export const UNKNOWN_VALUE = '???????';

/** What a parser that also looks at the exit code and stderr gets (a CommandResult fits). */
export interface CommandOutput {
  rc: number;
  stdout: string;
  stderr: string;
}
