/**
 * Cases written by earlier versions hold their swarm type's prompts as italic paragraphs.
 * Prompts are now the editor's placeholders, so the case owner's app removes, once, every
 * prompt paragraph nobody edited, and logs that it did (docs/case-schema.md, Prompt migration).
 * A paragraph someone typed into, formatted or split is theirs now and stays as it is.
 */
import * as Y from 'yjs'
import { PROMPTS_MIGRATED_KEY, isCaseInitialized, metaMap } from './case-doc'
import { isOwner } from './permissions'
import { SECTION_NAMES, SECTION_TITLES, type SectionName } from './schema'
import { SWARM_PROMPTS } from './templates'
import { logEvent } from './timeline'

/** Deterministic, so two apps of the owner migrating at once leave one visible event. */
export const PROMPTS_REMOVED_EVENT_ID = 'prompts-removed'

/** Every prompt a section of any swarm type started with (a case's type may differ now). */
function promptsOf(name: SectionName): Set<string> {
  const prompts = Object.values(SWARM_PROMPTS).map((byType) => byType[name])
  return new Set(prompts.filter((prompt) => prompt !== undefined))
}

/**
 * Removes the unedited prompt paragraphs of a case written by an earlier version, if `memberId`
 * is its owner and it was not done before. Returns how many paragraphs were removed.
 */
export function removeUneditedPrompts(doc: Y.Doc, memberId: string, now = new Date()): number {
  const meta = metaMap(doc)
  if (!isCaseInitialized(doc) || meta.get(PROMPTS_MIGRATED_KEY) === true) return 0
  if (!isOwner(doc, memberId)) return 0
  let removed = 0
  const sections: string[] = []
  doc.transact(() => {
    for (const name of SECTION_NAMES) {
      const fragment = doc.getXmlFragment(name)
      const prompts = promptsOf(name)
      // From the end, so the indexes of the paragraphs still to look at do not move.
      let inSection = 0
      for (let index = fragment.length - 1; index >= 0; index--) {
        const child = fragment.get(index)
        if (child instanceof Y.XmlElement && isUneditedPrompt(child, prompts)) {
          fragment.delete(index, 1)
          inSection += 1
        }
      }
      if (inSection > 0) sections.push(SECTION_TITLES[name])
      removed += inSection
    }
    meta.set(PROMPTS_MIGRATED_KEY, true)
    if (removed > 0) {
      const text =
        `Template prompts nobody had written over were removed from ${sections.join(', ')}; ` +
        'they now show as grey hints in empty sections.'
      logEvent(
        doc,
        memberId,
        'prompts-removed',
        text,
        { sections },
        {
          id: PROMPTS_REMOVED_EVENT_ID,
          now,
        },
      )
    }
  })
  return removed
}

/** A paragraph holding one of `prompts`, in italics and nothing else, exactly as written. */
function isUneditedPrompt(element: Y.XmlElement, prompts: Set<string>): boolean {
  if (element.nodeName !== 'paragraph' || Object.keys(element.getAttributes()).length > 0) {
    return false
  }
  const children = element.toArray()
  const text = children[0]
  if (children.length !== 1 || !(text instanceof Y.XmlText)) return false
  const ops = text.toDelta() as { insert?: unknown; attributes?: Record<string, unknown> }[]
  const op = ops[0]
  if (ops.length !== 1 || typeof op?.insert !== 'string' || !prompts.has(op.insert)) return false
  const marks = Object.keys(op.attributes ?? {})
  return marks.length === 1 && marks[0] === 'italic'
}
