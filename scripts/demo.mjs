#!/usr/bin/env node
// The main job on the embedded simulator, through the altdisk command, the way an admin would:
// look at the host, rehearse the clone (check mode, with the diff), clone rootvg to a free disk
// with alt_disk_copy's progress, run it again (nothing to do), and see what the next reboot starts.
// Usage: npm run demo [-- --host <dir>] [-- --speed <factor>]
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : dflt;
};
const host = path.resolve(opt('host', path.join(os.tmpdir(), 'altdisk-demo', 'lpar01')));
const speed = opt('speed', '0.005');
const cli = path.join(root, 'dist/cli/altdisk.cjs');
if (!fs.existsSync(cli)) {
  console.error('demo: the altdisk bundle is missing; build it first with: npm run build');
  process.exit(1);
}

const say = (text) => process.stdout.write(`\n\x1b[1m== ${text}\x1b[0m\n`);
/** Run `altdisk ...` as a user would type it, its output on the terminal; returns its exit code. */
const altdisk = (...a) => {
  process.stdout.write(`$ altdisk ${a.map((w) => (/^[\w@%+=:,./-]+$/.test(w) ? w : `'${w}'`)).join(' ')}\n`);
  return spawnSync(process.execPath, [cli, ...a], { stdio: 'inherit' }).status ?? 1;
};
const must = (rc) => {
  if (rc !== 0) process.exit(rc);
};

say('A simulated AIX 7.3 host');
must(altdisk('sim', 'init', host, '--force', '--speed', speed, '--hostname', 'lpar01'));
must(altdisk('sim', 'show', host));

say('Rehearse: check mode shows the exact AIX commands and the change, and runs nothing');
must(altdisk('run', 'clone', 'targets=hdisk1', '--check', '--diff', '--sim', host));

say('Clone rootvg to hdisk1 (alt_disk_copy streams its progress)');
must(altdisk('run', 'clone', 'targets=hdisk1', '--sim', host));

say('Run it again: nothing to do');
must(altdisk('run', 'clone', 'targets=hdisk1', '--sim', host));

say('What the next reboot will start');
must(altdisk('facts', '--sim', host));
console.log(`\nThe host stays in ${host}: try altdisk sim reboot ${host}, then altdisk facts --sim ${host}`);
