// One measured run of a Node.js program: wall time seen from outside (spawn to exit, what a caller
// such as Ansible waits for) and the peak RSS of that process (not of the commands it spawns).
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const PRELOAD = path.join(path.dirname(fileURLToPath(import.meta.url)), 'peak-rss.cjs');

/**
 * Run `node <args...>` with `stdin` as input; resolve with { ms, rssKb, rc, stdout, stderr }.
 * The preload that reports the RSS is loaded for every run, the start-up floor included, so it
 * costs the same on both sides of a ratio.
 */
export function measureNode(args, { stdin = '', env = {} } = {}) {
  const rssFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'altdisk-bench-rss-')), 'rss');
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const child = spawn(process.execPath, ['--require', PRELOAD, ...args], {
      env: { ...process.env, ...env, BENCH_RSS_FILE: rssFile },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    const out = [];
    const err = [];
    child.stdout.on('data', (d) => out.push(d));
    child.stderr.on('data', (d) => err.push(d));
    child.on('error', reject);
    child.on('close', (code) => {
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      let rssKb = null;
      try {
        rssKb = Number(fs.readFileSync(rssFile, 'utf8'));
      } catch {
        rssKb = null;
      }
      fs.rmSync(path.dirname(rssFile), { recursive: true, force: true });
      resolve({ ms, rssKb, rc: code, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') });
    });
    child.stdin.on('error', () => undefined);
    child.stdin.end(stdin);
  });
}

export function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}
