import * as fs from 'node:fs';
import { isatty } from 'node:tty';
import { parseKeyValueWords, shellWords } from './kv.js';

// Where a module's arguments come from, in the order Ansible and people use them:
//   1. embedded by Ansible in the JSONARGS footer (pipelined collection modules);
//   2. argv[2]: the WANT_JSON args file (JSON) or an old-style file of key=value words;
//      "_" is what Ansible's async wrapper passes when the args are embedded;
//   3. key=value words on the command line (node clone.js targets=hdisk1);
//   4. standard input: JSON or key=value words (echo '{"targets":["hdisk1"]}' | node clone.js).

declare function __ansible_args(): void;

export type ArgsSource = 'ansible-embedded' | 'args-file' | 'argv' | 'stdin' | 'none';

export interface RawArgs {
  values: Record<string, unknown>;
  source: ArgsSource;
}

export class ArgsError extends Error {}

/** No task's arguments come near this; larger input is refused before it is parsed. */
export const MAX_ARGS_BYTES = 1024 * 1024;

function tooLarge(where: string, size: number): ArgsError {
  return new ArgsError(`the arguments in ${where} are ${size > MAX_ARGS_BYTES ? 'more than ' : ''}${MAX_ARGS_BYTES} bytes long, more than any task needs: nothing was read further or run`);
}

function embedded(): string | null {
  if (typeof __ansible_args !== 'function') return null;
  const line = (__ansible_args.toString().split('\n')[1] ?? '').trim().slice(2);
  return line.startsWith('{') ? line : null;
}

/** The arguments in a text (JSON, or key=value words), as the module reads them from stdin or a file. */
export function parseText(text: string, where: string): Record<string, unknown> {
  if (text.length > MAX_ARGS_BYTES) throw tooLarge(where, text.length);
  const t = text.trim();
  if (t === '') return {};
  if (t.startsWith('{') || t.startsWith('[')) {
    let v: unknown;
    try {
      v = JSON.parse(t);
    } catch (e) {
      throw new ArgsError(`the arguments in ${where} are not valid JSON: ${(e as Error).message}`);
    }
    if (v === null || typeof v !== 'object' || Array.isArray(v)) throw new ArgsError(`the arguments in ${where} must be a JSON object of option names and values`);
    return v as Record<string, unknown>;
  }
  try {
    return parseKeyValueWords(shellWords(t));
  } catch (e) {
    throw new ArgsError(`the arguments in ${where}: ${(e as Error).message}`);
  }
}

/** Where a module reads from besides argv: standard input (tests read the same way in process). */
export interface ArgsInput {
  stdinIsTerminal(): boolean;
  readStdin(): string;
}

const PROCESS_INPUT: ArgsInput = { stdinIsTerminal: () => isatty(0), readStdin: () => readStdinToEnd() };

export function readRawArgs(argv: string[] = process.argv, input: ArgsInput = PROCESS_INPUT): RawArgs {
  const inline = embedded();
  if (inline !== null) return { values: parseText(inline, 'the module'), source: 'ansible-embedded' };
  const rest = argv.slice(2);
  const first = rest[0];
  if (first !== undefined && first !== '_' && first !== '-') {
    if (rest.length === 1 && !first.includes('=') ) {
      let text: string;
      try {
        const size = fs.statSync(first).size;
        if (size > MAX_ARGS_BYTES) throw tooLarge(`the arguments file ${first}`, size);
        text = fs.readFileSync(first, 'utf8');
      } catch (e) {
        if (e instanceof ArgsError) throw e;
        throw new ArgsError(`cannot read the arguments file ${first}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
      }
      return { values: parseText(text, `the arguments file ${first}`), source: 'args-file' };
    }
    const size = rest.reduce((n, w) => n + w.length + 1, 0);
    if (size > MAX_ARGS_BYTES) throw tooLarge('the command line', size);
    try {
      return { values: parseKeyValueWords(rest), source: 'argv' };
    } catch (e) {
      throw new ArgsError(`the command-line arguments: ${(e as Error).message}`);
    }
  }
  if (input.stdinIsTerminal()) return { values: {}, source: 'none' };
  const text = input.readStdin();
  return { values: parseText(text, 'standard input'), source: text.trim() ? 'stdin' : 'none' };
}

/**
 * All of standard input, up to end of file. A pipe whose writer has not written yet must be
 * waited for: taking "nothing yet" (EAGAIN on a non-blocking pipe) for "no arguments" would run
 * the module with its defaults (cleanup would remove altinst_rootvg when old_rootvg was asked).
 * process.stdin is never touched, because creating it makes the pipe non-blocking.
 */
function readStdinToEnd(): string {
  const chunks: Buffer[] = [];
  let total = 0;
  const buf = Buffer.alloc(64 * 1024);
  for (;;) {
    let n: number;
    try {
      n = fs.readSync(0, buf, 0, buf.length, null);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'EAGAIN') {
        Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 5);
        continue;
      }
      if (code === 'EOF' || code === 'EBADF') break; // EBADF: started with standard input closed
      throw e;
    }
    if (n === 0) break;
    chunks.push(Buffer.from(buf.subarray(0, n)));
    total += n;
    if (total > MAX_ARGS_BYTES) throw tooLarge('standard input', total);
  }
  return Buffer.concat(chunks).toString('utf8');
}
