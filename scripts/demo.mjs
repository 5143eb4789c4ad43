#!/usr/bin/env node
// The main job on the embedded simulator: clone rootvg of a simulated AIX 7.3 host to a free disk
// with the altdisk clone module, the way an admin would — look, rehearse (check mode), do it, check
// it is idempotent, and see what the next reboot will start.
// Usage: npm run demo [-- --host <dir>] [-- --speed <factor>]
import { spawn, spawnSync } from 'node:child_process';
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
const host = path.resolve(opt('host', path.join(os.tmpdir(), 'altdisk-demo-host')));
const speed = opt('speed', '0.005');
const aixsim = path.join(root, 'dist/simulator/aixsim.cjs');
const clone = path.join(root, 'dist/modules/clone.js');
if (!fs.existsSync(aixsim) || !fs.existsSync(clone)) {
  console.error('demo: the bundles are missing; build them first with: npm run build');
  process.exit(1);
}

const say = (text) => process.stdout.write(`\n\x1b[1m== ${text}\x1b[0m\n`);
const sh = (cmd, ...a) => {
  process.stdout.write(`$ ${cmd} ${a.join(' ')}\n`);
  const r = spawnSync(path.join(host, 'bin', cmd), a, { encoding: 'utf8' });
  process.stdout.write(r.stdout + r.stderr);
};

function runModule(argsJson) {
  return new Promise((resolve, reject) => {
    const p = spawn(process.execPath, [clone], { env: { ...process.env, ALTDISK_SIM_HOST: host, AIXSIM_SPEED: speed } });
    let out = '';
    p.stdout.on('data', (d) => (out += d));
    p.stderr.on('data', (d) => process.stdout.write(`   | ${d.toString().replace(/\n(?=.)/g, '\n   | ')}`));
    p.on('error', reject);
    p.on('close', () => resolve(JSON.parse(out)));
    p.stdin.end(JSON.stringify(argsJson));
  });
}

say(`A simulated AIX 7.3 host in ${host}`);
const init = spawnSync(process.execPath, [aixsim, 'init', host, '--force'], { encoding: 'utf8' });
if (init.status !== 0) {
  process.stderr.write(init.stderr);
  process.exit(1);
}
process.stdout.write(init.stdout);
sh('oslevel', '-s');
sh('lspv');
sh('bootlist', '-m', 'normal', '-o');

say('Rehearse: check mode shows the exact commands and the predicted change, and runs nothing');
const check = await runModule({ targets: ['hdisk1'], _ansible_check_mode: true });
console.log(JSON.stringify({ changed: check.changed, msg: check.msg, commands: check.commands, warnings: check.warnings }, null, 2));

say('Clone rootvg to hdisk1 (alt_disk_copy streams its progress)');
const real = await runModule({ targets: ['hdisk1'] });
console.log(JSON.stringify({ changed: real.changed, failed: real.failed ?? false, msg: real.msg, altinst_state: real.altinst_state, bootlist: real.bootlist }, null, 2));

say('Run it again: nothing to do');
const again = await runModule({ targets: ['hdisk1'] });
console.log(JSON.stringify({ changed: again.changed, msg: again.msg }, null, 2));

say('What the next reboot will start');
sh('lspv');
sh('bootlist', '-m', 'normal', '-o');
console.log(`\nThe host stays in ${host}: try PATH=${host}/bin:$PATH lspv, or node dist/simulator/aixsim.cjs reboot ${host}`);
process.exit(real.failed || again.changed ? 1 : 0);
