import type { RunEvent } from '../runner.js';
import { stepLines } from './format.js';
import { hostOf, stepFrom, type RunRecord, type TaskLocation } from './model.js';

// A task run is the runner's: its typed events become Output lines as they come (AIX progress lines
// included) and fill the run record of the Run results view.

export interface TaskStepInfo {
  task: string;
  module: string;
  location?: TaskLocation;
}

export function applyRunEvent(record: RunRecord, ev: RunEvent, info: TaskStepInfo, say: (line: string) => void): void {
  switch (ev.type) {
    case 'host-start': {
      const h = hostOf(record, ev.host);
      h.transport = ev.transport;
      h.status = 'running';
      say(`${ev.host}: ${info.module} started (${ev.transport})`);
      break;
    }
    case 'progress':
      hostOf(record, ev.host).progress.push(ev.line);
      say(`${ev.host} | ${ev.line}`);
      break;
    case 'debug':
      break;
    case 'result':
    case 'failed': {
      const h = hostOf(record, ev.host);
      const status = ev.type === 'failed' ? 'failed' : ev.result.skipped ? 'skipped' : ev.result.changed ? 'changed' : 'ok';
      const step = stepFrom(info.task, status, ev.result, info.location, info.module);
      h.steps.push(step);
      h.status = status;
      for (const l of stepLines(ev.host, step)) say(l);
      break;
    }
    case 'unreachable': {
      const h = hostOf(record, ev.host);
      h.status = 'unreachable';
      h.message = ev.message;
      say(`${ev.host}: UNREACHABLE => ${ev.message}`);
      break;
    }
    case 'interrupted': {
      const h = hostOf(record, ev.host);
      h.status = 'interrupted';
      h.message = ev.message;
      if (ev.state) {
        h.state = ev.state.summary;
        h.next = ev.state.next;
      }
      say(`${ev.host}: INTERRUPTED (${ev.reason}) => ${ev.message}`);
      if (ev.state) {
        say(`${ev.host}: left in this state: ${ev.state.summary}`);
        for (const n of ev.state.next) say(`${ev.host}: next: ${n}`);
      }
      break;
    }
    case 'run-end': {
      const sum = ev.summary;
      record.endedAt = ev.at;
      record.outcome = sum.interrupted ? 'cancelled' : sum.exitCode === 0 ? 'done' : 'failed';
      for (const o of sum.hosts) {
        const h = hostOf(record, o.host);
        if (h.status === 'running') h.status = o.status === 'not-started' ? 'not-started' : o.status;
        if (o.message && !h.message) h.message = o.message;
      }
      say('');
      say('RECAP');
      for (const o of sum.hosts) say(`${o.host.padEnd(24)} : ${o.status}`);
      break;
    }
  }
}
