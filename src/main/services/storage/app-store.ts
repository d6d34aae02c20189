/**
 * `app.json` through lowdb: identity, settings, the case index and encrypted secrets.
 * A file that cannot be read is moved aside (never deleted) and the user is told.
 */
import { existsSync, mkdirSync, renameSync } from 'node:fs'
import { join } from 'node:path'
import { Low } from 'lowdb'
import { JSONFile } from 'lowdb/node'
import { z } from 'zod'
import { appearanceSchema } from '@shared/channels/desktop'
import { caseSummarySchema, identitySchema, type Notice } from '@shared/ipc'
import { keptAsidePath } from './kept-files'
import { storageError } from './storage-errors'

/** Where rooms find peers and relays; every field has a default so older files still read. */
export const settingsSchema = z
  .object({
    /** Serve the embedded signaling server on the LAN instead of loopback only. */
    hostOnLan: z.boolean().default(false),
    /** The embedded signaling server's port (a free one is picked when it is taken). */
    signalingPort: z.number().int().min(0).max(65535).default(4444),
    /** Other signaling servers (ws:// or wss://) rooms also use; never a public one by default. */
    signalingUrls: z.array(z.string()).default([]),
    /** A team relay (Hocuspocus) URL; its token is kept in the secret store. */
    relayUrl: z.string().default(''),
    /**
     * The team's STUN/TURN servers; none by default, never a public one. A TURN server's
     * credential is kept in the secret store.
     */
    iceServers: z
      .array(z.object({ urls: z.string(), username: z.string().default('') }))
      .default([]),
    /** The team's update folder (electron-updater's generic provider); `''` means no updates. */
    updateUrl: z.string().default(''),
    /** Light or dark colours, or the computer's choice. */
    appearance: appearanceSchema.default('system'),
  })
  .prefault({})
export type Settings = z.infer<typeof settingsSchema>

/**
 * How a passphrase protects the secrets (instead of the OS keychain): the scrypt parameters and
 * salt to derive the key again, and a verifier that tells a wrong passphrase. Never the key.
 */
export const passphraseRecordSchema = z.object({
  kdf: z.literal('scrypt'),
  cost: z.number().int().positive(),
  blockSize: z.number().int().positive(),
  parallelization: z.number().int().positive(),
  /** base64 */
  salt: z.string().min(1),
  /** HMAC-SHA256 of a fixed text under a key derived apart from the encryption key; base64. */
  verifier: z.string().min(1),
})
export type PassphraseRecord = z.infer<typeof passphraseRecordSchema>

const appDataSchema = z.object({
  version: z.literal(1),
  identity: identitySchema.nullable(),
  cases: z.array(caseSummarySchema),
  secrets: z.record(z.string(), z.string()),
  /** Set once the user protects secrets with a passphrase; null: the OS keychain. */
  passphrase: passphraseRecordSchema.nullable().default(null),
  settings: settingsSchema,
  /**
   * Help-desk connections and the export outbox. Their modules validate each entry when they
   * read it, so one damaged entry is set aside on its own instead of making app.json unreadable.
   */
  connections: z.array(z.unknown()).default([]),
  outbox: z.array(z.unknown()).default([]),
  /** Keys pinned per case on first sight (identity/trust-store.ts checks each entry). */
  trust: z.record(z.string(), z.unknown()).default({}),
  /** Per case, the ticket this computer's user linked or confirmed (cases/confirmed-tickets.ts). */
  confirmedTickets: z.record(z.string(), z.unknown()).default({}),
})
export type AppData = z.infer<typeof appDataSchema>

export function emptyAppData(): AppData {
  return appDataSchema.parse({ version: 1, identity: null, cases: [], secrets: {} })
}

/** How long a burst of small changes (last-activity times) is gathered before one write. */
const WRITE_DELAY_MS = 1000

export class AppStore {
  readonly notices: Notice[] = []
  private pendingWrite: ReturnType<typeof setTimeout> | undefined
  /** The write under way, if any; it never rejects (its caller got the error). */
  private writing: Promise<void> = Promise.resolve()
  /** True while a change in memory is not yet in app.json (including after a failed write). */
  private dirty = false

  private constructor(
    private readonly db: Low<AppData>,
    readonly file: string,
  ) {}

  static async open(folder: string, now: () => Date = () => new Date()): Promise<AppStore> {
    mkdirSync(folder, { recursive: true })
    const file = join(folder, 'app.json')
    const db = new Low<AppData>(new JSONFile<AppData>(file), emptyAppData())
    const store = new AppStore(db, file)
    try {
      await db.read()
      db.data = appDataSchema.parse(db.data)
    } catch (error) {
      const keptAs = keptAsidePath(file, 'unreadable', now())
      if (existsSync(file)) renameSync(file, keptAs)
      db.data = emptyAppData()
      store.notices.push({
        id: 'app-json-unreadable',
        level: 'warning',
        message:
          'Swarmroom could not read its settings and case list (app.json was damaged), so it ' +
          `started with an empty list. The damaged file was kept as ${keptAs}. Case contents ` +
          'are stored separately and were not touched.',
      })
      console.warn('app.json unreadable, moved aside', error)
    }
    return store
  }

  get data(): AppData {
    return this.db.data
  }

  /** Applies a change and writes it now; rejects with a storage error the user can act on. */
  async update(change: (data: AppData) => void): Promise<void> {
    change(this.db.data)
    this.dirty = true
    await this.writeNow()
  }

  /** Applies a change now and writes it within a second, gathering bursts into one write. */
  updateSoon(change: (data: AppData) => void): void {
    change(this.db.data)
    this.dirty = true
    if (this.pendingWrite) return
    this.pendingWrite = setTimeout(() => {
      this.writeNow().catch((error: unknown) => console.error('app.json write failed', error))
    }, WRITE_DELAY_MS)
    this.pendingWrite.unref?.()
  }

  /** Writes anything not yet saved, retrying a write that failed earlier; called before quitting. */
  async flush(): Promise<void> {
    await this.writing
    if (this.dirty) await this.writeNow()
  }

  private writeNow(): Promise<void> {
    clearTimeout(this.pendingWrite)
    this.pendingWrite = undefined
    const write = this.writing.then(async () => {
      this.dirty = false
      try {
        await this.db.write()
      } catch (error) {
        this.dirty = true
        throw storageError(error, 'your case list and settings', this.file)
      }
    })
    this.writing = write.catch(() => undefined)
    return write
  }
}
