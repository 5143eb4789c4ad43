// Small long-option parser for the aixsim subcommands: --name value, --name=value, --flag, repeated options.

export interface CliArgs {
  positional: string[];
  options: Map<string, string[]>;
}

export function parseCli(argv: string[], booleans: string[] = []): CliArgs {
  const positional: string[] = [];
  const options = new Map<string, string[]>();
  const add = (k: string, v: string) => options.set(k, [...(options.get(k) ?? []), v]);
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (!a.startsWith('--')) {
      positional.push(a);
      continue;
    }
    const eq = a.indexOf('=');
    if (eq > 0) {
      add(a.slice(2, eq), a.slice(eq + 1));
      continue;
    }
    const key = a.slice(2);
    if (booleans.includes(key)) {
      add(key, 'true');
      continue;
    }
    const v = argv[i + 1];
    if (v === undefined) throw new Error(`aixsim: --${key} needs a value`);
    add(key, v);
    i++;
  }
  return { positional, options };
}

export function opt(a: CliArgs, key: string): string | undefined {
  const v = a.options.get(key);
  return v ? v[v.length - 1] : undefined;
}

export function optAll(a: CliArgs, key: string): string[] {
  return a.options.get(key) ?? [];
}

export function flag(a: CliArgs, key: string): boolean {
  return a.options.has(key);
}

export function checkKnown(a: CliArgs, known: string[], sub: string): void {
  for (const k of a.options.keys()) {
    if (!known.includes(k)) throw new Error(`aixsim ${sub}: unknown option --${k} (known: ${known.map((x) => '--' + x).join(', ')})`);
  }
}
