# -*- coding: utf-8 -*-
# Shipped with the altdisk VS Code extension. When the extension runs ansible-playbook it puts this
# folder on ANSIBLE_CALLBACK_PLUGINS and opens a pipe as ALTDISK_EVENTS_FD: this notification callback
# writes one JSON line per play, task and host result there, so the Run results view shows each
# host's result, AIX commands, diff and warnings, and links a failure to its task (file and line).
# Ansible's own screen output is untouched. Without ALTDISK_EVENTS_FD it does nothing.
from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = """
    name: altdisk_events
    type: notification
    short_description: task results as JSON lines for the altdisk VS Code extension
    description:
      - Writes play, task and host result events as JSON lines to the file descriptor ALTDISK_EVENTS_FD.
"""

import json
import os

from ansible.plugins.callback import CallbackBase

# The result keys the results view shows (Ansible's, and the altdisk modules' own).
KEPT = ('changed', 'failed', 'skipped', 'unreachable', 'msg', 'rc', 'cmd', 'commands', 'diff', 'warnings',
        'stdout_lines', 'stderr_lines', 'altinst_state', 'targets', 'bootlist', 'skip_reason')


class CallbackModule(CallbackBase):
    CALLBACK_VERSION = 2.0
    CALLBACK_TYPE = 'notification'
    CALLBACK_NAME = 'altdisk_events'
    CALLBACK_NEEDS_ENABLED = False

    def __init__(self):
        super(CallbackModule, self).__init__()
        self._out = None
        fd = os.environ.get('ALTDISK_EVENTS_FD')
        if fd:
            try:
                self._out = os.fdopen(int(fd), 'w', buffering=1)
            except (OSError, ValueError):
                self._out = None

    def _emit(self, event):
        if self._out is None:
            return
        try:
            self._out.write(json.dumps(event, default=str) + '\n')
        except (OSError, ValueError):
            self._out = None

    def v2_playbook_on_play_start(self, play):
        self._emit({'type': 'play', 'name': play.get_name().strip()})

    def v2_playbook_on_task_start(self, task, is_conditional):
        self._emit({'type': 'task', 'name': task.get_name().strip(), 'action': task.action, 'path': task.get_path()})

    def _result(self, status, result):
        task = result._task
        data = result._result if isinstance(result._result, dict) else {}
        kept = dict((k, data[k]) for k in KEPT if k in data)
        if data.get('results'):
            kept['items'] = [dict((k, r[k]) for k in KEPT if k in r) for r in data['results'] if isinstance(r, dict)]
        self._emit({'type': 'result', 'status': status, 'host': result._host.get_name(), 'task': task.get_name().strip(),
                    'action': task.action, 'path': task.get_path(), 'result': kept})

    def v2_runner_on_ok(self, result):
        self._result('changed' if result._result.get('changed') else 'ok', result)

    def v2_runner_on_failed(self, result, ignore_errors=False):
        self._result('ignored' if ignore_errors else 'failed', result)

    def v2_runner_on_skipped(self, result):
        self._result('skipped', result)

    def v2_runner_on_unreachable(self, result):
        self._result('unreachable', result)

    def v2_playbook_on_stats(self, stats):
        hosts = {}
        for host in sorted(stats.processed.keys()):
            hosts[host] = stats.summarize(host)
        self._emit({'type': 'stats', 'hosts': hosts})
