import * as Y from 'yjs'
import { describe, expect, it } from 'vitest'
import { fragmentToText } from '../../../../src/shared/case/fragments/fragment-text'
import { fill, marked, node, p, type RichNode } from '../../../fixtures/rich-text'

function text(...nodes: RichNode[]): string {
  const fragment = new Y.Doc().getXmlFragment('customerUpdate')
  fill(fragment, nodes)
  return fragmentToText(fragment)
}

describe('a section as plain text', () => {
  it('separates blocks with blank lines and drops formatting', () => {
    expect(text(p(marked('Hello', { bold: {} }), ' Acme,'), p('Refunds go out today.'))).toBe(
      'Hello Acme,\n\nRefunds go out today.',
    )
  })

  it('writes lists, quotes and line breaks as an e-mail would', () => {
    expect(
      text(
        node(
          'bulletList',
          {},
          node('listItem', {}, p('Refund')),
          node('listItem', {}, p('Credit')),
        ),
        node('orderedList', { start: 4 }, node('listItem', {}, p('Call'))),
        node('blockquote', {}, p('We were charged twice.')),
        p('Best,', node('hardBreak', {}), 'Dana'),
      ),
    ).toBe('- Refund\n- Credit\n\n4. Call\n\n> We were charged twice.\n\nBest,\nDana')
  })

  it('writes a link once, with its address after its text', () => {
    const href = 'https://status.acme.com/'
    expect(
      text(
        p(
          'See ',
          marked('the ', { link: { href } }),
          marked('status page', { link: { href }, bold: {} }),
          ' or ',
          marked('https://status.acme.com', { link: { href } }),
          '.',
        ),
      ),
    ).toBe('See the status page (https://status.acme.com/) or https://status.acme.com.')
  })
})
