import { joinMessage } from './parse/text.js';

// A fact that could not be gathered. The message quotes the command and what AIX said, so an
// admin reading a failed task sees "lsvg rootvg (rc 1): 0516-010 : Volume group must be varied on..."
// rather than a parser's complaint.

export class FactsError extends Error {
  constructor(
    /** The argv as run (absolute AIX paths). */
    readonly argv: string[],
    readonly rc: number,
    readonly stderr: string,
    /** What went wrong beyond the AIX message (a parse failure), or null. */
    readonly detail: string | null = null,
    readonly stdout = '',
  ) {
    super(FactsError.describe(argv, rc, stderr, detail));
    this.name = 'FactsError';
  }

  /** The AIX message of the failure, continuation lines joined ("" when AIX printed nothing). */
  get aixMessage(): string {
    return joinMessage(this.stderr);
  }

  private static describe(argv: string[], rc: number, stderr: string, detail: string | null): string {
    const said = joinMessage(stderr);
    const parts = [`${argv.join(' ')} (rc ${rc})`];
    if (said !== '') parts.push(said);
    if (detail !== null) parts.push(detail);
    return parts.join(': ');
  }
}
