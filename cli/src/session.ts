import { run, type RunRequest, type RunSummary } from '../../runner/src/index.js';
import { boardView, prefixView, silentView, streamView, type LiveView } from './render/live.js';
import { styleFor } from './render/style.js';
import { transcripts } from './render/transcript.js';

// A run as the terminal sees it: the live view that suits the output, --log-dir transcripts, and
// Ctrl-C: the first stops the remote work and waits for each host's state, the second stops waiting.

export interface SessionOptions {
  /** Nothing but the final document on stdout. */
  json: boolean;
  verbose: number;
  logDir?: string;
  /** For the transcripts' first line. */
  title: string;
}

export async function runSession(req: RunRequest, opts: SessionOptions): Promise<RunSummary> {
  const out = process.stdout;
  const style = styleFor(out);
  const hosts = req.hosts.map((h) => h.name);
  let view: LiveView;
  if (opts.json) view = opts.verbose > 0 ? prefixView((t) => process.stderr.write(t), styleFor(process.stderr)) : silentView();
  else if (hosts.length === 1) view = streamView((t) => out.write(t), style);
  else if (out.isTTY) view = boardView(out, style, hosts);
  else view = prefixView((t) => out.write(t), style);
  const logs = opts.logDir ? transcripts(opts.logDir, opts.title) : null;

  const handle = run(req);
  let interrupts = 0;
  const onSigint = () => {
    interrupts++;
    handle.interrupt();
    const text =
      interrupts === 1
        ? 'altdisk: interrupted: stopping the module on every host and reading what state each was left in (Ctrl-C again to stop waiting)'
        : 'altdisk: not waiting any more';
    if (opts.json) process.stderr.write(text + '\n');
    else view.notice(text);
  };
  process.on('SIGINT', onSigint);
  process.on('SIGTERM', onSigint);
  try {
    for await (const e of handle) {
      logs?.onEvent(e);
      if (e.type === 'debug') {
        if (opts.verbose >= 2) {
          if (opts.json) process.stderr.write(`${e.host} | altdisk: ${e.message}\n`);
          else view.notice(`${e.host} | altdisk: ${e.message}`);
        }
        continue;
      }
      view.onEvent(e);
    }
    return await handle.summary;
  } finally {
    view.finish();
    logs?.close();
    process.off('SIGINT', onSigint);
    process.off('SIGTERM', onSigint);
  }
}
