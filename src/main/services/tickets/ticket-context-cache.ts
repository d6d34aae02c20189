/**
 * The last conversation read for each case, kept on disk so the Ticket panel still reads when
 * the help desk cannot be reached: one file per case under `<data>/ticket-context/`, sealed
 * with the install's at-rest key (it is customer data, like the room logs) and bound to its
 * case, and written atomically (a temporary file, fsynced, renamed over the old one), so a
 * crash leaves the old copy or the new one.
 */
import { mkdir, open, readFile, rename } from 'node:fs/promises'
import { join } from 'node:path'
import { z } from 'zod'
import { ticketContextSchema, type TicketContext } from '@shared/channels/tickets'
import { AppError } from '@shared/result'
import { seal, unseal } from '../storage/at-rest-cipher'
import type { AtRestKeySource } from '../storage/at-rest-key'

const FOLDER = 'ticket-context'
const fileSchema = z.object({ version: z.literal(1), sealed: z.string() })

export class TicketContextCache {
  private readonly folder: string

  constructor(
    dataFolder: string,
    private readonly key: AtRestKeySource,
  ) {
    this.folder = join(dataFolder, FOLDER)
  }

  /** Where a case's copy is kept (room ids are letters, digits, - and _). */
  fileOf(roomId: string): string {
    if (!/^[A-Za-z0-9_-]{1,64}$/.test(roomId)) {
      throw new AppError('invalid-input', 'That is not a case Swarmroom knows.')
    }
    return join(this.folder, `${roomId}.json`)
  }

  /** The saved copy, undefined when there is none; a damaged copy is an error that says so. */
  async load(roomId: string): Promise<TicketContext | undefined> {
    let text: string
    try {
      text = await readFile(this.fileOf(roomId), 'utf8')
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined
      throw new AppError('storage-failed', `The saved copy of the ticket could not be read.`, {
        cause: error,
      })
    }
    const opened = this.open(roomId, text)
    const parsed = ticketContextSchema.safeParse(opened)
    if (!parsed.success) throw damaged()
    return parsed.data
  }

  async save(roomId: string, context: TicketContext): Promise<void> {
    const plain = Buffer.from(JSON.stringify(context), 'utf8')
    const sealed = seal(this.key.get(), plain, additionalData(roomId)).toString('base64')
    const file = this.fileOf(roomId)
    const temporary = `${file}.saving`
    await mkdir(this.folder, { recursive: true })
    const handle = await open(temporary, 'w')
    try {
      await handle.writeFile(JSON.stringify({ version: 1, sealed }))
      await handle.sync()
    } finally {
      await handle.close()
    }
    await rename(temporary, file)
  }

  private open(roomId: string, text: string): unknown {
    let file: z.infer<typeof fileSchema>
    try {
      file = fileSchema.parse(JSON.parse(text))
    } catch {
      throw damaged()
    }
    const plain = unseal(this.key.get(), Buffer.from(file.sealed, 'base64'), additionalData(roomId))
    if (!plain) throw damaged()
    try {
      return JSON.parse(plain.toString('utf8')) as unknown
    } catch {
      throw damaged()
    }
  }
}

function additionalData(roomId: string): Buffer {
  return Buffer.from(`swarmroom-ticket-context:${roomId}`, 'utf8')
}

function damaged(): AppError {
  return new AppError(
    'storage-failed',
    'The copy of this ticket saved on this computer is damaged and cannot be shown. It is ' +
      'replaced the next time the help desk answers.',
  )
}
