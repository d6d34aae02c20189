/**
 * What an export posts and saves is what people wrote: the swarm type's prompts are the
 * editor's placeholders, so a fresh case exports no prompt, and a case from an earlier version
 * exports none once its owner's app has removed them.
 */
import type * as Y from 'yjs'
import { describe, expect, it } from 'vitest'
import { exportContent, fileContent } from '../../../../src/main/services/export/export-content'
import { PROMPTS_MIGRATED_KEY, metaMap, section } from '../../../../src/shared/case/case-doc'
import { removeUneditedPrompts } from '../../../../src/shared/case/prompt-migration'
import { appendParagraphs } from '../../../../src/shared/case/rich-text'
import { SECTION_NAMES } from '../../../../src/shared/case/schema'
import { SWARM_PROMPTS } from '../../../../src/shared/case/templates'
import { newCase, write } from '../../../shared/case/case-fixture'

const PROMPTS = SECTION_NAMES.map((name) => SWARM_PROMPTS['vip-incident'][name] ?? '')

/** Every body an export could post or save, in every format. */
function everyBody(doc: Y.Doc): string {
  const content = exportContent(doc)
  const files = (['note', 'reply'] as const).flatMap((part) =>
    (['markdown', 'html'] as const).map((format) => fileContent(doc, part, format).content),
  )
  return [content.note, content.reply]
    .flatMap((rendered) => [rendered.markdown, rendered.html, rendered.text])
    .concat(files)
    .join('\n')
}

describe('export content', () => {
  it('holds no prompt text for a fresh case, and no reply until someone writes one', () => {
    const doc = newCase()
    const bodies = everyBody(doc)
    for (const prompt of PROMPTS) expect(bodies).not.toContain(prompt)
    expect(exportContent(doc).replyWritten).toBe(false)
    expect(exportContent(doc).reply.text).toBe('')
  })

  it('exports exactly what was written', () => {
    const doc = newCase()
    write(doc, 'summary', 'Hello')
    write(doc, 'customerUpdate', 'Hello Maria, the refund is on its way.')
    expect(exportContent(doc).note.markdown).toContain('## Case summary\n\nHello\n')
    expect(exportContent(doc).reply.text).toBe('Hello Maria, the refund is on its way.')
    expect(exportContent(doc).replyWritten).toBe(true)
  })

  it('holds no prompt text for a case from an earlier version once its owner opened it', () => {
    const doc = newCase()
    doc.transact(() => {
      metaMap(doc).delete(PROMPTS_MIGRATED_KEY)
      SECTION_NAMES.forEach((name, index) =>
        appendParagraphs(section(doc, name), [PROMPTS[index] ?? ''], ['italic']),
      )
    })
    removeUneditedPrompts(doc, 'dana')
    const bodies = everyBody(doc)
    for (const prompt of PROMPTS) expect(bodies).not.toContain(prompt)
    expect(exportContent(doc).replyWritten).toBe(false)
  })
})
