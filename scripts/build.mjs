#!/usr/bin/env node
// Builds everything into dist/: the simulator bundle, the module bundles (with validators compiled
// ahead of time), the CLI, the Ansible collection and the compiled tests.
// Usage: node scripts/build.mjs [target ...]   (targets: specs simulator modules cli language collection tests;
// extension extension-tests; default all)
import * as esbuild from 'esbuild';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = path.join(root, 'dist');

const nodeBundle = {
  bundle: true,
  platform: 'node',
  target: 'node18',
  format: 'cjs',
  legalComments: 'none',
  logLevel: 'warning',
  absWorkingDir: root,
};

// In a CommonJS bundle, esbuild turns each `import * as fs from 'node:fs'` into a copy of all of fs's
// exports (__toESM), made again at every importing file when the bundle starts: milliseconds for the
// simulator's ~60 such imports, paid by every simulated command. The simulator's bundles take these
// namespace imports of Node built-ins as plain require() calls instead (one module object, no copy).
const builtinNamespacesAsRequire = {
  name: 'builtin-namespaces-as-require',
  setup(build) {
    build.onLoad({ filter: /[\\/]simulator[\\/]src[\\/].*\.ts$/ }, (args) => ({
      contents: fs.readFileSync(args.path, 'utf8').replace(/^import \* as (\w+) from '(node:[\w/]+)';$/gm, 'const $1 = require(\'$2\');'),
      loader: 'ts',
    }));
  },
};

async function simulator() {
  await esbuild.build({
    ...nodeBundle,
    plugins: [builtinNamespacesAsRequire],
    entryPoints: ['simulator/src/main.ts'],
    outfile: 'dist/simulator/aixsim.cjs',
    banner: { js: '#!/usr/bin/env node' },
  });
  fs.chmodSync(path.join(dist, 'simulator/aixsim.cjs'), 0o755);
  await simulatorCommands();
}

// dist/simulator/commands/<name>.cjs: one small executable per simulated command (only its own code
// to load, so it starts nearly as fast as `node -e 0`); `aixsim init` links <host>/bin/<name> to it.
async function simulatorCommands() {
  const out = path.join(dist, 'simulator/commands');
  fs.rmSync(out, { recursive: true, force: true });
  const entries = fs.readdirSync(path.join(root, 'simulator/src/entries')).filter((f) => f.endsWith('.ts'));
  await esbuild.build({
    ...nodeBundle,
    entryPoints: entries.map((f) => `simulator/src/entries/${f}`),
    plugins: [builtinNamespacesAsRequire],
    outdir: 'dist/simulator/commands',
    outExtension: { '.js': '.cjs' },
    banner: { js: '#!/usr/bin/env node' },
  });
  for (const f of fs.readdirSync(out)) fs.chmodSync(path.join(out, f), 0o755);
}

// Compiles the module specs into validators (modules/src/generated), JSON Schemas and sidecar docs (dist/).
async function specs() {
  await esbuild.build({
    ...nodeBundle,
    entryPoints: ['modules/src/schema/generate.ts'],
    outfile: 'dist/tools/generate.cjs',
    packages: 'external',
  });
  execFileSync(process.execPath, [path.join(dist, 'tools/generate.cjs'), path.join(root, 'modules/src/generated'), dist], { stdio: 'inherit' });
}

// The Ansible transports (reference ansible-node-modules.md): esbuild strips comments, so the markers
// go in through banner and footer. WANT_JSON: Ansible passes an args file; the JSONARGS footer lets
// Ansible embed the arguments and pipe the module into node over one SSH round trip (pipelining).
const WANT_JSON = '// WANT_JSON';
const JSONARGS_FOOTER = 'function __ansible_args(){\n//<<INCLUDE_ANSIBLE_MODULE_JSON_ARGS>>\n}';
const MODULE_ENTRIES = path.join(root, 'modules/src/modules');

function moduleNames() {
  if (!fs.existsSync(MODULE_ENTRIES)) return [];
  return fs.readdirSync(MODULE_ENTRIES).filter((f) => f.endsWith('.ts')).map((f) => f.slice(0, -3)).sort();
}

// dist/modules/<name>.js: self-contained executables for direct use (JSON on stdin, key=value words,
// or a WANT_JSON args file), what the CLI copies to a host and what the tests run.
async function modules() {
  // The sources are ESM ("type": "module" in package.json); the bundles are CommonJS files named .js
  // (what Ansible copies to a host), so dist/ says so for Node.
  fs.mkdirSync(dist, { recursive: true });
  fs.writeFileSync(path.join(dist, 'package.json'), '{ "type": "commonjs" }\n');
  for (const name of moduleNames()) {
    const outfile = `dist/modules/${name}.js`;
    await esbuild.build({
      ...nodeBundle,
      entryPoints: [`modules/src/modules/${name}.ts`],
      outfile,
      minify: true,
      banner: { js: `#!/usr/bin/env node\n${WANT_JSON}` },
    });
    fs.chmodSync(path.join(root, outfile), 0o755);
  }
}

function readPackage() {
  return JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
}

// dist/ansible_collections/altdisk/aix: the collection, with the same bundles under a #!/usr/bin/node
// shebang (so ansible_node_interpreter can choose the interpreter), the WANT_JSON marker, and the
// JSONARGS footer. Ansible looks for the JSONARGS token before WANT_JSON, so it classifies them as
// "new"-style modules, embeds the arguments and, with pipelining, pipes them into node in one SSH
// round trip; test/ansible/collection.test.ts asks Ansible itself how it classifies each file.
async function collection() {
  const top = path.join(dist, 'ansible_collections/altdisk/aix');
  fs.rmSync(top, { recursive: true, force: true });
  const mods = path.join(top, 'plugins/modules');
  fs.mkdirSync(mods, { recursive: true });
  const names = moduleNames();
  for (const name of names) {
    const lines = fs.readFileSync(path.join(dist, 'modules', `${name}.js`), 'utf8').split('\n');
    if (!lines[0].startsWith('#!') || lines[1] !== WANT_JSON) throw new Error(`build: dist/modules/${name}.js does not start with the shebang and ${WANT_JSON} banner`);
    const body = lines.slice(2).join('\n');
    const file = path.join(mods, `${name}.js`);
    fs.writeFileSync(file, `#!/usr/bin/node\n${WANT_JSON}\n${body.trimEnd()}\n${JSONARGS_FOOTER}\n`);
    fs.chmodSync(file, 0o755);
    fs.copyFileSync(path.join(dist, 'docs', `${name}.yml`), path.join(mods, `${name}.yml`));
  }
  const pkg = readPackage();
  const src = path.join(root, 'collection');
  for (const f of fs.readdirSync(src, { recursive: true })) {
    const from = path.join(src, String(f));
    const to = path.join(top, String(f));
    if (fs.statSync(from).isDirectory()) fs.mkdirSync(to, { recursive: true });
    else fs.writeFileSync(to, fs.readFileSync(from, 'utf8').replaceAll('@VERSION@', pkg.version).replaceAll('@MODULES@', names.join(', ')));
  }
  fs.mkdirSync(path.join(top, 'tests/sanity'), { recursive: true });
  // ansible-test's shebang check knows only Python and PowerShell modules.
  const ignores = names.flatMap((n) => [`plugins/modules/${n}.js shebang`]).join('\n') + '\n';
  for (const v of ['2.14', '2.15', '2.16', '2.17']) fs.writeFileSync(path.join(top, `tests/sanity/ignore-${v}.txt`), ignores);
}

function listTests(dir) {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return listTests(p);
    return e.name.endsWith('.test.ts') ? [p] : [];
  });
}

async function tests() {
  const entries = listTests(path.join(root, 'test'));
  fs.rmSync(path.join(dist, 'test'), { recursive: true, force: true });
  if (entries.length === 0) return;
  await esbuild.build({
    ...nodeBundle,
    format: 'esm',
    packages: 'external',
    entryPoints: entries,
    outdir: 'dist/test',
    outbase: 'test',
    outExtension: { '.js': '.mjs' },
    // Bundled test files keep Node's CommonJS globals available for code shared with the CJS bundles.
    banner: {
      js: "import { createRequire as __cr } from 'node:module'; import { fileURLToPath as __fu } from 'node:url'; const require = __cr(import.meta.url); const __filename = __fu(import.meta.url); const __dirname = __filename.slice(0, __filename.lastIndexOf('/'));",
    },
  });
}

// dist/cli/altdisk.cjs: the `altdisk` command, one self-contained bundle (bin/altdisk.cjs loads it).
async function cli() {
  await esbuild.build({
    ...nodeBundle,
    target: 'node20',
    entryPoints: ['cli/src/main.ts'],
    outfile: 'dist/cli/altdisk.cjs',
    banner: { js: '#!/usr/bin/env node' },
    define: { __ALTDISK_VERSION__: JSON.stringify(readPackage().version) },
  });
  fs.chmodSync(path.join(dist, 'cli/altdisk.cjs'), 0o755);
}

// dist/extension/: the VS Code extension folder exactly as it ships (scripts/package-extension.mjs
// makes the .vsix from it): the manifest and its media, one bundle with the language engine and the
// runner in it, the module bundles the runner sends to hosts, and the simulator for simulated hosts.
async function extension() {
  const out = path.join(dist, 'extension');
  fs.rmSync(out, { recursive: true, force: true });
  fs.mkdirSync(out, { recursive: true });
  await esbuild.build({
    ...nodeBundle,
    entryPoints: ['extension/src/extension.ts'],
    outfile: 'dist/extension/extension.cjs',
    external: ['vscode'],
    minify: true,
    define: { __ALTDISK_VERSION__: JSON.stringify(readPackage().version) },
  });
  for (const f of ['package.json', 'README.md', 'CHANGELOG.md', '.vscodeignore', 'media']) {
    fs.cpSync(path.join(root, 'extension', f), path.join(out, f), { recursive: true });
  }
  fs.copyFileSync(path.join(root, 'LICENSE'), path.join(out, 'LICENSE'));
  fs.cpSync(path.join(root, 'docs/hazards.md'), path.join(out, 'docs/hazards.md'));
  fs.cpSync(path.join(root, 'extension/ansible'), path.join(out, 'ansible'), { recursive: true });
  fs.cpSync(path.join(dist, 'modules'), path.join(out, 'modules'), { recursive: true });
  fs.cpSync(path.join(dist, 'simulator'), path.join(out, 'simulator'), { recursive: true });
  fs.cpSync(path.join(dist, 'ansible_collections'), path.join(out, 'ansible_collections'), { recursive: true });
}

// dist/extension-tests/: the suite that runs inside the VS Code extension host (mocha, one file per
// spec beside the index that loads them), kept out of dist/test where node --test looks.
async function extensionTests() {
  const dir = path.join(root, 'test/extension/host');
  fs.rmSync(path.join(dist, 'extension-tests'), { recursive: true, force: true });
  await esbuild.build({
    ...nodeBundle,
    entryPoints: fs.readdirSync(dir).filter((f) => f.endsWith('.ts')).map((f) => `test/extension/host/${f}`),
    outdir: 'dist/extension-tests',
    outExtension: { '.js': '.cjs' },
    external: ['vscode', 'mocha'],
  });
}

// dist/language/engine.mjs: the language engine alone, platform-neutral (no Node built-ins may creep
// in: it goes into the VS Code extension too), for the benchmark and for size checks.
async function language() {
  await esbuild.build({
    ...nodeBundle,
    platform: 'neutral',
    format: 'esm',
    mainFields: ['module', 'main'],
    minify: true,
    entryPoints: ['language/src/index.ts'],
    outfile: 'dist/language/engine.mjs',
  });
}

const TARGETS = { specs, simulator, modules, cli, language, collection, tests, extension, 'extension-tests': extensionTests };

const wanted = process.argv.slice(2);
for (const name of wanted.length ? wanted : Object.keys(TARGETS)) {
  const fn = TARGETS[name];
  if (!fn) {
    console.error(`build: unknown target ${name} (known: ${Object.keys(TARGETS).join(', ')})`);
    process.exit(2);
  }
  await fn();
}
