import * as fs from 'node:fs';
import * as path from 'node:path';
import type { RunEvent } from '../../../runner/src/index.js';

// --log-dir DIR: each host's full transcript in DIR/<host>.log, written as the run goes: when it
// started and how, every AIX progress line with its time, altdisk's own notes (-vv material), and
// the module's whole JSON answer or what stopped it.

export interface Transcripts {
  onEvent(e: RunEvent): void;
  close(): void;
}

export function transcripts(dir: string, header: string): Transcripts {
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  const files = new Map<string, number>();
  const fileOf = (host: string) => {
    let fd = files.get(host);
    if (fd === undefined) {
      fd = fs.openSync(path.join(dir, `${host.replace(/[^A-Za-z0-9._-]/g, '_')}.log`), 'w', 0o600);
      files.set(host, fd);
    }
    return fd;
  };
  const write = (host: string, at: number, text: string) => fs.writeSync(fileOf(host), `${new Date(at).toISOString()} ${text}\n`);
  return {
    onEvent(e) {
      switch (e.type) {
        case 'host-start':
          write(e.host, e.at, `${header} on ${e.host} (${e.transport})`);
          break;
        case 'progress':
          write(e.host, e.at, `| ${e.line}`);
          break;
        case 'debug':
          write(e.host, e.at, `altdisk: ${e.message}`);
          break;
        case 'result':
        case 'failed':
          write(e.host, e.at, `${e.type === 'failed' ? 'FAILED' : e.result.changed ? 'CHANGED' : 'OK'}: ${JSON.stringify(e.result, null, 2)}`);
          break;
        case 'unreachable':
          write(e.host, e.at, `UNREACHABLE: ${e.message}`);
          break;
        case 'interrupted':
          write(e.host, e.at, `INTERRUPTED (${e.reason}): ${e.message}${e.state ? `\nstate: ${JSON.stringify(e.state, null, 2)}` : ''}`);
          break;
        default:
          break;
      }
    },
    close() {
      for (const fd of files.values()) fs.closeSync(fd);
      files.clear();
    },
  };
}
