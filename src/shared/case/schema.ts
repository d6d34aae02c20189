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

export const PRIORITY_NAMES: Record<Priority, string> = {
  low: 'Low',
  normal: 'Normal',
  high: 'High',
  urgent: 'Urgent',
}

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

export const CASE_STATUS_NAMES: Record<CaseStatus, string> = {
  triage: 'Triage',
  swarming: 'Swarming',
  resolved: 'Resolved',
  reviewed: 'Reviewed',
}

/** Timeline entries people write. */
export const PERSON_ACTION_KINDS = [
  'tried',
  'found',
  'decided',
  'customer-contact',
  'note',
] as const
export type PersonActionKind = (typeof PERSON_ACTION_KINDS)[number]

/** Timeline entries the app writes for what happens to the case; never editable. */
export const EVENT_KINDS = [
  'joined',
  'role-changed',
  'ownership-offered',
  'ownership-accepted',
  'handoff',
  'escalation',
  'review-requested',
  'changes-requested',
  'approved',
  'approval-withdrawn',
  'update-sent',
  'status-changed',
  'export',
  'signed-off',
  'prompts-removed',
] as const
export type EventKind = (typeof EVENT_KINDS)[number]

export const ACTION_KINDS = [...PERSON_ACTION_KINDS, ...EVENT_KINDS] as const
export type ActionKind = (typeof ACTION_KINDS)[number]

export const ACTION_KIND_NAMES: Record<ActionKind, string> = {
  tried: 'Tried',
  found: 'Found',
  decided: 'Decided',
  'customer-contact': 'Customer contact',
  note: 'Note',
  joined: 'Joined',
  'role-changed': 'Role changed',
  'ownership-offered': 'Ownership offered',
  'ownership-accepted': 'Ownership accepted',
  handoff: 'Handoff',
  escalation: 'Escalation',
  'review-requested': 'Review requested',
  'changes-requested': 'Changes requested',
  approved: 'Approved',
  'approval-withdrawn': 'Approval withdrawn',
  'update-sent': 'Update sent',
  'status-changed': 'Status changed',
  export: 'Export',
  'signed-off': 'Signed off',
  'prompts-removed': 'Prompts removed',
}

export function isPersonActionKind(kind: ActionKind): kind is PersonActionKind {
  return (PERSON_ACTION_KINDS as readonly string[]).includes(kind)
}

export const MEMBER_ROLES = ['owner', 'contributor', 'approver', 'lead', 'observer'] as const
export type MemberRole = (typeof MEMBER_ROLES)[number]

export const MEMBER_ROLE_NAMES: Record<MemberRole, string> = {
  owner: 'Case owner',
  contributor: 'Contributor',
  approver: 'Approver',
  lead: 'Lead',
  observer: 'Observer',
}

export const EXPERTISE = ['billing', 'product', 'engineering', 'account', 'other'] as const
export type Expertise = (typeof EXPERTISE)[number]

export const EXPERTISE_NAMES: Record<Expertise, string> = {
  billing: 'Billing',
  product: 'Product',
  engineering: 'Engineering',
  account: 'Account management',
  other: 'Other',
}

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
  /** Members picked with @ in `text` (which holds them as `@name`); absent in older entries. */
  mentions?: { memberId: string; name: string }[]
  /** App events only: what the event is about (see docs/case-schema.md, Timeline events). */
  data?: Record<string, unknown>
}

/** A value of the `members` map, keyed by member id. */
export interface CaseMember {
  name: string
  /** A palette colour nobody else in the case holds (docs/case-schema.md, members). */
  color: string
  /** ISO time the member got `color`: who keeps a colour two members took at once. */
  colorSince?: string
  role: MemberRole
  expertise: Expertise | ''
  /** The member's device public key (Ed25519, raw, base64url); absent in older cases. */
  publicKey?: string
}

/** `meta.ownershipOffer`: a hand-over waiting for the new owner to accept. */
export interface OwnershipOffer {
  to: string
  by: string
  at: string
  signature?: string
}

export const RESPONSIBILITIES = [
  'customerUpdates',
  'exceptions',
  'engineering',
  'closeLoop',
] as const
export type Responsibility = (typeof RESPONSIBILITIES)[number]

export const RESPONSIBILITY_NAMES: Record<Responsibility, string> = {
  customerUpdates: 'Updates the customer',
  exceptions: 'Approves exceptions',
  engineering: 'Decides on an engineering issue',
  closeLoop: 'Closes the loop',
}

/** `meta.responsibilities`: member ids; `""` or a missing key means the case owner. */
export type Responsibilities = Record<Responsibility, string>

export const APPROVAL_STATES = [
  'draft',
  'review-requested',
  'changes-requested',
  'approved',
] as const
export type ApprovalState = (typeof APPROVAL_STATES)[number]

/** The `approval` map. */
export interface ApprovalRecord {
  state: ApprovalState
  requestedBy?: string
  requestedAt?: string
  approvedBy?: string
  approvedAt?: string
  contentHash?: string
  withdrawnAt?: string
  /** The approver's signature of the approval (docs/case-schema.md, Signed decisions). */
  signature?: string
  /** What the owner asked to change, while the state is changes-requested. */
  changesNote?: string
}

export const SUGGESTION_STATES = ['open', 'accepted', 'rejected'] as const
export type SuggestionState = (typeof SUGGESTION_STATES)[number]

/** One entry of the `suggestions` array: a proposed change to the customer update. */
export interface Suggestion {
  id: string
  by: string
  at: string
  find: string
  replace: string
  state: SuggestionState
  decidedBy?: string
  decidedAt?: string
}

export interface TicketResult {
  system: HelpDesk
  ticketId: string
  commentId: string
}

/** One entry of the `updates` array: a customer update as sent. */
export interface SentUpdate {
  id: string
  sentAt: string
  by: string
  text: string
  html: string
  contentHash: string
  via: 'manual' | HelpDesk
  ticketResult?: TicketResult
}

/** One entry of the `exports` array: what reached the help desk. */
export interface ExportRecord {
  id: string
  at: string
  by: string
  system: HelpDesk
  ticketId: string
  parts: 'note' | 'reply' | 'both'
  state: 'queued' | 'sent' | 'failed'
  noteId?: string
  replyId?: string
  error?: string
  unapprovedOverride?: boolean
  /** ISO time every part was on the ticket (state `sent`). */
  sentAt?: string
  /** The customer update's hash (see approval.ts) when the reply was queued. */
  replyHash?: string
  /** ISO time the owner cancelled what was not sent yet (state `failed`); it is never sent. */
  cancelledAt?: string
}

/**
 * `meta.ticketSeen`: the linked ticket as Swarmroom last read it from the help desk, shown in
 * the room's header and compared with the ticket before a reply is posted.
 */
export interface TicketSeen {
  /** The `meta.ticket.id` it was read for; a record of another ticket is ignored. */
  ticketId: string
  subject: string
  requester: string
  status: string
  /** The help desk's own time of the ticket's last change ('' when it gives none). */
  updatedAt: string
  /** When Swarmroom read it (ISO 8601 UTC). */
  readAt: string
  /** The id of the ticket's newest comment then ('' when it had none). */
  lastCommentId: string
}

/** One entry of the `reviewComments` array; `start`/`end` are Y.RelativePosition JSON. */
export interface ReviewComment {
  id: string
  section: SectionName
  start: Record<string, unknown>
  end: Record<string, unknown>
  quote: string
  text: string
  by: string
  at: string
  resolved: boolean
}

/** One entry of the `snapshots` array. */
export interface SnapshotRecord {
  at: string
  by: string
  label: string
  /** Base64 of `Y.encodeSnapshot`. */
  snapshot: string
}

/** The top-level shared types, by name. */
export const TOP_LEVEL = {
  meta: 'meta',
  actions: 'actions',
  members: 'members',
  updates: 'updates',
  approval: 'approval',
  suggestions: 'suggestions',
  exports: 'exports',
  review: 'review',
  reviewComments: 'reviewComments',
  users: 'users',
  snapshots: 'snapshots',
} as const
