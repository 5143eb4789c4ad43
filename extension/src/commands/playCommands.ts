import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { openSetting, settings } from '../config.js';
import type { Target } from '../hosts/catalog.js';
import { pickHost } from '../hosts/hostPicker.js';
import { newRecord, type RunRecord } from '../runs/model.js';
import { applyPlaybookEvent, playbookArgv, runPlaybook } from '../runs/playbookRun.js';
import { plainNames, playsOf } from '../runs/playbookText.js';
import { findProgram, localNode } from '../runs/program.js';
import { withRunProgress } from '../runs/progress.js';
import { stepLines } from '../runs/format.js';
import type { Services } from '../services.js';
import { mayRun } from '../trust.js';

// "Run" and "Check" on a play: ansible-playbook on the picked host. An inventory host is selected with
// -l; a simulated host or a twin is added by a small generated inventory into the groups the play
// targets (a twin keeps its host's variables), with the local connection and this machine's Node.

export interface PlayRunRequest {
  uri: vscode.Uri;
  /** A line inside the play (0-based). */
  line: number;
  check: boolean;
  target?: Target;
}

/** Where the play's run happens: the ansible-playbook program, or why not. */
async function ansiblePlaybook(): Promise<string | undefined> {
  const configured = settings().ansiblePlaybookPath;
  const found = findProgram(configured);
  if (found) return found;
  const choice = await vscode.window.showErrorMessage(
    `altdisk: ansible-playbook was not found (altdisk.ansiblePlaybookPath is "${configured}"). Plays run with Ansible: install it (pipx install ansible-core, or apt install ansible) or set the path to yours. Single tasks need no Ansible: use "Run task" above an altdisk task.`,
    'Open Setting',
  );
  if (choice) void openSetting('ansiblePlaybookPath');
  return undefined;
}

function simInventory(target: Target, groups: string[], dir: string): string {
  const node = localNode();
  const vars: Record<string, unknown> = {
    ...(target.twinOf ? target.spec.vars : {}),
    ansible_connection: 'local',
    ansible_python_interpreter: '{{ ansible_playbook_python }}',
    ansible_node_interpreter: node.program,
    altdisk_simulated: true,
    altdisk_sim_dir: target.simDir,
    altdisk_env: { ALTDISK_SIM_HOST: target.simDir, ...node.env },
  };
  const inv = { all: { children: Object.fromEntries(groups.map((g) => [g, { hosts: { [target.name]: vars } }])), hosts: { [target.name]: vars } } };
  // YAML is a superset of JSON: ansible-playbook reads it with the yaml inventory plugin.
  const file = path.join(dir, 'inventory.yml');
  fs.writeFileSync(file, JSON.stringify(inv, null, 2));
  return file;
}

export async function runPlay(s: Services, req: PlayRunRequest): Promise<RunRecord | undefined> {
  if (!mayRun('run playbooks')) return undefined;
  const program = await ansiblePlaybook();
  if (!program) return undefined;
  const doc = await vscode.workspace.openTextDocument(req.uri);
  if (doc.isDirty) await doc.save();
  if (doc.uri.scheme !== 'file') {
    void vscode.window.showErrorMessage('altdisk: save the playbook to a file first: ansible-playbook runs files.');
    return undefined;
  }
  const plays = playsOf(doc.getText());
  const play = plays.find((p) => req.line >= p.startLine && req.line < p.endLine) ?? plays[0];
  if (!play) {
    void vscode.window.showErrorMessage('altdisk: no play here: a play is a list item with hosts: and tasks:.');
    return undefined;
  }
  const target = req.target ?? s.catalog.current() ?? (await pickHost(s.catalog, req.uri, 'Run the play on'));
  if (!target) return undefined;

  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'altdisk-play-'));
  const playbookDir = path.dirname(doc.uri.fsPath);
  let playbook = doc.uri.fsPath;
  let onlyPlay: string | undefined;
  if (plays.length > 1) {
    // ansible-playbook runs whole files: one play runs from a copy of its lines beside the playbook, so
    // that relative paths (tasks/, files/, group_vars/) resolve the same.
    onlyPlay = path.join(playbookDir, `.altdisk-play-${process.pid}-${Date.now()}.yml`);
    fs.writeFileSync(onlyPlay, doc.getText().split('\n').slice(play.startLine, play.endLine).join('\n') + '\n');
    playbook = onlyPlay;
  }
  const inventories: string[] = [];
  const env: NodeJS.ProcessEnv = {};
  let limit: string;
  if (target.kind === 'inventory') {
    if (target.inventory) inventories.push(target.inventory);
    limit = target.name;
  } else {
    const inv = s.catalog.inventoryFile(req.uri);
    if (inv && target.twinOf) inventories.push(inv);
    inventories.push(simInventory(target, plainNames(play.hosts ?? 'all').filter((g) => g !== 'all'), tmp));
    limit = target.name;
    env.ALTDISK_SIM_HOST = target.simDir;
    Object.assign(env, localNode().env);
  }
  const sshExtra = settings(req.uri).sshExtraOptions;
  if (sshExtra.length) env.ANSIBLE_SSH_EXTRA_ARGS = [process.env.ANSIBLE_SSH_EXTRA_ARGS, ...sshExtra.map((o) => `-o ${o}`)].filter(Boolean).join(' ');

  const record = newRecord({ kind: 'play', title: path.basename(doc.uri.fsPath), check: req.check, target: target.name, ...(target.twinOf ? { twinOf: target.twinOf } : {}) });
  s.store.add(record);
  const out = s.output;
  out.show();
  out.appendLine('');
  out.appendLine(`=== ${req.check ? 'Check' : 'Run'} ${vscode.workspace.asRelativePath(doc.uri)}${onlyPlay ? ` (the play at line ${play.startLine + 1})` : ''} on ${target.name}${target.twinOf ? ` (twin of ${target.twinOf})` : ''}`);
  out.appendLine(`$ ${program} ${playbookArgv({ playbook: doc.uri.fsPath, inventories, limit, check: req.check }).join(' ')}`);
  try {
    const end = await withRunProgress(`altdisk: ${req.check ? 'checking' : 'running'} ${path.basename(doc.uri.fsPath)} on ${target.name}`, (control) =>
      runPlaybook({
        program,
        playbook,
        inventories,
        limit,
        check: req.check,
        cwd: playbookDir,
        callbackDir: path.join(s.root, 'ansible/callback_plugins'),
        env,
        signal: control.signal,
        stopWaiting: control.stopWaiting,
        onOutput: (line) => out.appendLine(line),
        onEvent: (ev) => {
          if (ev.type === 'task') control.report(ev.name);
          if (ev.type === 'result' && onlyPlay && ev.path?.startsWith(onlyPlay)) {
            // Results of the copied play point back at the playbook's own lines.
            const line = Number(ev.path.slice(onlyPlay.length + 1));
            ev.path = `${doc.uri.fsPath}:${line + play.startLine}`;
          }
          applyPlaybookEvent(record, ev);
          s.store.changed(record);
        },
      }),
    );
    record.endedAt = Date.now();
    if (end.interrupted) {
      record.outcome = 'cancelled';
      record.note = 'Interrupted: ansible-playbook was stopped.';
      await reportStateAfterInterrupt(s, record, target);
    } else {
      record.outcome = end.code === 0 ? 'done' : 'failed';
      if (end.code === null) record.note = `ansible-playbook could not start (${program}).`;
      else if (end.code !== 0 && record.hosts.length === 0) record.note = `ansible-playbook exited ${end.code} before any task ran: see the Output.`;
    }
    for (const h of record.hosts) for (const st of h.steps.filter((x) => x.status === 'failed')) for (const l of stepLines(h.host, st)) out.appendLine(`altdisk: ${l}`);
    out.appendLine(`=== ${record.outcome === 'cancelled' ? 'interrupted' : `ansible-playbook exited ${end.code}`}: ${record.hosts.map((h) => `${h.host} ${h.status}`).join(', ') || 'no host ran'}`);
    s.store.changed(record);
    announce(record);
    return record;
  } finally {
    if (onlyPlay) fs.rmSync(onlyPlay, { force: true });
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

/** After an interrupted play: what each host was left in, from its facts (the runner reads them). */
async function reportStateAfterInterrupt(s: Services, record: RunRecord, target: Target): Promise<void> {
  for (const h of record.hosts.length ? record.hosts : [{ host: target.name } as RunRecord['hosts'][number]]) {
    try {
      const state = await s.runner.hostState(target.name === h.host ? target.spec : { name: h.host, vars: {} });
      if (!state) continue;
      const hr = record.hosts.find((x) => x.host === h.host);
      if (hr) {
        hr.state = state.summary;
        hr.next = state.next;
        hr.status = hr.status === 'failed' ? 'failed' : 'interrupted';
      }
      s.output.appendLine(`${h.host}: left in this state: ${state.summary}`);
      for (const n of state.next) s.output.appendLine(`${h.host}: next: ${n}`);
    } catch (e) {
      s.output.appendLine(`${h.host}: the state after the interrupt could not be read: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
}

function announce(record: RunRecord): void {
  const failed = record.hosts.filter((h) => h.status === 'failed' || h.status === 'unreachable');
  const what = `${record.check ? 'Check' : 'Run'} of ${record.title} on ${record.target}${record.twinOf ? ` (twin of ${record.twinOf})` : ''}`;
  if (record.outcome === 'cancelled') void vscode.window.showWarningMessage(`altdisk: ${what} was interrupted; the state left is in Run results.`);
  else if (failed.length || record.outcome === 'failed')
    void vscode.window.showErrorMessage(`altdisk: ${what} failed${failed.length ? ` on ${failed.map((h) => h.host).join(', ')}` : ''}.`, 'Show Results').then((c) => {
      if (c) void vscode.commands.executeCommand('altdisk.results.focus');
    });
  else void vscode.window.setStatusBarMessage(`altdisk: ${what}: ${record.hosts.map((h) => `${h.host} ${h.status}`).join(', ')}`, 10_000);
}
