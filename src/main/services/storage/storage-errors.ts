/** Turns file-system failures into messages a support agent can act on. */
import { AppError } from '@shared/result'

const DISK_FULL = new Set(['ENOSPC', 'EDQUOT', 'EFBIG'])
const NOT_WRITABLE = new Set(['EACCES', 'EPERM', 'EROFS'])

function codeOf(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null || !('code' in error)) return undefined
  return typeof error.code === 'string' ? error.code : undefined
}

/**
 * @param what what was being saved, e.g. `the case "Checkout down"`
 * @param folder the folder Swarmroom was writing to
 */
export function storageError(error: unknown, what: string, folder: string): AppError {
  if (error instanceof AppError) return error
  const code = codeOf(error)
  if (code && DISK_FULL.has(code)) {
    return new AppError(
      'disk-full',
      `The disk is full, so Swarmroom could not save ${what}. Nothing you typed is lost: ` +
        'it stays in the open window and is saved as soon as some space is freed.',
      { cause: error },
    )
  }
  if (code && NOT_WRITABLE.has(code)) {
    return new AppError(
      'not-writable',
      `Swarmroom is not allowed to write to ${folder}, so it could not save ${what}. ` +
        'Nothing you typed is lost: it stays in the open window. Check the folder permissions.',
      { cause: error },
    )
  }
  const detail = error instanceof Error ? error.message : String(error)
  return new AppError('storage-failed', `Swarmroom could not save ${what}: ${detail}`, {
    cause: error,
  })
}
