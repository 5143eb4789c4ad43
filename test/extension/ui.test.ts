import { after, afterEach, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { ROOT } from '../helpers/sim.js';
import { openWorkbench, type Workbench } from './harness/browser.js';
import { startCodeServer, type CodeServer } from './harness/code-server.js';
import { makeWorkspace, packStandin } from './harness/workspace.js';

// What a person sees, in a real VS Code (code-server 4.139 in Debian's Chromium, driven by
// playwright-core), with the extension installed from the .vsix that `npm run package` makes and the
// stand-in for Red Hat's Ansible extension beside it (playbooks are `ansible` documents): the collection
// notification and its fix, the squiggle, the Problems row, the hover with both extensions' content and
// the AIX command preview, a CodeLens click streaming into the Output panel, the Run results view.
// Screenshots land in dist/screenshots/ (README shows one: docs/images/).

const SHOTS = path.join(ROOT, 'dist/screenshots');
const HOST = 'lpar-sim';

let server: CodeServer;
let wb: Workbench;
let page: Page;
let workspace: string;

async function shot(name: string): Promise<void> {
  fs.mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`) });
}

async function command(title: string): Promise<void> {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible' });
  await input.fill(`>${title}`);
  await page.locator('.quick-input-widget .monaco-list-row', { hasText: title }).first().waitFor({ timeout: 15_000 });
  await page.keyboard.press('Enter');
}

/** Types into the open quick input and accepts the first row once a row shows `row` (an input box has none). */
async function quickInput(text: string, row?: string): Promise<void> {
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible' });
  await input.fill(text);
  if (row) await page.locator('.quick-input-widget .monaco-list-row', { hasText: row }).first().waitFor({ timeout: 15_000 });
  await page.keyboard.press('Enter');
}

/** Moves the mouse to the centre of an element (a plain hover is intercepted by .view-lines). */
async function pointAt(target: Locator): Promise<void> {
  const box = await target.boundingBox();
  assert.ok(box, 'the element is on screen');
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
}

/** The token of the editor whose text is `text` (on the line that contains `lineText`). */
function token(lineText: string, text: string): Locator {
  return page.locator('.part.editor .monaco-editor .view-line', { hasText: lineText }).locator('span span', { hasText: text }).first();
}

/** Hovers over `target` (again, every few seconds, as a person would) until a hover shows `text`. */
async function hoverUntil(target: Locator, text: string | RegExp, timeoutMs: number): Promise<Locator> {
  const hover = page.locator('.monaco-hover:visible', { hasText: text });
  const end = Date.now() + timeoutMs;
  while (true) {
    await page.mouse.move(5, 300);
    await pointAt(target);
    try {
      await hover.first().waitFor({ timeout: 4000 });
      return hover.first();
    } catch (e) {
      if (Date.now() > end) throw e;
    }
  }
}

/** Opens the altdisk view container (Run results) unless it is open. */
async function showResults(): Promise<void> {
  const title = page.locator('.part.sidebar .composite.title', { hasText: /altdisk/i });
  if (await title.isVisible()) return;
  await page.locator('.activitybar .action-item a[aria-label^="altdisk"]').click();
  await title.waitFor({ timeout: 10_000 });
}

async function outputText(): Promise<string> {
  const lines = page.locator('.output-view .view-lines').first();
  return (await lines.isVisible()) ? (await lines.innerText()).replace(/\u00a0/g, ' ') : '';
}

/** Waits until the Output panel shows `text` (its visible lines: the panel follows the end). */
async function waitForOutput(text: string, timeoutMs: number): Promise<string> {
  const end = Date.now() + timeoutMs;
  while (true) {
    const out = await outputText();
    if (out.includes(text)) return out;
    if (Date.now() > end) throw new Error(`the Output panel did not show "${text}" within ${timeoutMs} ms; it shows:\n${out}`);
    await page.waitForTimeout(100);
  }
}

before(async () => {
  execFileSync(process.execPath, [path.join(ROOT, 'scripts/package-extension.mjs'), '--no-build', '--quiet'], { stdio: 'inherit' });
  const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'extension/package.json'), 'utf8')) as { name: string; version: string };
  const vsix = path.join(ROOT, 'dist', `${manifest.name}-${manifest.version}.vsix`);
  workspace = makeWorkspace();
  const standin = packStandin();
  try {
    server = await startCodeServer({ vsix: [vsix, standin], trust: true, settings: { 'workbench.colorTheme': 'Default Dark Modern' } });
  } finally {
    // Installed (copied into the extensions folder) or failed: the package is not needed any more.
    fs.rmSync(path.dirname(standin), { recursive: true, force: true });
  }
  const installed = fs.readdirSync(server.extensionsDir);
  assert.ok(installed.some((d) => d.startsWith('altdisk.altdisk-')), `the .vsix is installed: ${installed.join(', ')}`);
  wb = await openWorkbench(server, { folder: workspace, viewport: { width: 1500, height: 950 } });
  page = wb.page;
  await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
});

// A picture of the workbench after every test: what went wrong is seen at once.
let step = 0;
afterEach(async () => {
  step++;
  await page?.screenshot({ path: path.join(SHOTS, `after-${String(step).padStart(2, '0')}.png`) }).catch(() => undefined);
});

after(async () => {
  await wb?.close();
  await server?.stop();
  if (workspace) fs.rmSync(path.dirname(workspace), { recursive: true, force: true });
});

describe('the installed .vsix in VS Code', { timeout: 300_000 }, () => {
  test('an untrusted workspace: diagnostics, previews, but no run', async () => {
    await page.locator('.statusbar-item', { hasText: 'Restricted Mode' }).waitFor({ timeout: 60_000 });
    await page.keyboard.press('Control+P');
    await quickInput('clone-playbook.yml', 'clone-playbook.yml');
    await page.locator('.part.editor .squiggly-error').first().waitFor({ timeout: 60_000 });
    await page.locator('.part.editor .codelens-decoration a', { hasText: 'Preview commands' }).first().waitFor({ timeout: 30_000 });
    assert.equal(await page.locator('.part.editor .codelens-decoration a', { hasText: /Run|Check/ }).count(), 0, 'no Run or Check lens');
    // The run commands are disabled (enablement isWorkspaceTrusted): the palette does not offer them.
    await page.keyboard.press('F1');
    await page.locator('.quick-input-widget input').fill('>altdisk: ');
    await page.locator('.quick-input-widget .monaco-list-row', { hasText: 'Preview AIX commands' }).first().waitFor({ timeout: 15_000 });
    const offered = await page.locator('.quick-input-widget .monaco-list-row').allInnerTexts();
    assert.ok(!offered.some((t) => /Run play|Check play|Rehearse/.test(t)), `no run command offered: ${offered.join(' | ')}`);
    await shot('00-untrusted');
    await page.keyboard.press('Escape');
    await command('Workspaces: Manage Workspace Trust');
    await page.getByRole('button', { name: /^Trust$/ }).first().click({ timeout: 15_000 });
    await page.locator('.part.editor .codelens-decoration a', { hasText: 'Run task' }).first().waitFor({ timeout: 30_000 });
    await page.keyboard.press('Control+W');
  });

  test('a playbook opens as ansible beside the stand-in; squiggles appear', async () => {
    await page.keyboard.press('Control+P');
    await quickInput('clone-playbook.yml', 'clone-playbook.yml');
    await page.locator('.part.editor .monaco-editor .view-line', { hasText: 'exportvg altinst_rootvg' }).waitFor({ timeout: 30_000 });
    await page.locator('.part.editor .squiggly-error').first().waitFor({ timeout: 60_000 });
    assert.equal((await page.locator('[id="status.editor.mode"]').innerText()).trim(), 'Ansible');
    await page.locator('.part.editor .squiggly-warning').first().waitFor({ timeout: 10_000 });
    await shot('01-squiggles');
  });

  test('the collection notification installs altdisk.aix beside the playbook', async () => {
    // Shown as a toast, or (when it came while another popup was open) in the notification centre.
    const toast = page.locator('.notifications-toasts .notification-toast', { hasText: 'altdisk.aix' });
    if (!(await toast.isVisible())) await page.locator('[id="status.notifications"]').click();
    const notification = page.locator('.notifications-toasts .notification-toast, .notifications-center .monaco-list-row', { hasText: 'altdisk.aix' }).first();
    await notification.waitFor({ timeout: 30_000 });
    await shot('02-collection-notification');
    await notification.getByRole('button', { name: 'Install beside the playbook' }).click();
    const installed = path.join(workspace, 'collections/ansible_collections/altdisk/aix/plugins/modules/clone.js');
    for (let i = 0; i < 100 && !fs.existsSync(installed); i++) await page.waitForTimeout(100);
    assert.ok(fs.existsSync(installed), 'the collection is beside the playbook');
    if (await page.locator('.notifications-center').isVisible()) await page.locator('[id="status.notifications"]').click();
  });

  test('the Problems panel lists the hazards with their codes and lines', async () => {
    await page.keyboard.press('Control+Shift+M');
    const row = page.locator('.markers-panel .monaco-list-row', { hasText: 'ALTDISK001' });
    await row.waitFor({ timeout: 15_000 });
    const text = await row.innerText();
    assert.match(text, /exportvg altinst_rootvg/);
    assert.match(text, /Ln 17, Col 32/);
    assert.ok(await page.locator('.markers-panel .monaco-list-row', { hasText: 'ALTDISK006' }).count());
    await shot('02-problems-panel');
  });

  test('hover on the hazard: the finding and its quick fix', async () => {
    const hover = await hoverUntil(page.locator('.part.editor .squiggly-error').first(), 'Quick Fix', 30_000);
    assert.match(await hover.innerText(), /ALTDISK001/);
    await page.mouse.move(5, 300);
  });

  test('a simulated host is created and picked from the command palette; the hover previews the AIX commands', async () => {
    await command('altdisk: Create a simulated AIX host');
    await quickInput(HOST);
    await quickInput('aix73', 'aix73');
    await page.locator('.statusbar-item', { hasText: HOST }).waitFor({ timeout: 60_000 });
    // The Problems panel gives the editor its room back for the picture.
    await page.keyboard.press('Control+J');
    const hover = await hoverUntil(token('- name: Clone rootvg to hdisk1', 'Clone rootvg to hdisk1'), 'alt_disk_copy -d hdisk1', 90_000);
    assert.match(await hover.innerText(), new RegExp(`On ${HOST}`));
    await shot('03-hover-command-preview');
    const module = await hoverUntil(token('altdisk.aix.clone:', 'altdisk.aix.clone'), 'alt_disk_copy -d hdisk1', 30_000);
    assert.match(await module.innerText(), /Clone the running rootvg/);
    await page.mouse.move(5, 300);
  });

  test('the stand-in\'s own hover still works beside altdisk (coexistence)', async () => {
    await hoverUntil(token('hosts: aix', 'hosts'), 'Ansible stand-in', 20_000);
    await page.mouse.move(5, 300);
  });

  test('CodeLens "Run task" streams the AIX progress into the Output panel and fills Run results', async () => {
    const lens = page.locator('.part.editor .codelens-decoration a', { hasText: 'Run task' }).first();
    await lens.waitFor({ timeout: 15_000 });
    await lens.click();
    await page.locator('.output-view').waitFor({ timeout: 15_000 });
    await waitForOutput(`${HOST} | `, 60_000);
    const out = await waitForOutput('RECAP', 120_000);
    assert.match(out, new RegExp(`${HOST}\\s+: changed`));
    assert.match(out, /\$ \/usr\/sbin\/alt_disk_copy -d hdisk1/);
    await shot('04-run-task-output');
    await showResults();
    await page.locator('.part.sidebar .monaco-list-row', { hasText: new RegExp(`^${HOST}\\s*changed`) }).first().waitFor({ timeout: 15_000 });
    await page.locator('.part.sidebar .monaco-list-row', { hasText: 'alt_disk_copy -d hdisk1' }).first().waitFor({ timeout: 15_000 });
    await shot('05-run-results');
  });

  test('CodeLens "Check" on the play runs ansible-playbook: PLAY RECAP in the Output, the failed task in Run results', async () => {
    const lens = page.locator('.part.editor .codelens-decoration a', { hasText: /^Check$/ }).first();
    await lens.click();
    await waitForOutput('PLAY RECAP', 180_000);
    await showResults();
    const failed = page.locator('.part.sidebar .monaco-list-row', { hasText: 'Point the boot list at the clone' });
    await failed.first().waitFor({ timeout: 15_000 });
    await failed.first().click();
    await page.locator('.part.editor .monaco-editor .current-line').first().waitFor();
    await shot('06-check-play-results');
  });

  test('the progress notification cancels a run: the work on the host stops and the state left is reported', async () => {
    // The same simulated host again, fresh and slow enough to be stopped in the middle of alt_disk_copy.
    const dir = path.join(server.runDir, 'ud/User/globalStorage/altdisk.altdisk/hosts', HOST);
    execFileSync(process.execPath, [path.join(ROOT, 'dist/simulator/aixsim.cjs'), 'init', dir, '--force', '--hostname', HOST, '--speed', '0.3'], { stdio: 'pipe' });
    const lens = page.locator('.part.editor .codelens-decoration a', { hasText: 'Run task' }).first();
    await lens.click();
    await waitForOutput(`${HOST} | Creating`, 60_000);
    // The progress notification, as a toast or in the notification centre.
    const toast = page.locator('.notifications-toasts .notification-toast', { hasText: 'running "Clone rootvg to hdisk1"' });
    if (!(await toast.isVisible())) await page.locator('[id="status.notifications"]').click();
    const progress = page.locator('.notifications-toasts .notification-toast, .notifications-center .monaco-list-row', { hasText: 'running "Clone rootvg to hdisk1"' }).first();
    await progress.waitFor({ timeout: 15_000 });
    await shot('07-run-progress');
    await progress.getByRole('button', { name: 'Cancel' }).first().click();
    const out = await waitForOutput('left in this state', 120_000);
    assert.match(out, new RegExp(`${HOST}: INTERRUPTED`));
    await showResults();
    await page.locator('.part.sidebar .monaco-list-row', { hasText: 'State left' }).first().waitFor({ timeout: 15_000 });
    await shot('08-cancelled-run');
  });
});
