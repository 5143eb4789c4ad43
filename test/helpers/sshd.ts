import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { tmpDir } from './sim.js';

// A private OpenSSH server on 127.0.0.1 for the tests that run Ansible over a real SSH connection:
// its own port, config, host key, authorized_keys and pid file, started by the test and stopped by
// it. It never touches the system's sshd. When it cannot start, the test fails and says why.

export interface Sshd {
  port: number;
  /** port, then the extra ports asked for (for `Match LocalPort` blocks). */
  ports: number[];
  user: string;
  /** The client's private key (its public half is the only authorized key). */
  clientKey: string;
  dir: string;
  /** An inventory that moves `hosts` onto this SSH server (to be given after the examples' inventory). */
  inventoryFor(hosts: readonly string[]): string;
  /** sshd's own log (its stderr), for messages. */
  log(): string;
  stop(): Promise<void>;
}

const SSHD_CANDIDATES = ['/usr/sbin/sshd', '/usr/local/sbin/sshd', '/sbin/sshd'];

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

function canConnect(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const s = net.connect({ port, host: '127.0.0.1' });
    s.on('connect', () => {
      s.destroy();
      resolve(true);
    });
    s.on('error', () => resolve(false));
  });
}

function keygen(file: string): void {
  const r = spawnSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-C', 'altdisk-test', '-f', file], { encoding: 'utf8' });
  if (r.error || r.status !== 0) throw new Error(`cannot start the test sshd: ssh-keygen failed: ${r.error?.message ?? r.stderr}`);
}

export const SSH_CLIENT_OPTIONS = ['-o', 'StrictHostKeyChecking=no', '-o', 'UserKnownHostsFile=/dev/null', '-o', 'IdentitiesOnly=yes', '-o', 'LogLevel=ERROR'];

export interface SshdOptions {
  /** More ports to listen on (their numbers reach extraConfig). */
  extraPorts?: number;
  /** More sshd_config lines after the defaults (global lines first, then Match blocks). */
  extraConfig?: (ports: number[]) => string[];
}

export async function startSshd(options: SshdOptions = {}): Promise<Sshd> {
  const sshd = SSHD_CANDIDATES.find((p) => fs.existsSync(p));
  if (!sshd) throw new Error('cannot start the test sshd: no sshd binary (install openssh-server; scripts/provision.sh does)');
  const dir = tmpDir('altdisk-sshd-');
  const user = os.userInfo().username;
  const isRoot = process.getuid?.() === 0;
  keygen(path.join(dir, 'host_key'));
  keygen(path.join(dir, 'client_key'));
  fs.copyFileSync(path.join(dir, 'client_key.pub'), path.join(dir, 'authorized_keys'));
  fs.chmodSync(path.join(dir, 'authorized_keys'), 0o600);
  // As root, sshd insists on its privilege separation directory (Debian creates it at service start).
  if (isRoot) fs.mkdirSync('/run/sshd', { recursive: true, mode: 0o755 });
  const port = await freePort();
  const ports = [port];
  for (let i = 0; i < (options.extraPorts ?? 0); i++) ports.push(await freePort());
  const config = path.join(dir, 'sshd_config');
  fs.writeFileSync(
    config,
    [
      ...ports.map((p) => `Port ${p}`),
      'ListenAddress 127.0.0.1',
      `HostKey ${path.join(dir, 'host_key')}`,
      `PidFile ${path.join(dir, 'sshd.pid')}`,
      `AuthorizedKeysFile ${path.join(dir, 'authorized_keys')}`,
      'PubkeyAuthentication yes',
      'PasswordAuthentication no',
      'KbdInteractiveAuthentication no',
      'PermitRootLogin prohibit-password',
      // Without PAM a normal user can run this sshd too (and log in as itself only).
      'UsePAM no',
      'StrictModes no',
      'Subsystem sftp internal-sftp',
      'LogLevel VERBOSE',
      ...(options.extraConfig?.(ports) ?? []),
      '',
    ].join('\n'),
  );
  let log = '';
  const child: ChildProcess = spawn(sshd, ['-D', '-e', '-f', config], { stdio: ['ignore', 'ignore', 'pipe'] });
  child.stderr?.on('data', (d: Buffer) => (log += d.toString()));
  let exited: number | null = null;
  child.on('exit', (code) => (exited = code ?? -1));
  // The session processes of connections that Ansible keeps open (ControlPersist) outlive the
  // listener and hold its stderr: stop reading it so that they do not keep the test process alive.
  const stop = () =>
    new Promise<void>((resolve) => {
      const done = () => {
        child.stderr?.destroy();
        fs.rmSync(dir, { recursive: true, force: true });
        resolve();
      };
      if (exited !== null) return done();
      child.once('exit', done);
      child.kill('SIGTERM');
    });

  const deadline = Date.now() + 15_000;
  while (!(await canConnect(port))) {
    if (exited !== null || Date.now() > deadline) {
      await stop();
      throw new Error(`cannot start the test sshd (${sshd} -D -f ${config}) on 127.0.0.1:${port}: ${exited !== null ? `it exited with ${exited}` : 'it does not accept connections'}\n${log}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  const clientKey = path.join(dir, 'client_key');
  let inventories = 0;
  const probe = spawnSync('ssh', [...SSH_CLIENT_OPTIONS, '-i', clientKey, '-p', String(port), `${user}@127.0.0.1`, 'true'], { encoding: 'utf8', timeout: 20_000 });
  if (probe.status !== 0) {
    await stop();
    throw new Error(`the test sshd on 127.0.0.1:${port} refuses the test key for ${user}: ${probe.stderr}\n${log}`);
  }
  return {
    port,
    ports,
    user,
    clientKey,
    dir,
    log: () => log,
    stop,
    inventoryFor(hosts) {
      const file = path.join(dir, `ssh-${hosts.join('-')}-${++inventories}.yml`);
      const vars = {
        ansible_connection: 'ssh',
        ansible_host: '127.0.0.1',
        ansible_port: port,
        ansible_user: user,
        ansible_ssh_private_key_file: clientKey,
        ansible_ssh_common_args: SSH_CLIENT_OPTIONS.join(' '),
        ansible_pipelining: true,
      };
      // JSON is YAML: Ansible's yaml inventory plugin reads it.
      fs.writeFileSync(file, JSON.stringify({ all: { hosts: Object.fromEntries(hosts.map((h) => [h, vars])) } }, null, 2) + '\n');
      return file;
    },
  };
}
