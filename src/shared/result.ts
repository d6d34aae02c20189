/** How every IPC call answers: a value, or an error a support agent can act on. */

export const ERROR_CODES = [
  'invalid-input',
  'untrusted-sender',
  'unknown-channel',
  'not-found',
  'disk-full',
  'not-writable',
  'storage-failed',
  /** Room keys and tokens cannot be read or saved until the user unlocks them. */
  'keys-locked',
  /** A help desk refused a request or did not answer; the message says which and why. */
  'help-desk',
  'internal',
] as const
export type ErrorCode = (typeof ERROR_CODES)[number]

export interface AppErrorValue {
  code: ErrorCode
  message: string
  /** The input the message is about (`title`, `config.baseUrl`), so a form can mark it. */
  field?: string
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: AppErrorValue }

/** Thrown inside main-process modules; the IPC layer turns it into `{ ok: false, error }`. */
export class AppError extends Error {
  readonly code: ErrorCode

  constructor(code: ErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options)
    this.name = 'AppError'
    this.code = code
  }
}
