// Simulated commands run synchronously, start to end, like the ksh scripts they stand for: a pause
// blocks the process (signals still end it at once; nothing waits on the event loop).

export function sleepSync(ms: number): void {
  if (ms > 0) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}
