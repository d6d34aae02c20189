import { describe, expect, it } from 'vitest'
import { section } from '../../../src/shared/case/case-doc'
import { isPromptText, sectionState, withoutPrompts } from '../../../src/shared/case/prompts'
import { SWARM_PROMPTS } from '../../../src/shared/case/templates'
import { newCase, write } from './case-fixture'

const vipSummary = SWARM_PROMPTS['vip-incident'].summary?.[0] ?? ''
const blockerImpact = SWARM_PROMPTS['cross-functional-blocker'].impact?.[0] ?? ''

describe('recognising template prompts', () => {
  it('tells an untouched prompt from a section someone wrote in', () => {
    const doc = newCase()
    expect(sectionState(section(doc, 'summary'))).toBe('placeholder')
    write(doc, 'summary', 'Checkout charges Acme twice since the plan change.')
    expect(sectionState(section(doc, 'summary'))).toBe('present')
    write(doc, 'summary')
    expect(sectionState(section(doc, 'summary'))).toBe('missing')
  })

  it("recognises another swarm type's prompt, for a case whose type changed", () => {
    const doc = newCase()
    write(doc, 'impact', blockerImpact)
    expect(sectionState(section(doc, 'impact'))).toBe('placeholder')
    expect(isPromptText(`  ${blockerImpact} `)).toBe(true)
  })

  it('keeps what someone typed after the prompt in the same paragraph', () => {
    expect(withoutPrompts(`${vipSummary} Checkout double-charges Acme.`)).toBe(
      'Checkout double-charges Acme.',
    )
    expect(isPromptText(`${vipSummary} Checkout double-charges Acme.`)).toBe(false)
  })
})
