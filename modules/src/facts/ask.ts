import type { CommandResult, HostAccess, RunOptions } from '../runtime/host-access.js';
import { commandName } from '../aix/commands.js';

// The read-only questions a module asks the host, each asked once per run: the same argv answers
// from memory until the module says the host may have changed it (after its own change, after a
// wait for another task, before a retry). Questions asked at once share one answer. Commands that
// change the host never come through here (the executor and the lock use the host itself).

/** Questions whose answer no alternate-disk task changes while the system runs: kept for the whole run. */
const STATIC_QUESTIONS = new Set(['oslevel', 'lslpp', 'lsdev']);

function isStatic(argv: readonly string[]): boolean {
  const name = commandName(argv);
  if (STATIC_QUESTIONS.has(name)) return true;
  // Disk sizes and the boot device; rootvg's own listing (rootvg is never touched by these modules).
  if (name === 'getconf') return true;
  if (name === 'bootinfo') return argv[1] === '-s' || argv[1] === '-b';
  if (name === 'lsvg') return argv[argv.length - 1] === 'rootvg';
  return false;
}

export type QuestionFilter = (argv: readonly string[]) => boolean;

/** Everything an alternate-disk change or another task may have changed (the default after a change and after a failure). */
export const CHANGING: QuestionFilter = (argv) => !isStatic(argv);

/** The boot lists of the given modes (what a boot-list change changes). */
export function bootlistModes(modes: readonly string[]): QuestionFilter {
  const lists = modes.flatMap((m) => (m === 'both' ? ['normal', 'service'] : [m]));
  return (argv) => commandName(argv) === 'bootlist' && lists.some((m) => argv.includes(m));
}

export class HostQuestions implements HostAccess {
  private readonly answers = new Map<string, Promise<CommandResult>>();
  /** Every command this run asked the host (memory answers not counted), for tests and benchmarks. */
  readonly asked: string[][] = [];

  constructor(readonly host: HostAccess) {}

  get simulated(): boolean {
    return this.host.simulated;
  }

  get description(): string {
    return this.host.description;
  }

  run(argv: string[], options?: RunOptions): Promise<CommandResult> {
    // A question with a listener (progress) or an environment is not a plain question: asked as is.
    if (options && (options.onLine || options.env || options.onSpawn)) return this.host.run(argv, options);
    const key = argv.join('\0');
    let answer = this.answers.get(key);
    if (!answer) {
      this.asked.push(argv);
      answer = this.host.run(argv);
      this.answers.set(key, answer);
    }
    return answer;
  }

  /** Files are read fresh every time: the lock and the run record change under a running task. */
  readFile(aixPath: string): Promise<string | null> {
    return this.host.readFile(aixPath);
  }

  localPath(aixPath: string): string {
    return this.host.localPath(aixPath);
  }

  processAlive(pid: number): boolean {
    return this.host.processAlive(pid);
  }

  /** Ask again, next time, every question `which` selects. */
  forget(which: QuestionFilter = CHANGING): void {
    for (const key of [...this.answers.keys()]) if (which(key.split('\0'))) this.answers.delete(key);
  }
}
