import * as fs from 'node:fs';
import * as path from 'node:path';

// Real AIX output kept byte for byte in test/fixtures/aix (see its README for the sources).

function fixturesDir(): string {
  // Found by walking up from the compiled test: dist/ may hold its own package.json.
  for (let d = __dirname; ; d = path.dirname(d)) {
    const candidate = path.join(d, 'test', 'fixtures', 'aix');
    if (fs.existsSync(candidate)) return candidate;
    if (path.dirname(d) === d) throw new Error('test: cannot find test/fixtures/aix above ' + __dirname);
  }
}

export function aixFixture(name: string): string {
  return fs.readFileSync(path.join(fixturesDir(), name), 'utf8');
}

/** The same text with CRLF line ends, as captures copied through Windows tools arrive. */
export function crlf(text: string): string {
  return text.replace(/\r?\n/g, '\r\n');
}
