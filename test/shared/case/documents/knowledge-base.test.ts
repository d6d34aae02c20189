import { describe, expect, it } from 'vitest'
import { approve } from '../../../../src/shared/case/approval'
import { knowledgeBaseArticle } from '../../../../src/shared/case/documents/knowledge-base'
import { addAction } from '../../../../src/shared/case/timeline'
import { markSent } from '../../../../src/shared/case/updates'
import { newCase, write } from '../case-fixture'

describe('the draft knowledge-base article', () => {
  it('is drafted from the summary, what was found and decided, the reply and the lessons', () => {
    const doc = newCase()
    write(doc, 'summary', 'Customers are charged twice when they change plan mid-cycle.')
    write(doc, 'postIncident', 'Proration needs an idempotency key.')
    addAction(doc, 'omar', { kind: 'tried', text: 'Resynced invoices', outcome: 'No change' })
    addAction(doc, 'omar', { kind: 'found', text: 'Proration ran twice', outcome: '' })
    addAction(doc, 'dana', {
      kind: 'decided',
      text: 'Refund the duplicates',
      outcome: 'Approved by finance',
    })
    write(doc, 'customerUpdate', 'We refunded the duplicate charge.', 'It reaches you in 3 days.')
    approve(doc, 'dana')
    markSent(doc, 'dana', { via: 'manual' })

    expect(knowledgeBaseArticle(doc)).toBe(
      [
        '# Draft knowledge-base article',
        '_Drafted from a swarm case. Remove customer details and check every step before publishing._',
        '## Problem',
        'Customers are charged twice when they change plan mid-cycle.',
        '## Resolution',
        '- Found: Proration ran twice\n- Decided: Refund the duplicates (Approved by finance)',
        '### What we told the customer',
        'We refunded the duplicate charge.',
        'It reaches you in 3 days.',
        '## Lessons learned',
        'Proration needs an idempotency key.\n',
      ].join('\n\n'),
    )
  })

  it('says what is missing in a case nobody has written up', () => {
    const article = knowledgeBaseArticle(newCase())
    expect(article).toContain('## Problem\n\n_Describe the problem._')
    expect(article).toContain('## Resolution\n\n_Nothing found or decided was logged._')
    expect(article).not.toContain('What we told the customer')
    expect(article).toContain('## Lessons learned\n\n_No post-incident notes._')
    expect(article).not.toContain('Acme')
  })
})
