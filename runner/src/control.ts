// The run's interrupt levels: 0 running, 1 interrupted (stop the remote work, report the state),
// 2 stop waiting (give up on every host now).

export class StopWaiting extends Error {
  constructor() {
    super('altdisk stopped waiting');
  }
}

export class RunControl {
  level: 0 | 1 | 2 = 0;
  private readonly interruptListeners = new Set<() => void>();
  private readonly stopListeners = new Set<() => void>();
  private resolveStop!: () => void;
  /** Resolves when the run stops waiting. */
  readonly stopped: Promise<void> = new Promise((r) => (this.resolveStop = r));

  /** First call: interrupt. Second: stop waiting. */
  escalate(): void {
    if (this.level === 0) this.interrupt();
    else this.stopWaiting();
  }

  interrupt(): void {
    if (this.level > 0) return;
    this.level = 1;
    for (const f of [...this.interruptListeners]) f();
  }

  stopWaiting(): void {
    if (this.level === 2) return;
    this.interrupt();
    this.level = 2;
    for (const f of [...this.stopListeners]) f();
    this.resolveStop();
  }

  /** Call `f` on interrupt (now, if already interrupted); returns the unsubscribe function. */
  onInterrupt(f: () => void): () => void {
    if (this.level > 0) f();
    this.interruptListeners.add(f);
    return () => this.interruptListeners.delete(f);
  }

  onStopWaiting(f: () => void): () => void {
    if (this.level === 2) f();
    this.stopListeners.add(f);
    return () => this.stopListeners.delete(f);
  }

  /** The promise, unless the run stops waiting first (then StopWaiting is thrown). */
  race<T>(p: Promise<T>): Promise<T> {
    if (this.level === 2) return Promise.reject(new StopWaiting());
    return Promise.race([p, this.stopped.then(() => Promise.reject(new StopWaiting()))]);
  }
}
