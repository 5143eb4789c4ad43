import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { boardView } from '../../cli/src/render/live.js';
import { aixsim, tmpDir } from '../helpers/sim.js';
import { runCommand } from '../helpers/ansible.js';
import { CLI } from '../helpers/runner.js';

// The live status board: on a real terminal (a pty from `script`) altdisk draws one line per host
// and redraws it in place; drawn on a small terminal it stays inside its width and height.

const scratch = tmpDir('altdisk-board-');
after(() => fs.rmSync(scratch, { recursive: true, force: true }));

const ESC = String.fromCharCode(27);
const strip = (s: string) => s.replace(new RegExp(`${ESC}\\[[0-9;]*[A-Za-z]`, 'g'), '');

test('on a terminal, several hosts get a status board redrawn in place (host, state, elapsed, last AIX line), then the report', async () => {
  const hosts = ['brd01', 'brd02'].map((n) => {
    const d = path.join(scratch, n);
    assert.equal(aixsim(['init', d, '--speed', '0.01']).rc, 0);
    return d;
  });
  const cmd = [process.execPath, CLI, 'run', 'clone', 'targets=hdisk1', ...hosts.flatMap((h) => ['--sim', h])].map((w) => `'${w}'`).join(' ');
  const r = await runCommand('script', ['-qefc', cmd, '/dev/null'], { env: { ...process.env, TERM: 'xterm', NO_COLOR: '' } });
  assert.equal(r.rc, 0, r.stdout + r.stderr);
  assert.ok(r.stdout.includes(`${ESC}[2A${ESC}[0J`), 'the board is redrawn in place');
  const plain = strip(r.stdout);
  assert.match(plain, /brd01 +running +\d+\.\ds +Creating logical volume/);
  assert.match(plain, /brd02 +changed +\d+\.\ds +rootvg cloned to hdisk1/);
  assert.match(plain, /---- brd\[01-02\] \(2 hosts\) ----/);
  assert.doesNotMatch(plain, /^brd01 \| Creating/m, 'no host-prefixed lines on a terminal');
});

test('the board keeps inside a small terminal: long lines cut, more hosts than rows summed up', () => {
  let text = '';
  const out = { isTTY: true, columns: 50, rows: 8, write: (s: string) => ((text += s), true) } as unknown as NodeJS.WriteStream;
  const hosts = Array.from({ length: 12 }, (_, i) => `h${String(i + 1).padStart(2, '0')}`);
  const board = boardView(out, { color: false }, hosts);
  const at = Date.now();
  board.onEvent({ type: 'host-start', host: 'h01', transport: 'ssh', at });
  board.onEvent({ type: 'progress', host: 'h01', line: 'Backing-up the rootvg files and restoring them to the alternate file system...', at });
  board.onEvent({ type: 'failed', host: 'h02', result: { failed: true, msg: 'no' }, at });
  board.finish();
  const last = text.slice(text.lastIndexOf('\x1b[0J') + 4).split('\n').filter(Boolean);
  assert.ok(last.length <= 5, last.join('\n'));
  for (const l of last) assert.ok(l.length <= 50, `too wide: ${l}`);
  assert.match(last[0]!, /^h01 +running +\d+\.\ds +Backing-up the root.*…$/);
  assert.match(last[1]!, /^h02 +failed/);
  assert.match(last[last.length - 1]!, /^\.\.\. 8 more: 0 running, 0 waiting, 12 done|^\.\.\. \d+ more/);
});
