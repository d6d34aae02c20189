/**
 * Channels of the case's Ticket panel: the linked ticket's conversation and the requester's
 * other tickets, read in main through the connection (its token never leaves main) and kept on
 * disk for offline reading. A cached answer says so (`fresh: false`), with its "as of" time
 * and, in words, why the help desk could not be asked.
 */
import { z } from 'zod'
import { HELP_DESKS } from '../case/schema'
import { roomIdSchema } from './schemas'

export const conversationMessageSchema = z.object({
  id: z.string(),
  author: z.string(),
  at: z.string(),
  public: z.boolean(),
  /** Plain text: HTML bodies are turned into text in main and never rendered as HTML. */
  text: z.string(),
  attachments: z.array(z.object({ name: z.string(), url: z.string() })),
})

export const requesterTicketSchema = z.object({
  id: z.string(),
  subject: z.string(),
  status: z.string(),
  at: z.string(),
  url: z.string(),
})

export const ticketContextSchema = z.object({
  system: z.enum(HELP_DESKS),
  ticketId: z.string(),
  messages: z.array(conversationMessageSchema),
  otherTickets: z.array(requesterTicketSchema),
  /** When the help desk gave this (ISO). */
  asOf: z.string(),
  /** False when this is the copy saved on this computer. */
  fresh: z.boolean(),
  /** Why the help desk was not asked or did not answer, in words ('' when fresh). */
  problem: z.string(),
})
export type TicketContext = z.infer<typeof ticketContextSchema>

const connectionId = z.string().trim().min(1).max(200)

/** A knowledge-base article in the outbox: its state, its link once posted, what went wrong. */
export const articleStateSchema = z.object({
  /** The outbox entry, for its progress. */
  entryId: z.string(),
  state: z.enum(['queued', 'sending', 'sent', 'waiting', 'failed', 'cancelled']),
  /** The draft's address once it is posted ('' until then). */
  link: z.string(),
  /** Why the last attempt failed, for a support agent ('' when all is well). */
  message: z.string(),
})
export type ArticleState = z.infer<typeof articleStateSchema>

export const ticketsChannels = {
  /** Reads the conversation now; the saved copy, marked as such, when the help desk cannot. */
  'tickets:read': {
    input: z.object({ roomId: roomIdSchema, connectionId: connectionId.optional() }),
    output: ticketContextSchema,
  },
  /**
   * Queues the case's knowledge-base draft as a draft article in the help desk's knowledge
   * base, through the outbox (retried, never posted twice); the case's timeline gets its link
   * once it is there.
   */
  'tickets:postArticle': {
    input: z.object({
      roomId: roomIdSchema,
      title: z
        .string()
        .trim()
        .min(1, 'Give the article a title.')
        .max(200, 'That title is too long.'),
      connectionId: connectionId.optional(),
    }),
    output: articleStateSchema,
  },
  /** Where a queued article is now, for the dialog that queued it to show. */
  'tickets:articleState': {
    input: z.object({ entryId: z.string().min(1).max(200) }),
    output: articleStateSchema,
  },
  /** The saved copy only, without asking the help desk (null when there is none). */
  'tickets:cached': {
    input: z.object({ roomId: roomIdSchema }),
    output: ticketContextSchema.nullable(),
  },
} as const
