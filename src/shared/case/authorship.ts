/**
 * Who wrote what. Each session maps its Yjs client id to the member in the `users` map
 * (Y.PermanentUserData); review reads it back to attribute every visible character.
 */
import * as Y from 'yjs'
import { textNodes } from './rich-text'
import { SECTION_NAMES, TOP_LEVEL, type SectionName } from './schema'

export const UNKNOWN_AUTHOR = 'unknown'

export interface AuthorSegment {
  memberId: string
  text: string
}

export interface Authorship {
  /** Visible characters each member wrote, by member id (`unknown` for unmapped clients). */
  characters: Map<string, number>
  /** The section's visible text in order, split where the author changes or a block ends. */
  segments: AuthorSegment[]
}

// One PermanentUserData per document: each one observes the `users` map and its deletions.
const userData = new WeakMap<Y.Doc, Y.PermanentUserData>()
const registered = new WeakMap<Y.Doc, string>()

export function permanentUserData(doc: Y.Doc): Y.PermanentUserData {
  let data = userData.get(doc)
  if (!data) {
    data = new Y.PermanentUserData(doc, doc.getMap(TOP_LEVEL.users))
    userData.set(doc, data)
  }
  return data
}

/** Records that this session writes as `memberId`; once per document. */
export function registerAuthor(doc: Y.Doc, memberId: string): void {
  const current = registered.get(doc)
  if (current === memberId) return
  if (current !== undefined) {
    throw new Error('This window already writes in the case as another member.')
  }
  permanentUserData(doc).setUserMapping(doc, doc.clientID, memberId)
  registered.set(doc, memberId)
}

/** The member a Yjs client id belongs to, or `unknown`. */
export function authorOfClient(doc: Y.Doc, clientId: number): string {
  const user: unknown = permanentUserData(doc).getUserByClientId(clientId)
  return typeof user === 'string' ? user : UNKNOWN_AUTHOR
}

export function authorshipOf(doc: Y.Doc, sectionName: SectionName): Authorship {
  const characters = new Map<string, number>()
  const segments: AuthorSegment[] = []
  const snapshot = Y.snapshot(doc)
  const computeYChange = (type: 'added' | 'removed', id: Y.ID): { type: string; user: string } => ({
    type,
    user: authorOfClient(doc, id.client),
  })
  for (const text of textNodes(doc.getXmlFragment(sectionName))) {
    // Against the empty snapshot every visible character counts as "added" by its writer.
    const ops = text.toDelta(snapshot, Y.emptySnapshot, computeYChange) as DeltaOp[]
    let previous: AuthorSegment | undefined
    for (const op of ops) {
      if (typeof op.insert !== 'string' || op.insert === '') continue
      const memberId = op.attributes?.ychange?.user ?? UNKNOWN_AUTHOR
      characters.set(memberId, (characters.get(memberId) ?? 0) + op.insert.length)
      if (previous?.memberId === memberId) previous.text += op.insert
      else {
        previous = { memberId, text: op.insert }
        segments.push(previous)
      }
    }
  }
  return { characters, segments }
}

interface DeltaOp {
  insert?: unknown
  attributes?: { ychange?: { user?: string } }
}

export interface AuthorShare {
  memberId: string
  characters: number
  /** Percentage of all visible characters in the sections, rounded. */
  percent: number
}

/** Each writer's share of the visible text of all six sections, largest first. */
export function authorShares(doc: Y.Doc): AuthorShare[] {
  const totals = new Map<string, number>()
  for (const name of SECTION_NAMES) {
    for (const [memberId, count] of authorshipOf(doc, name).characters) {
      totals.set(memberId, (totals.get(memberId) ?? 0) + count)
    }
  }
  const all = [...totals.values()].reduce((sum, count) => sum + count, 0)
  return [...totals]
    .filter(([, characters]) => characters > 0)
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([memberId, characters]) => ({
      memberId,
      characters,
      percent: Math.round((characters / all) * 100),
    }))
}
