import type { CommandResult, HostAccess } from '../runtime/host-access.js';
import { FactsError } from './errors.js';
import { AixParseError } from './parse/text.js';

// Running read-only commands for facts: a non-zero exit or output a parser cannot read becomes a
// FactsError naming the argv and quoting AIX.

export async function runChecked(host: HostAccess, argv: string[]): Promise<CommandResult> {
  const r = await host.run(argv);
  if (r.rc !== 0) throw new FactsError(argv, r.rc, r.stderr, null, r.stdout);
  return r;
}

/** Apply a parser to a result; its AixParseError becomes a FactsError for that command. */
export function parseWith<T>(r: CommandResult, parse: (r: CommandResult) => T): T {
  try {
    return parse(r);
  } catch (e) {
    if (e instanceof AixParseError) throw new FactsError(r.argv, r.rc, r.stderr, e.message, r.stdout);
    throw e;
  }
}

/** Run a command that must succeed and parse its stdout. */
export async function runParsed<T>(host: HostAccess, argv: string[], parse: (stdout: string) => T): Promise<T> {
  const r = await runChecked(host, argv);
  return parseWith(r, (x) => parse(x.stdout));
}

/** Map with at most `limit` calls in flight (per-disk queries on hosts with many disks). */
export async function mapLimit<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}
