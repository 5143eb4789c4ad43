// SIGTERM, SIGINT and SIGHUP (a kill, Ctrl-C, a dropped SSH session) end a module with exactly one
// JSON answer, like every other way it can end. Until a task starts changing the host, the answer
// is simply "interrupted, nothing was changed". While it changes the host, the runtime takes over
// (runtime/planned.ts): it stops the AIX command, reads the host again and says what was left.
// A second signal does not wait for any of that: the answer goes out with what is known.

export const INTERRUPT_SIGNALS = ['SIGTERM', 'SIGINT', 'SIGHUP'] as const;
export type InterruptSignal = (typeof INTERRUPT_SIGNALS)[number];

type Handler = (signal: InterruptSignal) => void;

let received: InterruptSignal | null = null;
let handler: Handler | null = null;
let urgent: Handler | null = null;
let fallback: Handler | null = null;

/** The signal that interrupted this module, once one did. */
export function interruption(): InterruptSignal | null {
  return received;
}

/**
 * While `first` is set, the first signal goes to it instead of the default answer, and a second
 * one to `now` (which answers at once with what is known).
 */
export function onInterrupt(first: Handler | null, now: Handler | null = null): void {
  handler = first;
  urgent = now;
}

/**
 * Install the handlers once per process. `answerNow` is called for a signal that arrives when no
 * task holds the handler, and for every second signal.
 */
export function installInterruptHandlers(answerNow: Handler): void {
  fallback = answerNow;
  for (const sig of INTERRUPT_SIGNALS) {
    process.on(sig, () => {
      if (received !== null || handler === null) {
        received ??= sig;
        (urgent ?? fallback)?.(sig);
        return;
      }
      received = sig;
      handler(sig);
    });
  }
}
