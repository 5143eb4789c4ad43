import type { Readable } from 'node:stream';

/** Calls `onLine` for each complete line of a stream as it arrives, and for the last partial one at the end. */
export function eachLine(stream: Readable | null, onLine: (line: string) => void): Promise<void> {
  return new Promise((resolve) => {
    if (!stream) return resolve();
    let rest = '';
    stream.setEncoding('utf8');
    stream.on('data', (chunk: string) => {
      const parts = (rest + chunk).split(/\r?\n/);
      rest = parts.pop() ?? '';
      for (const p of parts) onLine(p);
    });
    stream.on('error', () => resolve());
    stream.on('close', () => {
      if (rest) onLine(rest);
      rest = '';
      resolve();
    });
  });
}
