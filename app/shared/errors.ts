// Errors the core reports to its callers (renderer, CLI): a stable code and a one-line message.

export type CoreErrorCode = 'not-found' | 'invalid' | 'busy' | 'unsupported' | 'io' | 'read-only';

export class CoreError extends Error {
  override name = 'CoreError';
  constructor(
    readonly code: CoreErrorCode,
    message: string,
  ) {
    super(message);
  }
}

export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
