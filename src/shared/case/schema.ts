/**
 * The case document's public names. Any Yjs client that uses these names and formats can read
 * and write a case; docs/case-schema.md is the prose version of this file and must match it.
 */
import { z } from 'zod'

/** Bumped only when an older Swarmroom could misread a newer document. */
export const CASE_SCHEMA_VERSION = 1

export const SECTION_NAMES = [
  'summary',
  'impact',
  'history',
  'expertise',
  'customerUpdate',
  'postIncident',
] as const
export type SectionName = (typeof SECTION_NAMES)[number]

export const SECTION_TITLES: Record<SectionName, string> = {
  summary: 'Case summary',
  impact: 'Customer impact',
  history: 'Relevant history',
  expertise: 'Needed expertise',
  customerUpdate: 'Customer update',
  postIncident: 'Post-incident notes',
}

export const HELP_DESKS = [
  'zendesk',
  'freshdesk',
  'helpscout',
  'intercom',
  'jira',
  'zammad',
  'other',
] as const
export type HelpDesk = (typeof HELP_DESKS)[number]

export const HELP_DESK_NAMES: Record<HelpDesk, string> = {
  zendesk: 'Zendesk',
  freshdesk: 'Freshdesk',
  helpscout: 'Help Scout',
  intercom: 'Intercom',
  jira: 'Jira Service Management',
  zammad: 'Zammad',
  other: 'Other',
}

export const PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const
export type Priority = (typeof PRIORITIES)[number]

export const SWARM_TYPES = [
  'vip-incident',
  'cross-functional-blocker',
  'sensitive-complaint',
  'emerging-pattern',
  'other',
] as const
export type SwarmType = (typeof SWARM_TYPES)[number]

export const SWARM_TYPE_NAMES: Record<SwarmType, string> = {
  'vip-incident': 'VIP incident',
  'cross-functional-blocker': 'Cross-functional blocker',
  'sensitive-complaint': 'Sensitive complaint',
  'emerging-pattern': 'Emerging pattern',
  other: 'Other',
}

export const CASE_STATUSES = ['triage', 'swarming', 'resolved', 'reviewed'] as const
export type CaseStatus = (typeof CASE_STATUSES)[number]

export const ACTION_KINDS = [
  'tried',
  'found',
  'decided',
  'customer-contact',
  'handoff',
  'note',
] as const
export type ActionKind = (typeof ACTION_KINDS)[number]

export const ACTION_KIND_NAMES: Record<ActionKind, string> = {
  tried: 'Tried',
  found: 'Found',
  decided: 'Decided',
  'customer-contact': 'Customer contact',
  handoff: 'Handoff',
  note: 'Note',
}

export const MEMBER_ROLES = ['owner', 'contributor', 'approver', 'lead', 'observer'] as const
export type MemberRole = (typeof MEMBER_ROLES)[number]

export const ticketSchema = z.object({
  system: z.enum(HELP_DESKS),
  id: z.string().trim().max(200),
  url: z.string().trim().max(2000),
})
export type TicketReference = z.infer<typeof ticketSchema>

/** Everything a case needs at creation; validated at the IPC boundary. */
export const newCaseSchema = z.object({
  title: z.string().trim().min(1, 'Give the case a title.').max(200),
  ticket: ticketSchema,
  customer: z.string().trim().max(200),
  priority: z.enum(PRIORITIES),
  swarmType: z.enum(SWARM_TYPES),
})
export type NewCase = z.infer<typeof newCaseSchema>

/** Keys of the `meta` map, with the type of each value. */
export interface CaseMeta {
  schemaVersion: number
  title: string
  ticket: TicketReference
  customer: string
  priority: Priority
  swarmType: SwarmType
  status: CaseStatus
  ownerId: string
  createdAt: string
  createdBy: string
}

/** One entry of the `actions` array (a Y.Map with these keys). */
export interface ActionEntry {
  id: string
  time: string
  author: string
  kind: ActionKind
  text: string
  outcome: string
  /** ISO time of the author's last edit; absent when never edited. */
  editedAt?: string
}

/** A value of the `members` map, keyed by member id. */
export interface CaseMember {
  name: string
  color: string
  role: MemberRole
  expertise: string
}

/** The top-level shared types, by name. */
export const TOP_LEVEL = {
  meta: 'meta',
  actions: 'actions',
  members: 'members',
  updates: 'updates',
  approval: 'approval',
  exports: 'exports',
  review: 'review',
} as const
