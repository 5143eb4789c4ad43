// The one thing a module prints: a single JSON object on stdout, whatever happens. Ansible splits
// the output with Python's splitlines(), so every non-ASCII character is escaped (U+2028 and U+0085
// would otherwise break its parser), and the process exits only once stdout has been flushed
// (Node writes to pipes asynchronously; exiting early truncates at 64 KiB).

export function asciiJson(value: unknown): string {
  return JSON.stringify(value).replace(/[\u007f-\uffff]/g, (c) => '\\u' + c.charCodeAt(0).toString(16).padStart(4, '0'));
}

let emitted = false;

/** Print the result once and exit with 1 when it failed, 0 otherwise. Later calls are ignored. */
export function emitResult(result: Record<string, unknown>): void {
  if (emitted) return;
  emitted = true;
  const code = result.failed === true ? 1 : 0;
  process.stdout.write(asciiJson(result) + '\n', () => process.exit(code));
}

export function hasEmitted(): boolean {
  return emitted;
}
