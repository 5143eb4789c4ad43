/** A failure the module explains itself (bad state, refused step): it becomes {failed: true, msg, ...extra}. */
export class ModuleFailure extends Error {
  constructor(
    message: string,
    readonly extra: Record<string, unknown> = {},
  ) {
    super(message);
  }
}
