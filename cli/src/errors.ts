/** A mistake in what was asked on the command line (exit code 5, as Ansible's option errors). */
export class UsageError extends Error {}
