// Which -o options altdisk adds to the user's ssh, decided from the configuration ssh itself
// resolves (`ssh -G`). OpenSSH keeps the FIRST value it gets for an option, command line first,
// so every option is given at most once, and never where the user chose something stricter:
//   BatchMode=yes           (a password or passphrase prompt is a failure, never a hang)
//   ServerAliveInterval=15  (only when the user has none: keep-alives for hour-long clones)
//   ConnectTimeout=N        (only when the user has none)
//   StrictHostKeyChecking=accept-new  (only when asked, and only over the default "ask")
//   ControlMaster/ControlPath/ControlPersist: altdisk's own master connection, in a private folder
// StrictHostKeyChecking=no is never given.

export type SshConfig = Map<string, string>;

/** `ssh -G` output: "key value" lines, keys in lower case. */
export function parseSshG(text: string): SshConfig {
  const out: SshConfig = new Map();
  for (const line of text.split('\n')) {
    const m = /^(\S+)\s+(.*)$/.exec(line.trim());
    if (!m) continue;
    const key = m[1]!.toLowerCase();
    // Multi-valued options (identityfile...) keep their first line: the one that applies first.
    if (!out.has(key)) out.set(key, m[2]!);
  }
  return out;
}

/** Option names (lower case) the user gave with -o in their own arguments. */
export function userOptionNames(args: readonly string[]): Set<string> {
  const out = new Set<string>();
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    let opt: string | undefined;
    if (a === '-o') opt = args[++i];
    else if (a.startsWith('-o')) opt = a.slice(2);
    if (opt) out.add(opt.split(/[=\s]/)[0]!.toLowerCase());
  }
  return out;
}

export interface OptionWishes {
  controlPath: string;
  /** How long the master stays after its last session (seconds): a safety net if altdisk dies. */
  controlPersistSeconds: number;
  connectTimeoutSeconds: number;
  serverAliveSeconds: number;
  acceptNewHostKeys: boolean;
}

export interface ChosenOptions {
  /** -o arguments, each option at most once. */
  args: string[];
  /** Set when --accept-new-host-keys was asked but the configuration is stricter. */
  strictHostKeysKept: string | null;
}

export function chooseOptions(effective: SshConfig, userArgs: readonly string[], wish: OptionWishes): ChosenOptions {
  const given = userOptionNames(userArgs);
  const out: string[] = [];
  const add = (name: string, value: string) => {
    if (given.has(name.toLowerCase())) return;
    out.push('-o', `${name}=${value}`);
  };
  if ((effective.get('batchmode') ?? 'no') !== 'yes') add('BatchMode', 'yes');
  if ((effective.get('serveraliveinterval') ?? '0') === '0') add('ServerAliveInterval', String(wish.serverAliveSeconds));
  if ((effective.get('connecttimeout') ?? 'none') === 'none') add('ConnectTimeout', String(wish.connectTimeoutSeconds));
  let kept: string | null = null;
  if (wish.acceptNewHostKeys) {
    const current = (effective.get('stricthostkeychecking') ?? 'ask').toLowerCase();
    if (current === 'ask') add('StrictHostKeyChecking', 'accept-new');
    else if (current === 'yes' || current === 'true') kept = current;
  }
  if (!given.has('controlmaster') && !given.has('controlpath')) {
    add('ControlMaster', 'auto');
    add('ControlPath', wish.controlPath);
    add('ControlPersist', String(wish.controlPersistSeconds));
  }
  return { args: out, strictHostKeysKept: kept };
}

/** Lines the ssh client itself writes (among a module's progress lines on the same stream). */
export const SSH_CLIENT_LINE = /^(ssh:|ssh_|Connection (to|closed|reset|timed)|client_loop|mux_client|Control socket|Timeout, server|Received disconnect|Disconnected from|Read from remote|packet_write|Broken pipe|kex_exchange|Host key|No \S+ host key|Permission denied|Warning:|@@@|Load key|Bad owner|percent_expand|channel \d+:)/;

/** OpenSSH's words for a failure, with what to do about it. */
export function explainSshFailure(stderr: string, ctx: { target: string; acceptNewAsked: boolean; strictKept: string | null; address: string; port: number | null }): string {
  const lines = stderr
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('@altdisk-runner@') && !/^Warning: Permanently added/.test(l));
  const words = lines.slice(-6).join(' ') || 'ssh ended without a message (exit 255: the connection failed or was lost)';
  const keyArg = ctx.port && ctx.port !== 22 ? `-p ${ctx.port} ${ctx.address}` : ctx.address;
  if (/REMOTE HOST IDENTIFICATION HAS CHANGED|Host key for .* has changed/.test(stderr)) {
    return `${words} -- the host key of ${ctx.target} is not the one recorded in known_hosts: this is a reinstalled host or an attack. Check the new fingerprint with the host's administrator, then remove the old key (ssh-keygen -R ${ctx.port && ctx.port !== 22 ? `'[${ctx.address}]:${ctx.port}'` : ctx.address}) and connect again.`;
  }
  if (/Host key verification failed|No \S+ host key is known|host key is not known/.test(stderr)) {
    if (ctx.strictKept) {
      return `${words} -- your SSH configuration sets StrictHostKeyChecking ${ctx.strictKept} for ${ctx.target}, and --accept-new-host-keys does not override a stricter setting: add the host key to known_hosts once you have checked its fingerprint (ssh-keyscan ${keyArg}).`;
    }
    return `${words} -- ${ctx.target}'s host key is not in known_hosts, and altdisk never asks: check its fingerprint with the host's administrator and add it (connect once with ssh, or ssh-keyscan ${keyArg} >> ~/.ssh/known_hosts), or run again with --accept-new-host-keys to accept and record a key seen for the first time.`;
  }
  if (/Permission denied|Too many authentication failures/.test(stderr)) {
    return `${words} -- altdisk never asks for a password or passphrase (BatchMode): load your key into ssh-agent, or set ansible_ssh_private_key_file (or IdentityFile in your SSH configuration).`;
  }
  return words;
}
