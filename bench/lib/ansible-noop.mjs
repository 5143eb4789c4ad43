// Per-task time under ansible-playbook of a no-op altdisk.aix.bootlist task on a host whose AIX
// commands answer at native speed (stubs), and on aixsim, against ansible.builtin.command: /bin/true
// (the floor of a Python module task). Per task = (median play of N tasks - median empty play) / N.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { median } from './measure.mjs';

export function noopTaskFigures({ root, work, runs, countRows, stubBin, stubHost }) {
  const row = countRows.find((r) => r.scenario === 'bootlist no-op @5');
  const stubs = stubBin(row.after.calls);
  const native = stubHost(row.after.pristine, stubs);
  const TASKS = 10;
  const dir = path.join(work, 'ansible');
  fs.mkdirSync(dir, { recursive: true });
  const inventory = path.join(dir, 'inventory.json');
  fs.writeFileSync(
    inventory,
    JSON.stringify({ all: { hosts: { lpar01: { ansible_connection: 'local', ansible_node_interpreter: process.execPath, ansible_python_interpreter: 'auto_silent', ansible_pipelining: true } } } }),
  );
  const play = (name, host, task) => {
    const file = path.join(dir, `${name}.yml`);
    const lines = ['- name: Bench', '  hosts: lpar01', '  gather_facts: false', '  environment:', `    ALTDISK_SIM_HOST: ${host}`, '  tasks:'];
    for (let i = 0; i < (task ? TASKS : 1); i++) lines.push(`    - name: Task ${i + 1}`, ...(task ?? ['ansible.builtin.meta: noop']).map((l) => `      ${l}`));
    fs.writeFileSync(file, lines.join('\n') + '\n');
    return file;
  };
  const env = { ...process.env, ANSIBLE_NOCOLOR: '1', ANSIBLE_RETRY_FILES_ENABLED: '0', ANSIBLE_LOCAL_TEMP: path.join(dir, 'tmp'), ANSIBLE_COLLECTIONS_PATH: path.join(root, 'dist') };
  for (const k of Object.keys(env)) if (k.startsWith('ALTDISK_SIM_')) delete env[k];
  const plays = {
    empty: play('empty', native, null),
    bootlist: play('bootlist', native, ['altdisk.aix.bootlist:', '  normal: [hdisk0]']),
    true: play('true', native, ['ansible.builtin.command: /bin/true', 'changed_when: false']),
  };
  const timed = (file) => {
    stubs.reset();
    const t = process.hrtime.bigint();
    const r = spawnSync('ansible-playbook', ['-i', inventory, file], { env, encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`ansible-playbook ${file}: ${r.stdout.slice(-2000)}`);
    return Number(process.hrtime.bigint() - t) / 1e6;
  };
  timed(plays.bootlist); // warm-up
  const samples = { empty: [], bootlist: [], true: [] };
  for (let i = 0; i < runs; i++) for (const k of Object.keys(samples)) samples[k].push(timed(plays[k]));
  const perTask = (k) => (median(samples[k]) - median(samples.empty)) / TASKS;
  return { tasks: TASKS, emptyPlayMs: median(samples.empty), bootlistMs: perTask('bootlist'), trueMs: perTask('true') };
}
