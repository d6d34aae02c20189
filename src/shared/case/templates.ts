/**
 * Short prompts each swarm type puts into a new case, so the swarm knows what to write where.
 * They are written in italics and only into an empty section: a section anyone has already
 * written in is never touched.
 */
import type * as Y from 'yjs'
import { appendParagraphs, isFragmentEmpty } from './rich-text'
import type { SectionName, SwarmType } from './schema'

type Prompts = Partial<Record<SectionName, readonly string[]>>

const COMMON: Prompts = {
  history: ['Earlier tickets, known bugs or past workarounds that matter here.'],
  customerUpdate: ['Draft the one update the customer will receive. The case owner approves it.'],
  postIncident: ['What we learned, and what would have made this faster.'],
}

export const SWARM_PROMPTS: Record<SwarmType, Prompts> = {
  'vip-incident': {
    ...COMMON,
    summary: ['In one sentence: what is broken for this customer, and since when?'],
    impact: ['Who is affected, how badly, and what is at stake for the account (renewal, SLA)?'],
    expertise: ['Which teams are needed (engineering, billing, account owner) and why?'],
  },
  'cross-functional-blocker': {
    ...COMMON,
    summary: ['In one sentence: what is blocked, and which teams own the pieces?'],
    impact: ['What the customer cannot do until this is unblocked.'],
    expertise: ['The decision or knowledge each team must bring.'],
  },
  'sensitive-complaint': {
    ...COMMON,
    summary: ['In one sentence: what the customer is unhappy about, in their words.'],
    impact: ['The relationship at risk: tone, escalation path, legal or PR exposure.'],
    expertise: ['Who should approve the wording (lead, account owner, legal)?'],
  },
  'emerging-pattern': {
    ...COMMON,
    summary: ['In one sentence: the pattern, and how many customers show it so far.'],
    impact: ['Affected customers and tickets, and how fast it is growing.'],
    expertise: ['Who can confirm a root cause (product, engineering)?'],
  },
  other: {
    ...COMMON,
    summary: ['In one sentence: what is going on?'],
    impact: ['Who is affected and how badly?'],
    expertise: ['Which expertise is needed, and why?'],
  },
}

/** Inserts the swarm type's prompts into each section that is still empty. */
export function applySwarmTemplate(doc: Y.Doc, swarmType: SwarmType): void {
  const prompts = SWARM_PROMPTS[swarmType]
  doc.transact(() => {
    for (const [name, lines] of Object.entries(prompts) as [SectionName, readonly string[]][]) {
      const fragment = doc.getXmlFragment(name)
      if (isFragmentEmpty(fragment) && fragment.length === 0) {
        appendParagraphs(fragment, lines, ['italic'])
      }
    }
  })
}
