import * as Y from 'yjs'
import { describe, expect, it } from 'vitest'
import { fragmentToHtml } from '../../../../src/shared/case/fragments/fragment-html'
import { fill, marked, node, p, type RichNode } from '../../../fixtures/rich-text'

function html(...nodes: RichNode[]): string {
  const fragment = new Y.Doc().getXmlFragment('customerUpdate')
  fill(fragment, nodes)
  return fragmentToHtml(fragment)
}

describe('a section as HTML', () => {
  it('escapes every character that could become markup', () => {
    expect(html(p(`<img src=x onerror="alert('x')"> & more`))).toBe(
      '<p>&#60;img src=x onerror=&#34;alert(&#39;x&#39;)&#34;&#62; &#38; more</p>',
    )
  })

  it('writes marks as their elements', () => {
    expect(
      html(
        p(
          marked('Refunds', { bold: {}, italic: {} }),
          ' ',
          marked('today', { underline: {} }),
          ' ',
          marked('old', { strike: {} }),
          ' ',
          marked('a<b', { code: {} }),
        ),
      ),
    ).toBe('<p><strong><em>Refunds</em></strong> <u>today</u> <s>old</s> <code>a&#60;b</code></p>')
  })

  it('links only to http(s) addresses, with an escaped href', () => {
    expect(
      html(
        p(
          marked('status', { link: { href: 'https://status.acme.com/?a=1&b="2"' } }),
          ' ',
          marked('bad', { link: { href: 'javascript:alert(1)' } }),
          ' ',
          marked('file', { link: { href: 'file:///etc/passwd' } }),
        ),
      ),
    ).toBe(
      '<p><a href="https://status.acme.com/?a=1&#38;b=%222%22" rel="noopener noreferrer">status</a> bad file</p>',
    )
  })

  it('writes headings, lists, quotes, code and rules', () => {
    expect(
      html(
        node('heading', { level: 3 }, 'Steps'),
        node(
          'orderedList',
          { start: 2 },
          node('listItem', {}, p('Void'), node('bulletList', {}, node('listItem', {}, p('twice')))),
        ),
        node('blockquote', {}, p('Charged twice.')),
        node('codeBlock', { language: 'sql' }, 'a < b'),
        node('codeBlock', { language: '"><script>' }, 'x'),
        node('horizontalRule', {}),
        p('one', node('hardBreak', {}), 'two'),
      ),
    ).toBe(
      '<h3>Steps</h3>' +
        '<ol start="2"><li><p>Void</p><ul><li><p>twice</p></li></ul></li></ol>' +
        '<blockquote><p>Charged twice.</p></blockquote>' +
        '<pre><code class="language-sql">a &#60; b</code></pre>' +
        '<pre><code>x</code></pre>' +
        '<hr>' +
        '<p>one<br>two</p>',
    )
  })

  it('clamps a heading level it cannot write', () => {
    expect(html(node('heading', { level: 9 }, 'Deep'))).toBe('<h6>Deep</h6>')
  })
})
