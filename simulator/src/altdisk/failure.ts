// A failure inside an alternate-disk operation: the message is already worded for the user (and
// may span lines); the command prints it on stderr and into the log, then exits with `rc`.

export class AltFailure extends Error {
  constructor(
    readonly lines: string[],
    readonly rc = 1,
    /** Lines that belong on stdout before the error (allocp output travels there [V peer §7]). */
    readonly stdoutLines: string[] = [],
  ) {
    super(lines.join('\n'));
  }
}

export function fail(...lines: string[]): never {
  throw new AltFailure(lines);
}
