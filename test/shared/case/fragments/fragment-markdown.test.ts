import * as Y from 'yjs'
import { describe, expect, it } from 'vitest'
import { fragmentToMarkdown } from '../../../../src/shared/case/fragments/fragment-markdown'
import { SWARM_PROMPTS } from '../../../../src/shared/case/templates'
import { fill, marked, node, p, type RichNode } from '../../../fixtures/rich-text'

function markdown(...nodes: RichNode[]): string {
  const fragment = new Y.Doc().getXmlFragment('summary')
  fill(fragment, nodes)
  return fragmentToMarkdown(fragment)
}

describe('a section as Markdown', () => {
  it('writes marks around the text they cover', () => {
    expect(
      markdown(
        p(
          marked('Refunds', { bold: {} }),
          ' go out ',
          marked('today', { italic: {} }),
          ', ',
          marked('not', { strike: {} }),
          ' via ',
          marked('retry_sync()', { code: {} }),
          '.',
        ),
      ),
    ).toBe('**Refunds** go out _today_, ~~not~~ via `retry_sync()`.')
  })

  it('keeps spaces outside the markers, where CommonMark needs them', () => {
    expect(markdown(p('Very', marked(' urgent ', { bold: {} }), 'case'))).toBe(
      'Very **urgent** case',
    )
  })

  it('escapes what a member typed so it cannot become Markdown or HTML', () => {
    expect(markdown(p('Use *stars* and _underscores_ <b>raw</b> [x](y) `code`'))).toBe(
      'Use \\*stars\\* and \\_underscores\\_ \\<b\\>raw\\</b\\> \\[x\\](y) \\`code\\`',
    )
    expect(markdown(p('# not a heading'), p('1. not a list'), p('- nor this'))).toBe(
      '\\# not a heading\n\n1\\. not a list\n\n\\- nor this',
    )
  })

  it('writes http(s) links and drops any other link to plain text', () => {
    expect(
      markdown(
        p(
          marked('status page', { link: { href: 'https://status.acme.com/a (b)' } }),
          ' and ',
          marked('this', { link: { href: 'javascript:alert(1)' } }),
        ),
      ),
    ).toBe('[status page](https://status.acme.com/a%20%28b%29) and this')
  })

  it('keeps mailto links and drops tel:, data: and file: ones a peer wrote', () => {
    expect(
      markdown(
        p(
          marked('billing', { link: { href: 'mailto:billing@acme.com' } }),
          ' ',
          marked('call', { link: { href: 'tel:+15550100' } }),
          ' ',
          marked('blob', { link: { href: 'data:text/html,<script>x</script>' } }),
          ' ',
          marked('disk', { link: { href: 'file:///etc/passwd' } }),
        ),
      ),
    ).toBe('[billing](mailto:billing@acme.com) call blob disk')
  })

  it('keeps a heading on one line when a peer put a newline in it', () => {
    expect(markdown(node('heading', { level: 2 }, 'Next\n# Forged\n- [x] approved'))).toBe(
      '## Next # Forged - \\[x\\] approved',
    )
  })

  it('writes headings, nested lists, quotes, code blocks and rules', () => {
    const result = markdown(
      node('heading', { level: 2 }, 'Next steps'),
      node(
        'bulletList',
        {},
        node(
          'listItem',
          {},
          p('Refund'),
          node('orderedList', { start: 1 }, node('listItem', {}, p('Void'))),
        ),
        node('listItem', {}, p('Tell Acme')),
      ),
      node('blockquote', {}, p('We were charged twice.'), p('Please fix.')),
      node('codeBlock', { language: 'sql' }, 'select * from invoices\nwhere id = 7'),
      node('horizontalRule', {}),
      p('Line one', node('hardBreak', {}), 'line two'),
    )
    expect(result).toBe(
      [
        '## Next steps',
        '- Refund\n  1. Void\n- Tell Acme',
        '> We were charged twice.\n>\n> Please fix.',
        '```sql\nselect * from invoices\nwhere id = 7\n```',
        '---',
        'Line one\\\nline two',
      ].join('\n\n'),
    )
  })

  it('numbers an ordered list from its start, keeping it apart from the paragraph before', () => {
    expect(
      markdown(
        node(
          'bulletList',
          {},
          node(
            'listItem',
            {},
            p('Refund'),
            node('orderedList', { start: 3 }, node('listItem', {}, p('Void'))),
          ),
        ),
      ),
    ).toBe('- Refund\n\n  3. Void')
  })

  it('fences code that itself holds backticks', () => {
    expect(markdown(node('codeBlock', {}, 'a ``` b'))).toBe('````\na ``` b\n````')
    expect(markdown(p(marked('`x`', { code: {} })))).toBe('`` `x` ``')
  })

  it('leaves out empty paragraphs', () => {
    expect(markdown(p(), p('Real text.'), p())).toBe('Real text.')
  })

  it('keeps italic text that reads like a prompt: what a section holds, someone wrote', () => {
    const prompt = SWARM_PROMPTS.other.summary ?? ''
    expect(markdown(p(marked(prompt, { italic: {} })))).toBe(`_${prompt}_`)
  })
})
