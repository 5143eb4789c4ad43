// Ansible's playbook keywords (ansible-core 2.14+): what a task, block or play key is when it is
// not a module. The first task key that is none of these names the module (or action).

export const TASK_KEYWORDS = new Set([
  'action', 'any_errors_fatal', 'args', 'async', 'become', 'become_exe', 'become_flags', 'become_method', 'become_user',
  'changed_when', 'check_mode', 'collections', 'connection', 'debugger', 'delay', 'delegate_facts', 'delegate_to',
  'diff', 'environment', 'failed_when', 'ignore_errors', 'ignore_unreachable', 'local_action', 'loop', 'loop_control',
  'module_defaults', 'name', 'no_log', 'notify', 'poll', 'port', 'register', 'remote_user', 'retries', 'run_once',
  'tags', 'throttle', 'timeout', 'until', 'vars', 'when', 'listen',
  // blocks
  'block', 'rescue', 'always',
]);

export const PLAY_KEYWORDS = new Set([
  'any_errors_fatal', 'become', 'become_exe', 'become_flags', 'become_method', 'become_user', 'check_mode', 'collections',
  'connection', 'debugger', 'diff', 'environment', 'fact_path', 'force_handlers', 'gather_facts', 'gather_subset',
  'gather_timeout', 'handlers', 'hosts', 'ignore_errors', 'ignore_unreachable', 'max_fail_percentage', 'module_defaults',
  'name', 'no_log', 'order', 'port', 'post_tasks', 'pre_tasks', 'remote_user', 'roles', 'run_once', 'serial', 'strategy',
  'tags', 'tasks', 'throttle', 'timeout', 'vars', 'vars_files', 'vars_prompt', 'import_playbook',
]);

/** The task lists of a play, in the order Ansible runs them (roles run between pre_tasks and tasks). */
export const PLAY_TASK_SECTIONS = ['pre_tasks', 'tasks', 'post_tasks', 'handlers'] as const;

export function isTaskKeyword(key: string): boolean {
  return TASK_KEYWORDS.has(key) || key.startsWith('with_');
}

/** Keys whose value is a list of tasks (for completion and the outline). */
export const TASK_LIST_KEYS = new Set(['tasks', 'pre_tasks', 'post_tasks', 'handlers', 'block', 'rescue', 'always']);
