import { describe, expect, it } from 'vitest'
import { htmlToText } from '../../../../../src/main/services/export/connectors/html-text'

describe('reading a comment body as plain text', () => {
  it('keeps paragraphs and line breaks as lines', () => {
    expect(htmlToText('<p>First line<br>second line</p><p>Next   paragraph</p>')).toBe(
      'First line\nsecond line\nNext paragraph',
    )
  })

  it('decodes the entities help desks use', () => {
    expect(
      htmlToText('<p>R&amp;D &lt;team&gt; said &quot;yes&quot; &#8211; caf&#xe9;&nbsp;ok</p>'),
    ).toBe('R&D <team> said "yes" – café ok')
  })

  it('drops scripts and styles with their content', () => {
    expect(htmlToText('<style>p{color:red}</style><p>Visible</p><script>alert(1)</script>')).toBe(
      'Visible',
    )
  })
})
