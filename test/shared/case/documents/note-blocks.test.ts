import { describe, expect, it } from 'vitest'
import { formatTime, renderNote } from '../../../../src/shared/case/documents/note-blocks'

describe('notes built from a case', () => {
  it('write one clock for every reader', () => {
    expect(formatTime('2026-11-20T09:05:30.000Z')).toBe('2026-11-20 09:05 UTC')
    expect(formatTime('not a time')).toBe('not a time')
  })

  it('write each block as Markdown, HTML and text, escaping what people typed', () => {
    const note = renderNote([
      { kind: 'heading', level: 2, text: 'Actions *taken*' },
      { kind: 'fields', fields: [['Customer', 'A & B <Ltd>']] },
      { kind: 'list', items: ['1. Tried\nOutcome: none', '- dash'] },
      { kind: 'paragraph', text: 'Nothing else.', emphasis: true },
    ])
    expect(note.markdown).toBe(
      '## Actions \\*taken\\*\n\n- **Customer:** A & B \\<Ltd\\>\n\n' +
        '- 1\\. Tried\\\n  Outcome: none\n- \\- dash\n\n_Nothing else._\n',
    )
    expect(note.html).toBe(
      '<h2>Actions *taken*</h2><ul><li><strong>Customer:</strong> A &#38; B &#60;Ltd&#62;</li></ul>' +
        '<ul><li>1. Tried<br>Outcome: none</li><li>- dash</li></ul><p><em>Nothing else.</em></p>',
    )
    expect(note.text).toBe(
      'Actions *taken*\n---------------\n\nCustomer: A & B <Ltd>\n\n' +
        '- 1. Tried\n  Outcome: none\n- - dash\n\nNothing else.\n',
    )
  })
})
