/**
 * Teammates' proposed changes to the customer update while it is under review: "replace this
 * text with that". The owner accepts or rejects each; accepting edits the draft in place.
 */
import * as Y from 'yjs'
import { z } from 'zod'
import { approvalStatus } from './approval'
import { isOwner, requireOwner, requireParticipant } from './permissions'
import { textNodes, textOf } from './rich-text'
import { SUGGESTION_STATES, TOP_LEVEL, type Suggestion, type SuggestionState } from './schema'
import { readValue, type OnUnreadable } from './unreadable'

export interface SuggestionInput {
  find: string
  replace: string
}

const optional = z.string().optional().catch(undefined)
const suggestionSchema = z.object({
  id: z.string(),
  by: z.string().catch(''),
  at: z.string().catch(''),
  find: z.string(),
  replace: z.string().catch(''),
  state: z.enum(SUGGESTION_STATES).catch('open'),
  decidedBy: optional,
  decidedAt: optional,
})

export function suggestionsArray(doc: Y.Doc): Y.Array<Y.Map<unknown>> {
  return doc.getArray(TOP_LEVEL.suggestions)
}

/** Suggestions in the order they were made; what is not a suggestion is skipped. */
export function listSuggestions(
  doc: Y.Doc,
  state?: SuggestionState,
  onUnreadable?: OnUnreadable,
): Suggestion[] {
  return suggestionsArray(doc)
    .toArray()
    .flatMap((item: unknown, index) => {
      const where = { part: 'suggestions', key: String(index) } as const
      if (!(item instanceof Y.Map)) {
        onUnreadable?.(where)
        return []
      }
      const suggestion = readValue(suggestionSchema, item.toJSON(), where, onUnreadable)
      if (!suggestion || (state && suggestion.state !== state)) return []
      const { decidedBy, decidedAt, ...rest } = suggestion
      return [{ ...rest, ...(decidedBy && decidedAt ? { decidedBy, decidedAt } : {}) }]
    })
}

/** A teammate proposes replacing `find`, which must be in the draft now, with `replace`. */
export function suggestChange(
  doc: Y.Doc,
  actor: string,
  input: SuggestionInput,
  now = new Date(),
): string {
  requireParticipant(doc, actor, 'suggest changes to the customer update')
  if (isOwner(doc, actor)) throw new Error('As the case owner, edit the customer update directly.')
  const state = approvalStatus(doc).state
  if (state !== 'review-requested' && state !== 'approved') {
    throw new Error('The customer update is not under review: edit the draft directly.')
  }
  const { find, replace } = input
  if (find.trim() === '') throw new Error('Select the text you want to change.')
  if (find.length > 2000 || replace.length > 2000) {
    throw new Error('Suggest changes of up to 2,000 characters at a time.')
  }
  if (find === replace) throw new Error('The suggested text is the same as the text it replaces.')
  if (!locate(doc, find)) {
    throw new Error('That text is not in the customer update (within one paragraph).')
  }
  const id = globalThis.crypto.randomUUID()
  const entry = new Y.Map<unknown>()
  const values = { id, by: actor, at: now.toISOString(), find, replace, state: 'open' }
  for (const [key, value] of Object.entries(values)) entry.set(key, value)
  suggestionsArray(doc).push([entry])
  return id
}

/**
 * The owner accepts: the first occurrence of `find` becomes `replace`, written with the
 * formatting of the text it replaces. When `find` is gone the suggestion stays open.
 */
export function acceptSuggestion(doc: Y.Doc, actor: string, id: string, now = new Date()): void {
  requireOwner(doc, actor, 'accept suggestions')
  const { entry, suggestion } = openSuggestion(doc, id)
  const found = locate(doc, suggestion.find)
  if (!found) {
    throw new Error(
      `"${suggestion.find}" is no longer in the customer update, so this suggestion cannot be ` +
        'applied. It stays open: edit the text yourself or reject it.',
    )
  }
  doc.transact(() => {
    const { text, index } = found
    const attributes = attributesAt(text, index)
    text.delete(index, suggestion.find.length)
    if (suggestion.replace !== '') text.insert(index, suggestion.replace, attributes)
    decide(entry, 'accepted', actor, now)
  })
}

/** How much of the paragraph a suggestion shows on each side of the words it changes. */
const CONTEXT_CHARACTERS = 60

/**
 * The text around the first occurrence of `find` in the customer update, so a reader sees
 * where the change goes: up to about 60 characters each side, cut at a word, with "…" where
 * the paragraph goes on. Null when `find` is no longer there.
 */
export function suggestionContext(
  doc: Y.Doc,
  find: string,
): { before: string; after: string } | null {
  const found = locate(doc, find)
  if (!found) return null
  const whole = textOf(found.text)
  const before = whole.slice(0, found.index)
  const after = whole.slice(found.index + find.length)
  return { before: tail(before), after: head(after) }
}

function tail(text: string): string {
  if (text.length <= CONTEXT_CHARACTERS) return text
  const cut = text.slice(-CONTEXT_CHARACTERS)
  const space = cut.indexOf(' ')
  return `…${space >= 0 ? cut.slice(space) : cut}`
}

function head(text: string): string {
  if (text.length <= CONTEXT_CHARACTERS) return text
  const cut = text.slice(0, CONTEXT_CHARACTERS)
  const space = cut.lastIndexOf(' ')
  return `${space > 0 ? cut.slice(0, space) : cut}…`
}

export function rejectSuggestion(doc: Y.Doc, actor: string, id: string, now = new Date()): void {
  requireOwner(doc, actor, 'reject suggestions')
  const { entry } = openSuggestion(doc, id)
  decide(entry, 'rejected', actor, now)
}

function decide(entry: Y.Map<unknown>, state: SuggestionState, actor: string, now: Date): void {
  entry.doc?.transact(() => {
    entry.set('state', state)
    entry.set('decidedBy', actor)
    entry.set('decidedAt', now.toISOString())
  })
}

function openSuggestion(doc: Y.Doc, id: string): { entry: Y.Map<unknown>; suggestion: Suggestion } {
  const entry = suggestionsArray(doc)
    .toArray()
    .find((item) => item instanceof Y.Map && item.get('id') === id)
  const suggestion = listSuggestions(doc).find((item) => item.id === id)
  if (!entry || !suggestion) throw new Error('That suggestion no longer exists.')
  if (suggestion.state !== 'open')
    throw new Error(`That suggestion was already ${suggestion.state}.`)
  return { entry, suggestion }
}

/** The first text node holding `find`, in document order, and where in it. */
function locate(doc: Y.Doc, find: string): { text: Y.XmlText; index: number } | null {
  for (const text of textNodes(doc.getXmlFragment('customerUpdate'))) {
    const index = textOf(text).indexOf(find)
    if (index >= 0) return { text, index }
  }
  return null
}

type Op = { insert?: unknown; attributes?: Record<string, unknown> }

/** The marks on the character at `index`, so the replacement keeps them. */
function attributesAt(text: Y.XmlText, index: number): Record<string, unknown> {
  let offset = 0
  for (const op of text.toDelta() as Op[]) {
    const length = typeof op.insert === 'string' ? op.insert.length : 1
    if (index < offset + length) return { ...(op.attributes ?? {}) }
    offset += length
  }
  return {}
}
