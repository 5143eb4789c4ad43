import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse } from 'yaml';
import { newHost, ROOT, tmpDir } from '../helpers/sim.js';
import { ansibleEnv, ansiblePython, COLLECTION, explain, MODULE_NAMES, recap, runCommand } from '../helpers/ansible.js';

// The collection altdisk.aix as `npm run build` writes it (dist/ansible_collections/altdisk/aix):
// its layout, how Ansible itself classifies the module files, ansible-doc for every module, the
// galaxy tarball, and the plain dist/modules bundles as WANT_JSON library modules.

const MODULES_DIR = path.join(COLLECTION, 'plugins', 'modules');
const JSONARGS_FOOTER = ['function __ansible_args(){', '//<<INCLUDE_ANSIBLE_MODULE_JSON_ARGS>>', '}'];
const JSONARGS_TOKEN = '<<INCLUDE_ANSIBLE_MODULE_JSON_ARGS>>';
/** What else makes Ansible treat a file specially (module_common.py, reference section 1 and pitfall 14). */
const OTHER_MARKERS = [
  'WANT_JSON',
  '<<INCLUDE_ANSIBLE_MODULE_COMMON>>',
  'from ansible.module_utils',
  'import ansible_collections.',
  'POWERSHELL_COMMON',
  '#Requires -Module',
  '#Requires -Version',
  '#AnsibleRequires',
  '<<ANSIBLE_VERSION>>',
  '<<INCLUDE_ANSIBLE_MODULE_COMPLEX_ARGS>>',
  '<<SELINUX_SPECIAL_FILESYSTEMS>>',
  'syslog.LOG_USER',
];

function count(text: string, needle: string): number {
  return text.split(needle).length - 1;
}

interface Classified {
  path: string;
  style: string;
  shebang: string | null;
  embedded: boolean;
  last_lines: string[];
  data?: string;
}

async function classify(files: string[], withData = false): Promise<Classified[]> {
  const r = await runCommand(ansiblePython(), [path.join(ROOT, 'test/ansible/fixtures/module_style.py'), ...(withData ? ['--data'] : []), ...files]);
  assert.equal(r.rc, 0, explain(r));
  return r.stdout.trim().split('\n').map((l) => JSON.parse(l) as Classified);
}

test('the collection: galaxy.yml, meta/runtime.yml, README, and per module one #!/usr/bin/node bundle with the JSONARGS footer and one sidecar doc', () => {
  const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string };
  const galaxy = parse(fs.readFileSync(path.join(COLLECTION, 'galaxy.yml'), 'utf8')) as Record<string, unknown>;
  assert.equal(galaxy.namespace, 'altdisk');
  assert.equal(galaxy.name, 'aix');
  assert.equal(galaxy.version, pkg.version);
  assert.equal(galaxy.readme, 'README.md');
  const runtime = parse(fs.readFileSync(path.join(COLLECTION, 'meta/runtime.yml'), 'utf8')) as { requires_ansible: string; action_groups: Record<string, string[]> };
  assert.equal(runtime.requires_ansible, '>=2.14.0');
  assert.deepEqual([...runtime.action_groups.altdisk!].sort(), [...MODULE_NAMES]);
  const readme = fs.readFileSync(path.join(COLLECTION, 'README.md'), 'utf8');
  assert.ok(!readme.includes('@MODULES@') && !readme.includes('@VERSION@'), 'README placeholders left');

  assert.deepEqual(fs.readdirSync(MODULES_DIR).sort(), MODULE_NAMES.flatMap((m) => [`${m}.js`, `${m}.yml`]).sort());
  for (const m of MODULE_NAMES) {
    const file = path.join(MODULES_DIR, `${m}.js`);
    const lines = fs.readFileSync(file, 'utf8').trimEnd().split('\n');
    assert.equal(lines[0], '#!/usr/bin/node', `${m}.js: first line`);
    assert.deepEqual(lines.slice(-3), JSONARGS_FOOTER, `${m}.js: footer`);
    assert.equal(fs.statSync(file).mode & 0o111, 0o111, `${m}.js is not executable`);
    const doc = parse(fs.readFileSync(path.join(MODULES_DIR, `${m}.yml`), 'utf8')) as { DOCUMENTATION: { module: string } };
    assert.equal(doc.DOCUMENTATION.module, m);
  }
});

test('Ansible classifies the collection bundles (shebang, WANT_JSON, JSONARGS footer) as JSONARGS ("new") modules and the dist/modules bundles as WANT_JSON; no other Ansible marker', async () => {
  const collection = MODULE_NAMES.map((m) => path.join(MODULES_DIR, `${m}.js`));
  const plain = MODULE_NAMES.map((m) => path.join(ROOT, 'dist/modules', `${m}.js`));
  const results = await classify([...collection, ...plain]);
  for (const r of results.slice(0, collection.length)) {
    assert.equal(r.style, 'new', `${r.path}: ${JSON.stringify(r)}`);
    assert.equal(r.shebang, '#!/usr/bin/node', r.path);
    assert.ok(r.embedded, `${r.path}: the arguments were not embedded`);
    assert.deepEqual(r.last_lines, ['function __ansible_args(){', '//{"probe_option": "probe-value-\\u2028"}', '}'], r.path);
    const text = fs.readFileSync(r.path, 'utf8');
    assert.equal(text.split('\n')[1], '// WANT_JSON', r.path);
    assert.equal(count(text, 'WANT_JSON'), 1, r.path);
    assert.equal(count(text, JSONARGS_TOKEN), 1, `${r.path}: the JSONARGS token must be in the footer only`);
    for (const marker of OTHER_MARKERS.slice(1)) assert.equal(count(text, marker), 0, `${r.path} contains ${marker}`);
  }
  for (const r of results.slice(collection.length)) {
    assert.equal(r.style, 'non_native_want_json', `${r.path}: ${JSON.stringify(r)}`);
    assert.equal(r.shebang, '#!/usr/bin/env node', r.path);
    const text = fs.readFileSync(r.path, 'utf8');
    assert.equal(text.split('\n')[1], '// WANT_JSON', r.path);
    assert.equal(count(text, 'WANT_JSON'), 1, r.path);
    for (const marker of [JSONARGS_TOKEN, ...OTHER_MARKERS.slice(1)]) assert.equal(count(text, marker), 0, `${r.path} contains ${marker}`);
  }
});

test('a bundle as Ansible fills it in for pipelining runs from standard input and reads the embedded arguments', async () => {
  const host = newHost();
  try {
    const [filled] = await classify([path.join(MODULES_DIR, 'facts.js')], true);
    assert.ok(filled?.data);
    // What Ansible pipes into node over SSH: the probe option arrives, and the module refuses it by name.
    const r = await runCommand(process.execPath, [], { input: filled.data, env: { ...process.env, ALTDISK_SIM_HOST: host.dir } });
    const result = JSON.parse(r.stdout) as { failed: boolean; msg: string };
    assert.equal(result.failed, true, r.stdout);
    assert.match(result.msg, /unsupported option "probe_option"/);
  } finally {
    host.cleanup();
  }
});

test('ansible-doc lists every module and shows its options, examples and return values (from the sidecar docs)', async (t) => {
  const scratch = tmpDir('altdisk-doc-');
  t.after(() => fs.rmSync(scratch, { recursive: true, force: true }));
  const env = ansibleEnv(scratch, { ANSIBLE_COLLECTIONS_PATH: path.join(ROOT, 'dist') });
  const list = await runCommand('ansible-doc', ['-t', 'module', '-l', 'altdisk.aix'], { env });
  assert.equal(list.rc, 0, explain(list));
  for (const m of MODULE_NAMES) assert.match(list.stdout, new RegExp(`^altdisk\\.aix\\.${m} +[A-Z]`, 'm'), `ansible-doc -l: ${m}\n${list.stdout}`);
  assert.doesNotMatch(list.stdout, /UNDOCUMENTED/);

  const names = MODULE_NAMES.map((m) => `altdisk.aix.${m}`);
  const json = await runCommand('ansible-doc', ['-t', 'module', '-j', ...names], { env });
  assert.equal(json.rc, 0, explain(json));
  const docs = JSON.parse(json.stdout) as Record<string, { doc: { options?: Record<string, unknown>; short_description: string }; examples: string; return: Record<string, unknown> }>;
  const text = await runCommand('ansible-doc', ['-t', 'module', ...names], { env });
  assert.equal(text.rc, 0, explain(text));
  const pages = text.stdout.split(/^(?=> ALTDISK\.AIX\.)/m).filter((p) => p.startsWith('> '));
  assert.equal(pages.length, MODULE_NAMES.length, text.stdout.slice(0, 2000));

  for (const m of MODULE_NAMES) {
    const sidecar = parse(fs.readFileSync(path.join(MODULES_DIR, `${m}.yml`), 'utf8')) as {
      DOCUMENTATION: { options: Record<string, { required?: boolean }>; short_description: string };
      EXAMPLES: string;
      RETURN: Record<string, unknown>;
    };
    const d = docs[`altdisk.aix.${m}`];
    assert.ok(d, `ansible-doc -j has no altdisk.aix.${m}`);
    assert.deepEqual(Object.keys(d.doc.options ?? {}).sort(), Object.keys(sidecar.DOCUMENTATION.options).sort(), `${m}: options`);
    assert.equal(d.doc.short_description, sidecar.DOCUMENTATION.short_description);
    assert.equal(d.examples.trim(), sidecar.EXAMPLES.trim(), `${m}: examples`);
    assert.deepEqual(Object.keys(d.return).sort(), Object.keys(sidecar.RETURN).sort(), `${m}: return values`);
    assert.ok(Object.keys(d.return).length > 0, `${m} documents no return value`);

    const page = pages.find((p) => p.startsWith(`> ALTDISK.AIX.${m.toUpperCase()} `));
    assert.ok(page, `no ansible-doc page for ${m}`);
    assert.match(page, /\(.*\/plugins\/modules\/[a-z_]+\.yml\)/, `${m}: the page does not come from the sidecar`);
    assert.match(page, /^EXAMPLES:$/m);
    assert.match(page, /^RETURN VALUES:$/m);
    assert.ok(page.includes(`altdisk.aix.${m}:`), `${m}: the examples do not use the module`);
    const options = Object.entries(sidecar.DOCUMENTATION.options);
    if (options.length > 0) assert.match(page, /^OPTIONS \(= is mandatory\):$/m);
    for (const [name, o] of options) assert.match(page, new RegExp(`^${o.required ? '=' : '-'} ${name}$`, 'm'), `${m}: option ${name}`);
    for (const name of Object.keys(sidecar.RETURN)) assert.match(page, new RegExp(`^- ${name}$`, 'm'), `${m}: return value ${name}`);
  }
});

test('ansible-galaxy builds the collection tarball, installs it, and the installed collection documents and runs its modules', async () => {
  const dir = tmpDir('altdisk-galaxy-');
  const host = newHost();
  try {
    const env = ansibleEnv(dir);
    const build = await runCommand('ansible-galaxy', ['collection', 'build', COLLECTION, '--output-path', dir], { env });
    assert.equal(build.rc, 0, explain(build));
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string };
    const tarball = path.join(dir, `altdisk-aix-${pkg.version}.tar.gz`);
    assert.ok(fs.existsSync(tarball), build.stdout);
    const listing = await runCommand('tar', ['-tzf', tarball]);
    const files = listing.stdout.trim().split('\n');
    for (const m of MODULE_NAMES) {
      assert.ok(files.includes(`plugins/modules/${m}.js`), `${m}.js not in the tarball`);
      assert.ok(files.includes(`plugins/modules/${m}.yml`), `${m}.yml not in the tarball`);
    }
    for (const f of ['MANIFEST.json', 'FILES.json', 'README.md', 'meta/runtime.yml']) assert.ok(files.includes(f), `${f} not in the tarball`);

    const installed = path.join(dir, 'installed');
    const install = await runCommand('ansible-galaxy', ['collection', 'install', tarball, '-p', installed], { env });
    assert.equal(install.rc, 0, explain(install));
    assert.match(install.stdout, /altdisk\.aix:\S+ was installed successfully/);

    const withInstalled = ansibleEnv(dir, { ANSIBLE_COLLECTIONS_PATH: installed, ALTDISK_SIM_HOST: host.dir });
    const doc = await runCommand('ansible-doc', ['-t', 'module', 'altdisk.aix.clone'], { env: withInstalled });
    assert.equal(doc.rc, 0, explain(doc));
    assert.ok(doc.stdout.includes(path.join(installed, 'ansible_collections/altdisk/aix/plugins/modules/clone.yml')), doc.stdout.slice(0, 300));

    // Ad hoc, on this machine: the local connection passes ALTDISK_SIM_HOST on to the module.
    const adhoc = await runCommand(
      'ansible',
      ['localhost', '-i', 'localhost,', '-c', 'local', '-m', 'altdisk.aix.facts', '-e', `ansible_node_interpreter=${process.execPath}`, '-e', 'ansible_python_interpreter=auto_silent'],
      { env: withInstalled },
    );
    assert.equal(adhoc.rc, 0, explain(adhoc));
    assert.match(adhoc.stdout, /^localhost \| SUCCESS => \{/m, explain(adhoc));
    assert.match(adhoc.stdout, /"sp": "7300-02-01-2346"/);
  } finally {
    host.cleanup();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('a dist/modules bundle is a WANT_JSON library module: Ansible copies it with an arguments file and runs it with that file', async () => {
  const dir = tmpDir('altdisk-library-');
  const host = newHost();
  try {
    fs.mkdirSync(path.join(dir, 'library'));
    fs.copyFileSync(path.join(ROOT, 'dist/modules/facts.js'), path.join(dir, 'library/altdisk_facts.js'));
    fs.writeFileSync(
      path.join(dir, 'play.yml'),
      [
        '- name: A plain bundle as a library module',
        '  hosts: localhost',
        '  connection: local',
        '  gather_facts: false',
        '  environment:',
        `    ALTDISK_SIM_HOST: ${host.dir}`,
        '  tasks:',
        '    - name: Gather the alternate-disk facts',
        '      altdisk_facts:',
        '    - name: Show the level',
        '      ansible.builtin.debug:',
        '        msg: "level={{ ansible_facts.altdisk.oslevel.sp }}"',
        '',
      ].join('\n'),
    );
    const r = await runCommand('ansible-playbook', ['-i', 'localhost,', '-e', 'ansible_python_interpreter=auto_silent', 'play.yml', '-vvv'], {
      env: ansibleEnv(dir),
      cwd: dir,
    });
    assert.equal(r.rc, 0, explain(r));
    assert.equal(recap(r.stdout).localhost?.failed, 0, explain(r));
    assert.match(r.stdout, /"msg": "level=7300-02-01-2346"/);
    // The module and its JSON arguments file are put on the host, then run as <interpreter> <module> <args file>.
    assert.match(r.stdout, /PUT \S+ TO (\S+)\/AnsiballZ_altdisk_facts\.js/);
    assert.match(r.stdout, /PUT \S+ TO \S+\/args\b/);
    assert.match(r.stdout, /EXEC \/bin\/sh -c 'ALTDISK_SIM_HOST=\S+ \/usr\/bin\/env node \S+\/AnsiballZ_altdisk_facts\.js \S+\/args && sleep 0'/);
  } finally {
    host.cleanup();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
