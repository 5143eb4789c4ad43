// How the module code reaches the AIX host it runs on. Facts gathering and the executor only see
// this interface; `connectHost()` (runtime/connect.ts) gives the real one: commands from their
// absolute AIX paths, or from a simulated host chosen with ALTDISK_SIM_HOST.

export interface CommandResult {
  /** The argv as planned (absolute AIX paths), also for a simulated host. */
  argv: string[];
  rc: number;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  /** Called with each line of stdout/stderr as it arrives (progress of long AIX commands). */
  onLine?: (stream: 'stdout' | 'stderr', line: string) => void;
  env?: Record<string, string>;
  /** Called with the command's process id once it runs (recorded, and signalled when the task is interrupted). */
  onSpawn?: (pid: number) => void;
}

export interface HostAccess {
  /** Run one command; argv[0] is the absolute AIX path (/usr/sbin/lspv). Never throws for rc != 0. */
  run(argv: string[], options?: RunOptions): Promise<CommandResult>;
  /** Read a file of the running system (/etc/filesystems); null when it does not exist. */
  readFile(aixPath: string): Promise<string | null>;
  /**
   * Where a file of the running system is on the machine the module runs on: the path itself on
   * AIX, the file inside the simulated host's running image otherwise. For the altdisk lock and
   * run record, which the module writes (runtime/run-record.ts).
   */
  localPath(aixPath: string): string;
  /** Whether a process of the host still runs (the module runs on the host: kill(pid, 0)). */
  processAlive(pid: number): boolean;
  /** true for a simulated host (ALTDISK_SIM_HOST). */
  readonly simulated: boolean;
  /** Where commands come from, for messages: "/usr/sbin" or the simulated host's folder. */
  readonly description: string;
}
