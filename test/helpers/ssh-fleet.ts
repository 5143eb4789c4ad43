import * as fs from 'node:fs';
import * as path from 'node:path';
import { aixsim, tmpDir } from './sim.js';
import { startSshd, type Sshd } from './sshd.js';

// Simulated AIX hosts behind one real sshd on 127.0.0.1, for the runner's and the CLI's SSH tests
// and the CLI benchmark: every host is 127.0.0.1 on the sshd's port with its own altdisk_env
// (ALTDISK_SIM_HOST), as an inventory gives it. The SSH sessions get a private HOME and TMPDIR
// (to prove nothing is left there), and a second port whose sessions have no Node.js on PATH.
// The client side is configured with an ssh -F file: key, known_hosts, nothing of ~/.ssh.

export interface SshFleet {
  sshd: Sshd;
  dir: string;
  /** HOME (and TMPDIR below it) of every SSH session. */
  home: string;
  /** ssh -F file: the client key, the known_hosts with the sshd's key, nothing else. */
  sshConfig: string;
  knownHosts: string;
  /** A port of the same sshd whose sessions have PATH=/nonexistent (no node). */
  noNodePort: number;
  hosts: string[];
  hostDir(name: string): string;
  /** An inventory file (YAML) of the given hosts, with per-host variables added. */
  inventory(hosts?: readonly string[], vars?: Record<string, Record<string, unknown>>, name?: string): string;
  /** The same as runner HostSpecs. */
  hostVars(name: string, extra?: Record<string, unknown>): Record<string, unknown>;
  /** The sshd's host key line for known_hosts, for [127.0.0.1]:port. */
  knownHostsLine(port: number): string;
  stop(): Promise<void>;
}

export interface SshFleetOptions {
  /** Host names: each gets a simulated AIX host; hosts named in `distinct` get their own `aixsim init`, the others copy the first. */
  hosts: string[];
  distinct?: Record<string, string[]>;
}


export async function startSshFleet(o: SshFleetOptions): Promise<SshFleet> {
  const dir = tmpDir('altdisk-sshfleet-');
  const home = path.join(dir, 'home');
  fs.mkdirSync(path.join(home, 'tmp'), { recursive: true });
  const sshd = await startSshd({
    extraPorts: 1,
    extraConfig: (ports) => [
      // 20 hosts connect at once: sshd's default (10:30:100) drops unauthenticated connections beyond 10.
      'MaxStartups 200:30:400',
      `SetEnv HOME=${home} TMPDIR=${home}/tmp`,
      `Match LocalPort ${ports[1]}`,
      `  SetEnv HOME=${home} TMPDIR=${home}/tmp PATH=/nonexistent`,
    ],
  });
  const hostsDir = path.join(dir, 'hosts');
  fs.mkdirSync(hostsDir);
  const hostDir = (name: string) => path.join(hostsDir, name);
  const template = o.hosts[0]!;
  const init = (name: string, extra: string[]) => {
    const r = aixsim(['init', hostDir(name), '--hostname', name, ...extra]);
    if (r.rc !== 0) throw new Error(`aixsim init ${name}: ${r.stderr}`);
  };
  init(template, o.distinct?.[template] ?? []);
  for (const h of o.hosts.slice(1)) {
    if (o.distinct?.[h]) init(h, o.distinct[h]!);
    else fs.cpSync(hostDir(template), hostDir(h), { recursive: true, verbatimSymlinks: true });
  }
  const hostKey = fs.readFileSync(path.join(sshd.dir, 'host_key.pub'), 'utf8').trim().split(/\s+/).slice(0, 2).join(' ');
  const knownHostsLine = (port: number) => `[127.0.0.1]:${port} ${hostKey}`;
  const knownHosts = path.join(dir, 'known_hosts');
  fs.writeFileSync(knownHosts, sshd.ports.map(knownHostsLine).join('\n') + '\n');
  const sshConfig = path.join(dir, 'ssh_config');
  fs.writeFileSync(
    sshConfig,
    ['Host *', `  IdentityFile ${sshd.clientKey}`, '  IdentitiesOnly yes', `  UserKnownHostsFile ${knownHosts}`, '  GlobalKnownHostsFile /dev/null', ''].join('\n'),
  );
  const hostVars = (name: string, extra: Record<string, unknown> = {}) => ({
    ansible_host: '127.0.0.1',
    ansible_port: sshd.port,
    ansible_user: sshd.user,
    altdisk_env: { ALTDISK_SIM_HOST: hostDir(name) },
    ...extra,
  });
  let inventories = 0;
  return {
    sshd,
    dir,
    home,
    sshConfig,
    knownHosts,
    noNodePort: sshd.ports[1]!,
    hosts: o.hosts,
    hostDir,
    hostVars,
    knownHostsLine,
    inventory(hosts = o.hosts, vars = {}, name) {
      const file = path.join(dir, name ?? `inventory-${++inventories}.yml`);
      const doc = { all: { children: { aix: { hosts: Object.fromEntries(hosts.map((h) => [h, hostVars(h, vars[h] ?? {})])) } } } };
      fs.writeFileSync(file, JSON.stringify(doc, null, 2) + '\n');
      return file;
    },
    async stop() {
      await sshd.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
