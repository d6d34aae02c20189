/**
 * Channels of help-desk connections and of exporting a case to its ticket. No output carries a
 * secret: a connection says only whether its secret is saved.
 */
import { z } from 'zod'
import { APPROVAL_STATES, HELP_DESKS, ticketSchema } from '../case/schema'
import { CONNECTOR_KINDS } from '../help-desk-connections'
import { roomIdSchema, roomRef } from './schemas'

const connectionId = z.string().trim().min(1, 'Choose a help-desk connection.').max(200)
const label = z.string().trim().min(1, 'Give the connection a name.').max(80)
/**
 * A vendor's settings as typed; main checks them against that vendor's schema. No vendor has
 * more than a handful of fields, so the count is bounded too: a renderer sending 100,000 keys
 * is refused before anything walks them.
 */
const configInput = z
  .record(z.string().max(60), z.string().max(2000))
  .refine(
    (config) => Object.keys(config).length <= 16,
    'A help-desk connection has at most 16 settings.',
  )
const secretInput = z.string().max(8000, 'That secret is too long to be right.')

export const connectionViewSchema = z.object({
  id: z.string(),
  kind: z.enum(CONNECTOR_KINDS),
  label: z.string(),
  config: z.record(z.string(), z.string()),
  /** Whether a secret is saved; the secret itself never leaves main. */
  hasSecret: z.boolean(),
})
export type ConnectionView = z.infer<typeof connectionViewSchema>

export const connectionChoiceSchema = connectionViewSchema.pick({
  id: true,
  kind: true,
  label: true,
})
export type ConnectionChoice = z.infer<typeof connectionChoiceSchema>

export const ticketSeenSchema = z.object({
  ticketId: z.string(),
  subject: z.string(),
  requester: z.string(),
  status: z.string(),
  updatedAt: z.string(),
  readAt: z.string(),
  lastCommentId: z.string(),
})

export const exportRecordSchema = z.object({
  id: z.string(),
  at: z.string(),
  by: z.string(),
  system: z.enum(HELP_DESKS),
  ticketId: z.string(),
  parts: z.enum(['note', 'reply', 'both']),
  state: z.enum(['queued', 'sent', 'failed']),
  noteId: z.string().optional(),
  replyId: z.string().optional(),
  error: z.string().optional(),
  unapprovedOverride: z.boolean().optional(),
  sentAt: z.string().optional(),
  replyHash: z.string().optional(),
  cancelledAt: z.string().optional(),
})

const partContent = z.object({
  /** Exactly what the help desk receives: HTML, or plain text (see `format`). */
  posted: z.string(),
  html: z.string(),
  text: z.string(),
})

export const exportPreviewSchema = z.object({
  ticket: ticketSchema,
  /** The connection the export goes through; null when none fits or several do. */
  connection: connectionChoiceSchema.nullable(),
  /** Connections to this help desk to choose from. */
  choices: z.array(connectionChoiceSchema),
  format: z.enum(['html', 'text']),
  note: partContent,
  reply: partContent.extend({
    /** False while nobody has written in the customer update. */
    written: z.boolean(),
    approval: z.object({
      valid: z.boolean(),
      state: z.enum(APPROVAL_STATES),
      withdrawn: z.boolean(),
    }),
  }),
  /** Names this exact content; `export:send` refuses if the case changed since. */
  hash: z.string(),
  /** Why nothing can be exported yet, in words to act on (no ticket, no connection). */
  problems: z.array(z.string()),
})
export type ExportPreview = z.infer<typeof exportPreviewSchema>

export const EXPORT_PARTS = ['note', 'reply', 'both'] as const
export type ExportParts = (typeof EXPORT_PARTS)[number]

const chooseConnection = z.object({
  state: z.literal('choose-connection'),
  message: z.string(),
  choices: z.array(connectionChoiceSchema),
})

export const linkResultSchema = z.discriminatedUnion('state', [
  z.object({
    state: z.literal('linked'),
    ticket: ticketSchema,
    /** What was read of the ticket; null when it could not be read (`message` says why). */
    seen: ticketSeenSchema.nullable(),
    message: z.string(),
  }),
  chooseConnection,
])
export type LinkResult = z.infer<typeof linkResultSchema>

/** A ticket read by its address before there is a case: what the new-case form fills in. */
export const ticketLookupSchema = z.discriminatedUnion('state', [
  z.object({
    state: z.literal('found'),
    ticket: ticketSchema,
    /** '' when the ticket could not be read (`message` says why). */
    subject: z.string(),
    requester: z.string(),
    message: z.string(),
  }),
  chooseConnection,
])
export type TicketLookup = z.infer<typeof ticketLookupSchema>

export const sendResultSchema = z.discriminatedUnion('state', [
  z.object({ state: z.literal('queued'), record: exportRecordSchema }),
  /** The reply is not approved: the owner must confirm posting it anyway. */
  z.object({ state: z.literal('needs-override'), message: z.string() }),
  /** The ticket changed since the case last read it, or could not be read to check. */
  z.object({
    state: z.literal('confirm-ticket'),
    /**
     * `changed`: the ticket changed in the help desk; `unreadable`: it could not be read;
     * `relinked`: the case points to a ticket this computer's user never linked or confirmed.
     */
    reason: z.enum(['changed', 'unreadable', 'relinked']),
    message: z.string(),
    changes: z.array(z.string()),
    /** Send it back as `ticketToken` to go ahead with the ticket as it was shown. */
    token: z.string(),
  }),
  /** The case changed after the preview was made: look at the new preview first. */
  z.object({ state: z.literal('preview-outdated'), message: z.string() }),
  chooseConnection,
])
export type SendResult = z.infer<typeof sendResultSchema>

/** One part of an export as this computer's outbox holds it: live progress. */
export const exportProgressSchema = z.object({
  roomId: roomIdSchema,
  exportId: z.string(),
  part: z.enum(['note', 'reply']),
  state: z.enum(['queued', 'sending', 'sent', 'waiting', 'failed', 'cancelled']),
  /** What went wrong and what happens next, for a support agent ('' when all is well). */
  message: z.string(),
  nextAttemptAt: z.string().nullable(),
  attempts: z.number(),
  /** Why the last attempt failed (`auth`: the help desk refused the saved credentials). */
  errorKind: z.string().nullable(),
  /** The connection it goes through, so the app can open that connection's settings. */
  connectionId: z.string(),
})
export type ExportProgress = z.infer<typeof exportProgressSchema>

export const exportChannels = {
  'connections:list': { input: z.undefined(), output: z.array(connectionViewSchema) },
  'connections:add': {
    input: z.object({
      kind: z.enum(CONNECTOR_KINDS),
      label,
      config: configInput,
      secret: secretInput,
    }),
    output: connectionViewSchema,
  },
  'connections:update': {
    /** An empty or missing secret keeps the saved one. */
    input: z.object({
      id: connectionId,
      label,
      config: configInput,
      secret: secretInput.optional(),
    }),
    output: connectionViewSchema,
  },
  'connections:remove': { input: z.object({ id: connectionId }), output: z.null() },
  /** Help Scout Docs' own API key, for posting knowledge-base drafts; empty removes it. */
  'connections:setDocsApiKey': {
    input: z.object({ id: connectionId, apiKey: secretInput }),
    output: z.null(),
  },
  'connections:test': {
    input: z.object({ id: connectionId }),
    output: z.object({ ok: z.boolean(), message: z.string() }),
  },
  'export:linkTicket': {
    input: roomRef.extend({
      url: z.string().trim().min(1, 'Paste the ticket’s address.').max(2000),
      connectionId: connectionId.optional(),
    }),
    output: linkResultSchema,
  },
  /** Reads a ticket by its address for the new-case form, through the same connections. */
  'export:lookUpTicket': {
    input: z.object({
      url: z.string().trim().min(1, 'Paste the ticket’s address.').max(2000),
      connectionId: connectionId.optional(),
    }),
    output: ticketLookupSchema,
  },
  'export:readTicket': {
    input: roomRef.extend({ connectionId: connectionId.optional() }),
    output: linkResultSchema,
  },
  'export:preview': {
    input: roomRef.extend({ connectionId: connectionId.optional() }),
    output: exportPreviewSchema,
  },
  'export:send': {
    input: roomRef.extend({
      parts: z.enum(EXPORT_PARTS),
      connectionId: connectionId.optional(),
      /** The preview's hash: what the owner looked at. */
      previewHash: z.string().min(1).max(200),
      /** The owner confirmed posting a reply that is not approved. */
      overrideUnapproved: z.boolean().optional(),
      /** The `token` of a `confirm-ticket` answer the owner went ahead with. */
      ticketToken: z.string().max(1000).optional(),
      /** The `token` of a `relinked` answer: the owner confirmed the ticket the case points to. */
      ticketLinkToken: z.string().max(1000).optional(),
    }),
    output: sendResultSchema,
  },
  'export:progress': { input: roomRef, output: z.array(exportProgressSchema) },
  'export:retry': {
    input: roomRef.extend({ exportId: z.string().min(1).max(200) }),
    output: z.array(exportProgressSchema),
  },
  'export:cancel': {
    input: roomRef.extend({ exportId: z.string().min(1).max(200) }),
    output: z.array(exportProgressSchema),
  },
  'export:saveFile': {
    input: roomRef.extend({
      part: z.enum(['note', 'reply']),
      format: z.enum(['markdown', 'html']),
    }),
    /** `path` is '' when the user cancelled the save dialog. */
    output: z.object({ saved: z.boolean(), path: z.string() }),
  },
} as const

export const exportEvents = {
  /** An export made on this computer moved on (queued, sending, sent, waiting, failed). */
  'export:changed': exportProgressSchema,
} as const
