import { describe, expect, it } from 'vitest'
import { section } from '../../../../src/shared/case/case-doc'
import { customerReply } from '../../../../src/shared/case/fragments/customer-reply'
import { newCase } from '../case-fixture'
import { fill, marked, node, p } from '../../../fixtures/rich-text'

describe('the reply to the customer', () => {
  it('is the customer update as HTML and as text', () => {
    const doc = newCase()
    fill(section(doc, 'customerUpdate'), [
      p('Hello Acme,'),
      p('We refunded ', marked('both', { bold: {} }), ' duplicate charges:'),
      node(
        'bulletList',
        {},
        node('listItem', {}, p('Invoice 1001')),
        node('listItem', {}, p('Invoice 1002')),
      ),
    ])
    expect(customerReply(doc)).toEqual({
      html:
        '<p>Hello Acme,</p><p>We refunded <strong>both</strong> duplicate charges:</p>' +
        '<ul><li><p>Invoice 1001</p></li><li><p>Invoice 1002</p></li></ul>',
      text: 'Hello Acme,\n\nWe refunded both duplicate charges:\n\n- Invoice 1001\n- Invoice 1002',
    })
  })

  it('sends nothing for an update nobody wrote: a new case holds no prompt text', () => {
    expect(customerReply(newCase())).toEqual({ html: '', text: '' })
  })
})
