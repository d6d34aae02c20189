/** Saving a text file where the user chose: the choosing is injected, the writing is here. */
import { writeFile } from 'node:fs/promises'
import { basename, dirname } from 'node:path'
import type { FileToSave, SaveFile } from '../ports'
import { storageError } from '../storage/storage-errors'

/** Asks where to save a file named `suggestedName`; null when the user cancelled. */
export type AskSavePath = (
  suggestedName: string,
  format: FileToSave['format'],
) => Promise<string | null>

export function saveFileWith(askPath: AskSavePath): SaveFile {
  return async ({ suggestedName, content, format }) => {
    const path = await askPath(suggestedName, format)
    if (path === null) return null
    try {
      await writeFile(path, content, 'utf8')
    } catch (error) {
      throw storageError(error, `"${basename(path)}"`, dirname(path))
    }
    return path
  }
}
