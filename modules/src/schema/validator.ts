import type { SchemaError } from './errors.js';

/** The shape of an ajv validate function (standalone or compiled): what the runtime and the editor call. */
export interface Validator {
  (data: unknown): boolean;
  errors?: SchemaError[] | null;
}
