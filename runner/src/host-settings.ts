import { shellWords } from '../../modules/src/runtime/kv.js';
import type { HostSpec } from './types.js';
import { templatedVars, TemplateError } from './inventory/template.js';

// The host variables the runner reads, as Ansible's ssh connection plugin and the collection read
// them, each rendered (templates) and checked for its type. Like pyinfra's connectors, every
// setting a transport uses is declared here with its type and default.

export type Transport = 'ssh' | 'local' | 'sim';

export interface HostSettings {
  transport: Transport;
  /** ansible_host, or the inventory name. */
  address: string;
  /** ansible_port (ansible_ssh_port). */
  port: number | null;
  /** ansible_user (ansible_ssh_user). */
  user: string | null;
  /** ansible_ssh_private_key_file (ansible_private_key_file). */
  privateKeyFile: string | null;
  /** ansible_ssh_common_args then ansible_ssh_extra_args, split like a shell would. */
  sshArgs: string[];
  /** ansible_node_interpreter: the Node.js to run the modules with. */
  nodeInterpreter: string | null;
  /** altdisk_env: the environment of the module (ALTDISK_SIM_HOST for hosts simulated behind SSH). */
  env: Record<string, string>;
  /** altdisk_sim_dir: run on this simulated host, on this machine. */
  simDir: string | null;
}

export class HostSettingsError extends Error {}

const SSH_CONNECTIONS = new Set(['ssh', 'smart', 'paramiko', 'paramiko_ssh', 'ansible.builtin.ssh', 'ansible.builtin.paramiko_ssh']);
const LOCAL_CONNECTIONS = new Set(['local', 'ansible.builtin.local']);

export function hostSettings(host: HostSpec): HostSettings {
  const vars = templatedVars(host.vars);
  const read = (name: string): unknown => {
    try {
      return vars.get(name);
    } catch (e) {
      if (e instanceof TemplateError) throw new HostSettingsError(`${host.name}: ${e.message}`);
      throw e;
    }
  };
  const first = (...names: string[]): unknown => {
    for (const n of names) {
      const v = read(n);
      if (v !== undefined && v !== null && v !== '') return v;
    }
    return undefined;
  };
  const text = (...names: string[]): string | null => {
    const v = first(...names);
    if (v === undefined) return null;
    if (typeof v !== 'string' && typeof v !== 'number') throw new HostSettingsError(`${host.name}: ${names[0]} must be text, not ${JSON.stringify(v)}`);
    return String(v);
  };
  const simDir = text('altdisk_sim_dir');
  const connection = text('ansible_connection') ?? 'ssh';
  let transport: Transport;
  if (simDir) transport = 'sim';
  else if (LOCAL_CONNECTIONS.has(connection)) transport = 'local';
  else if (SSH_CONNECTIONS.has(connection)) transport = 'ssh';
  else throw new HostSettingsError(`${host.name}: ansible_connection=${connection} is not a transport altdisk runs modules over (ssh or local; altdisk_sim_dir for a simulated host)`);

  // Switching users on the host (sudo, su, pbrun...) is not done by altdisk run: the module would
  // run as the login user and AIX would refuse the commands half-way. Say so before connecting.
  const become = read('ansible_become');
  if (become === true || (typeof become === 'string' && ['yes', 'true', 'on', '1'].includes(become.toLowerCase()))) {
    throw new HostSettingsError(`${host.name}: ansible_become is set, and altdisk run does not switch users on the host: connect as a user allowed to run the AIX commands (ansible_user=root), or -e ansible_become=false if the login user already may`);
  }
  const portText = text('ansible_port', 'ansible_ssh_port');
  const port = portText === null ? null : Number(portText);
  if (port !== null && (!Number.isInteger(port) || port < 1 || port > 65535)) throw new HostSettingsError(`${host.name}: ansible_port must be a port number, not ${portText}`);
  const address = text('ansible_host', 'ansible_ssh_host') ?? host.name;
  if (address.startsWith('-') || /\s/.test(address)) throw new HostSettingsError(`${host.name}: "${address}" is not a host name or address`);
  const user = text('ansible_user', 'ansible_ssh_user', 'ansible_remote_user');
  if (user !== null && (user.startsWith('-') || /\s/.test(user))) throw new HostSettingsError(`${host.name}: "${user}" is not a user name`);

  const sshArgs: string[] = [];
  for (const name of ['ansible_ssh_common_args', 'ansible_ssh_extra_args']) {
    const v = text(name);
    if (v === null) continue;
    try {
      sshArgs.push(...shellWords(v));
    } catch (e) {
      throw new HostSettingsError(`${host.name}: ${name}: ${(e as Error).message}`);
    }
  }
  const envValue = first('altdisk_env');
  const env: Record<string, string> = {};
  if (envValue !== undefined) {
    if (typeof envValue !== 'object' || Array.isArray(envValue)) throw new HostSettingsError(`${host.name}: altdisk_env must be a mapping of variable names to values`);
    for (const [k, v] of Object.entries(envValue as Record<string, unknown>)) {
      if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(k)) throw new HostSettingsError(`${host.name}: altdisk_env: "${k}" is not an environment variable name`);
      if (v === null || typeof v === 'object') throw new HostSettingsError(`${host.name}: altdisk_env: ${k} must be text`);
      env[k] = String(v);
    }
  }
  return {
    transport,
    address,
    port,
    user,
    privateKeyFile: text('ansible_ssh_private_key_file', 'ansible_private_key_file'),
    sshArgs,
    nodeInterpreter: text('ansible_node_interpreter'),
    env,
    simDir,
  };
}
