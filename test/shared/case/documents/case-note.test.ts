import { describe, expect, it } from 'vitest'
import { section, updateMeta } from '../../../../src/shared/case/case-doc'
import { caseNote } from '../../../../src/shared/case/documents/case-note'
import { setResponsibilities } from '../../../../src/shared/case/responsibilities'
import { setMemberRole } from '../../../../src/shared/case/roles'
import { setStatus } from '../../../../src/shared/case/status'
import { addAction } from '../../../../src/shared/case/timeline'
import { at, newCase, write } from '../case-fixture'
import { fill, marked, p } from '../../../fixtures/rich-text'

function scriptedCase(): ReturnType<typeof newCase> {
  const doc = newCase()
  write(doc, 'summary', 'Acme is charged twice for every plan change.')
  fill(section(doc, 'impact'), [p(marked('Renewal', { bold: {} }), ' is on hold.')])
  write(doc, 'postIncident', 'Proration needs an idempotency key.')
  addAction(
    doc,
    'omar',
    { kind: 'found', text: 'Proration ran twice', outcome: 'Refund issued' },
    at(12),
  )
  setStatus(doc, 'dana', 'swarming', at(15))
  setMemberRole(doc, 'dana', 'priya', 'contributor', 'engineering', at(16))
  setResponsibilities(doc, 'dana', { engineering: 'priya' })
  return doc
}

describe('the internal note for the ticket', () => {
  it('holds the case in Markdown, section by section', () => {
    const { markdown } = caseNote(scriptedCase())
    expect(
      markdown.startsWith(
        '# Swarm case: Acme: double charges\n\n- **Ticket:** Zendesk ticket 48213',
      ),
    ).toBe(true)
    expect(markdown).toContain('- **Status:** Swarming')
    expect(markdown).toContain('## Case summary\n\nAcme is charged twice for every plan change.')
    expect(markdown).toContain('## Customer impact\n\n**Renewal** is on hold.')
    expect(markdown).toContain(
      '- 2026-11-20 09:12 UTC · Omar · Found: Proration ran twice\\\n  Outcome: Refund issued',
    )
    expect(markdown).toContain('Dana Whitfield · Status changed: Dana Whitfield moved the case')
    expect(markdown).toContain('## Relevant history\n\n_Not written._')
    expect(markdown).toContain('- **Decides on an engineering issue:** Priya Raman')
    expect(markdown).toContain('- **Updates the customer:** Dana Whitfield')
    expect(markdown).toContain('- Priya Raman: Contributor, Engineering')
    expect(markdown).toContain('## Post-incident notes\n\nProration needs an idempotency key.')
    expect(markdown).not.toContain('joined the case')
  })

  it('holds the same note as HTML, escaped', () => {
    const doc = scriptedCase()
    write(doc, 'history', 'Ticket <47100> & friends.')
    const { html } = caseNote(doc)
    expect(html).toContain('<h1>Swarm case: Acme: double charges</h1>')
    expect(html).toContain('<h2>Customer impact</h2><p><strong>Renewal</strong> is on hold.</p>')
    expect(html).toContain('<p>Ticket &#60;47100&#62; &#38; friends.</p>')
    expect(html).toContain(
      '<li>2026-11-20 09:12 UTC · Omar · Found: Proration ran twice<br>Outcome: Refund issued</li>',
    )
    expect(html).not.toMatch(/<script|javascript:/)
  })

  it('holds the same note as plain text', () => {
    const { text } = caseNote(scriptedCase())
    const title = 'Swarm case: Acme: double charges'
    expect(text.split('\n').slice(0, 4).join('\n')).toBe(
      `${title}\n${'='.repeat(title.length)}\n\nTicket: Zendesk ticket 48213, https://acme.zendesk.com/agent/tickets/48213`,
    )
    expect(text).toContain('Customer impact\n---------------\n\nRenewal is on hold.')
    expect(text).toContain(
      '- 2026-11-20 09:12 UTC · Omar · Found: Proration ran twice\n  Outcome: Refund issued',
    )
  })

  it('keeps a title with newlines on its heading line, in Markdown and plain text', () => {
    const doc = scriptedCase()
    updateMeta(doc, { title: 'Acme\n# Approved by legal\n- [x] refund sent' })
    const { markdown, text } = caseNote(doc)
    expect(markdown.split('\n').filter((line) => line.startsWith('#'))[0]).toBe(
      '# Swarm case: Acme # Approved by legal - \\[x\\] refund sent',
    )
    expect(markdown).not.toMatch(/^# Approved by legal/m)
    expect(markdown).not.toMatch(/^- \[x\]/m)
    expect(text.split('\n')[0]).toBe('Swarm case: Acme # Approved by legal - [x] refund sent')
  })
})
