/**
 * The short prompt each swarm type shows in an empty section, so the swarm knows what to write
 * where. A prompt is the editor's placeholder: it is never written into the document, so
 * nobody is credited with it, no check mistakes it for content and no export carries it.
 */
import type { SectionName, SwarmType } from './schema'

type Prompts = Partial<Record<SectionName, string>>

const COMMON: Prompts = {
  history: 'Earlier tickets, known bugs or past workarounds that matter here.',
  customerUpdate: 'Draft the one update the customer will receive. The case owner approves it.',
  postIncident: 'What we learned, and what would have made this faster.',
}

export const SWARM_PROMPTS: Record<SwarmType, Prompts> = {
  'vip-incident': {
    ...COMMON,
    summary: 'In one sentence: what is broken for this customer, and since when?',
    impact: 'Who is affected, how badly, and what is at stake for the account (renewal, SLA)?',
    expertise: 'Which teams are needed (engineering, billing, account owner) and why?',
  },
  'cross-functional-blocker': {
    ...COMMON,
    summary: 'In one sentence: what is blocked, and which teams own the pieces?',
    impact: 'What the customer cannot do until this is unblocked.',
    expertise: 'The decision or knowledge each team must bring.',
  },
  'sensitive-complaint': {
    ...COMMON,
    summary: 'In one sentence: what the customer is unhappy about, in their words.',
    impact: 'The relationship at risk: tone, escalation path, legal or PR exposure.',
    expertise: 'Who should approve the wording (lead, account owner, legal)?',
  },
  'emerging-pattern': {
    ...COMMON,
    summary: 'In one sentence: the pattern, and how many customers show it so far.',
    impact: 'Affected customers and tickets, and how fast it is growing.',
    expertise: 'Who can confirm a root cause (product, engineering)?',
  },
  other: {
    ...COMMON,
    summary: 'In one sentence: what is going on?',
    impact: 'Who is affected and how badly?',
    expertise: 'Which expertise is needed, and why?',
  },
}

/** What an empty section shows for the case's swarm type; '' when the type has no prompt. */
export function sectionPrompt(swarmType: SwarmType, name: SectionName): string {
  return SWARM_PROMPTS[swarmType][name] ?? ''
}
