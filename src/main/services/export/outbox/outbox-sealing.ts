/**
 * An outbox entry's note or reply body is customer data, so app.json keeps it sealed with the
 * install's key (AES-256-GCM, the same key as the room logs) as `content: { sealed: base64 }`,
 * bound to the entry's id. Entries saved before this, with their content in plain, still read.
 */
import { seal, unseal } from '../../storage/at-rest-cipher'
import type { AtRestKeySource } from '../../storage/at-rest-key'
import type { OutboxEntry } from './outbox-entry'

/** Thrown when a saved entry's content cannot be opened; the message names why, briefly. */
export class UnreadableContent extends Error {}

function additionalData(id: string): Buffer {
  return Buffer.from(`swarmroom-outbox:${id}`, 'utf8')
}

/** The entry as app.json keeps it. */
export function sealedEntry(entry: OutboxEntry, key: AtRestKeySource): unknown {
  const plain = Buffer.from(JSON.stringify(entry.content), 'utf8')
  const sealed = seal(key.get(), plain, additionalData(entry.id)).toString('base64')
  return { ...entry, content: { sealed } }
}

function sealedContentOf(raw: unknown): { id: string; sealed: string } | undefined {
  if (typeof raw !== 'object' || raw === null) return undefined
  if (!('id' in raw) || typeof raw.id !== 'string') return undefined
  if (!('content' in raw) || typeof raw.content !== 'object' || raw.content === null) {
    return undefined
  }
  const content = raw.content
  if (!('sealed' in content) || typeof content.sealed !== 'string') return undefined
  return { id: raw.id, sealed: content.sealed }
}

/**
 * A saved entry with its content opened, ready to validate; anything not sealed is returned as
 * it is (older entries, or something that is not an entry at all).
 */
export function openedEntry(raw: unknown, key: AtRestKeySource): unknown {
  const found = sealedContentOf(raw)
  if (!found) return raw
  let plain: Buffer | null
  try {
    plain = unseal(key.get(), Buffer.from(found.sealed, 'base64'), additionalData(found.id))
  } catch {
    throw new UnreadableContent('its text could not be decrypted: the keychain gave no key')
  }
  if (!plain) {
    throw new UnreadableContent(
      'its text could not be decrypted: it was changed, or saved with another key',
    )
  }
  let content: unknown
  try {
    content = JSON.parse(plain.toString('utf8'))
  } catch {
    throw new UnreadableContent('its decrypted text is not readable')
  }
  return { ...(raw as object), content }
}
