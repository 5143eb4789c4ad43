/// <reference types="mocha" />
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { RunRecord } from '../../../extension/src/runs/model.js';
import { api, open, simHost, waitFor, ws } from './util.js';

// CodeLens on plays and altdisk tasks, and the runs they start on a simulated host: the transcript
// of the Output channel (through the test hook) and the result in the Run results view.

async function lenses(uri: vscode.Uri): Promise<vscode.CodeLens[]> {
  return (await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri, 100)) ?? [];
}

suite('CodeLens and runs', () => {
  test('Run and Check on the play; Run task, Check task and Preview commands on each altdisk task', async () => {
    const editor = await open('clone-playbook.yml');
    const all = await waitFor('CodeLens', async () => {
      const l = await lenses(editor.document.uri);
      return l.length > 0 && l;
    });
    const at = (line: number): string[] => all.filter((l) => l.range.start.line === line).map((l) => l.command?.title ?? '');
    assert.deepEqual(at(2), ['$(play) Run', 'Check']);
    assert.deepEqual(at(6), ['$(play) Run task', 'Check task', 'Preview commands']);
    assert.deepEqual(at(10), ['$(play) Run task', 'Check task', 'Preview commands']);
    assert.deepEqual(at(15), [], 'no lens on a command task');
    assert.deepEqual(at(18), ['$(play) Run task', 'Check task', 'Preview commands']);
  });

  test('Check on the play through ansible-playbook: PLAY RECAP, per-host results, the failure linked to its task', async () => {
    const a = await api();
    const host = await simHost();
    const editor = await open('clone-playbook.yml');
    const lens = (await lenses(editor.document.uri)).find((l) => l.range.start.line === 2 && l.command?.command === 'altdisk.checkPlay');
    assert.ok(lens?.command);
    const startIndex = a.transcript().length;
    await vscode.commands.executeCommand(lens.command.command, ...(lens.command.arguments ?? []));
    const transcript = a.transcript().slice(startIndex);
    assert.ok(transcript.some((l) => l.startsWith('PLAY RECAP')), transcript.join('\n'));
    const run = a.runs()[0]!;
    assert.equal(run.kind, 'play');
    assert.equal(run.check, true);
    const h = run.hosts.find((x) => x.host === host);
    assert.ok(h, `a result for ${host}: ${JSON.stringify(run.hosts)}`);
    assert.equal(h.status, 'failed', 'the bootlist task with the misspelt option fails');
    const failed = h.steps.find((s) => s.status === 'failed');
    assert.equal(failed?.task, 'Point the boot list at the clone');
    assert.equal(failed?.location?.line, 18, 'the failure links to its task');
    const clone = h.steps.find((s) => s.task === 'Clone rootvg to hdisk1');
    assert.equal(clone?.status, 'changed');
    assert.ok(clone?.commands.some((c) => c.join(' ') === '/usr/sbin/alt_disk_copy -d hdisk1'));
    await vscode.commands.executeCommand('altdisk.revealTask', failed!.location!.uri, failed!.location!.line);
    assert.equal(vscode.window.activeTextEditor?.selection.active.line, 18);
  });
  test('Run task on a simulated host: AIX progress streams into the Output, the result lands in Run results', async () => {
    const a = await api();
    const host = await simHost();
    const editor = await open('clone-playbook.yml');
    const lens = (await lenses(editor.document.uri)).find((l) => l.range.start.line === 6 && l.command?.command === 'altdisk.runTask');
    assert.ok(lens?.command);
    const seen: string[] = [];
    const sub = a.onTranscriptLine((l) => seen.push(l));
    const startIndex = a.transcript().length;
    await vscode.commands.executeCommand(lens.command.command, ...(lens.command.arguments ?? []));
    sub.dispose();
    const transcript = a.transcript().slice(startIndex);
    assert.deepEqual(seen, transcript, 'the hook saw every line as it was written');
    assert.ok(transcript.some((l) => l.startsWith(`${host} | `)), `AIX progress lines of ${host}:\n${transcript.join('\n')}`);
    assert.ok(transcript.some((l) => l === `${host}: changed => ${a.runs()[0]?.hosts[0]?.steps[0]?.msg}`), transcript.join('\n'));
    assert.ok(transcript.some((l) => /\$ \/usr\/sbin\/alt_disk_copy -d hdisk1/.test(l)), 'the AIX command line');
    const run = a.runs()[0]!;
    assert.equal(run.kind, 'task');
    assert.equal(run.outcome, 'done');
    assert.equal(run.hosts[0]?.status, 'changed');
    assert.equal(run.hosts[0]?.steps[0]?.location?.line, 6, 'the step links back to its task');
    const rows = a.resultsSnapshot();
    assert.ok(rows.some((r) => r.startsWith(`  ${host} [changed`)), rows.join('\n'));
    assert.ok(rows.some((r) => r.includes('/usr/sbin/alt_disk_copy -d hdisk1')), rows.join('\n'));
  });


  test('Rehearse on a twin: a simulated copy of an inventory host runs the task first; the host is untouched', async () => {
    const a = await api();
    const editor = await open('clone-playbook.yml');
    const inventory = fs.readFileSync(ws('inventory.yml').fsPath, 'utf8');
    const aix01 = /altdisk_sim_dir: (.*)/.exec(inventory)![1]!.trim();
    const before = fs.readFileSync(path.join(aix01, 'state.json'), 'utf8');
    const record = await vscode.commands.executeCommand<RunRecord | undefined>('altdisk.rehearseOnTwin', editor.document.uri, 6, { host: 'aix01' });
    assert.ok(record, 'a run record');
    assert.equal(record.twinOf, 'aix01');
    assert.equal(record.hosts[0]?.status, 'changed');
    assert.equal(record.note, 'Rehearsal on the twin of aix01: it would have been changed on aix01.');
    assert.equal(fs.readFileSync(path.join(aix01, 'state.json'), 'utf8'), before, 'the real host is untouched');
    assert.match(a.pickedHost() ?? '', /^(sim|twin):/);
    assert.ok(a.transcript().some((l) => l.startsWith('altdisk: twin of aix01 built in ')));
  });
});
