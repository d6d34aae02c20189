/**
 * One interface for every help desk Swarmroom exports to. A connector reads a ticket, adds an
 * internal note or a public reply, and lists the ticket's latest comments (so that a retry
 * after a timeout can see whether the first attempt landed). Each vendor is one small module
 * in this folder using `fetch`; none of them imports electron.
 */
import type { ConnectorKind } from '@shared/help-desk-connections'

// Shared with the renderer, which asks for these settings in Settings → Help desks.
export {
  CONNECTOR_KINDS,
  SECRET_NAMES,
  connectionConfigSchemas,
  type ConnectionConfig,
  type ConnectorKind,
} from '@shared/help-desk-connections'

/** What Swarmroom posts: the same content as HTML and as plain text; each vendor takes one. */
export interface PostContent {
  html: string
  text: string
}

export interface TicketInfo {
  id: string
  subject: string
  /** The requester's name or email, as the help desk shows it. */
  requester: string
  /** The vendor's own status word (open, pending, "Waiting for support", …). */
  status: string
  /** ISO time of the ticket's last change, as the vendor reports it ('' if it does not). */
  updatedAt: string
  /** A link an agent can open in the browser ('' when unknown). */
  url: string
}

export interface TicketComment {
  id: string
  /** True for a reply the customer sees, false for an internal note. */
  public: boolean
  /** The comment as plain text (HTML stripped), for comparing with what Swarmroom sent. */
  text: string
  createdAt: string
}

/** A file attached to a message, by name and the help desk's link to it. */
export interface MessageAttachment {
  name: string
  /** The vendor's link ('' when it gives none); opening it may need the agent's own login. */
  url: string
}

/** One message of a ticket's conversation, as the case's Ticket panel shows it. */
export interface ConversationMessage {
  id: string
  /** The author's name (or email) as the help desk shows it; '' when it names nobody. */
  author: string
  /** ISO time the message was written. */
  at: string
  /** True for what the customer sees, false for an internal note. */
  public: boolean
  /** The body as plain text (HTML bodies are turned into text in main, never shown as HTML). */
  text: string
  attachments: MessageAttachment[]
}

/** Another ticket of the same requester. */
export interface RequesterTicket {
  id: string
  subject: string
  status: string
  /** ISO time of its last change (or of its creation, where the vendor gives only that). */
  at: string
  url: string
}

/** A knowledge-base article to post as a draft. */
export interface ArticleDraft {
  title: string
  html: string
  text: string
}

/** The draft article in the help desk's knowledge base. */
export interface ArticleResult {
  id: string
  /** Where an agent opens the draft ('' when the vendor gives no link). */
  url: string
}

export interface PostResult {
  /** The vendor's id of the new comment, note or article ('' when the vendor returns none). */
  id: string
}

export interface Connector {
  readonly kind: ConnectorKind
  /** Checks the credentials with a cheap authenticated request; says who it is connected as. */
  testConnection(): Promise<string>
  readTicket(ticketId: string): Promise<TicketInfo>
  /** The ticket's most recent comments, oldest first (at most the last page). */
  recentComments(ticketId: string): Promise<TicketComment[]>
  addInternalNote(ticketId: string, content: PostContent): Promise<PostResult>
  addPublicReply(ticketId: string, content: PostContent): Promise<PostResult>
  /** Every public message and internal note, oldest first, following the vendor's pages. */
  readConversation(ticketId: string): Promise<ConversationMessage[]>
  /** The requester's other tickets, most recent first (one page, at most RECENT_TICKETS). */
  recentTicketsOfRequester(ticketId: string): Promise<RequesterTicket[]>
  /**
   * Where the vendor has a knowledge base with an API: posts the article as a draft. Throws
   * HelpDeskError `not-set-up` when the connection lacks what the knowledge base needs.
   */
  createArticleDraft?(article: ArticleDraft): Promise<ArticleResult>
  /**
   * The draft a previous attempt left, found by its title, so a retry after a timeout does
   * not post the article twice; undefined when there is none.
   */
  findArticleDraft?(article: ArticleDraft): Promise<ArticleResult | undefined>
}

/** How many of the requester's other tickets are shown. */
export const RECENT_TICKETS = 10

/**
 * Why a help-desk request failed, so the outbox knows whether to retry:
 * - `auth`: credentials rejected (401/403); the user must fix the connection.
 * - `not-found`: the ticket (or endpoint) does not exist (404).
 * - `rejected`: the vendor refused the content (400/422); `message` carries the vendor's words.
 * - `rate-limited`: 429; `retryAt` says when the vendor allows the next request.
 * - `unreachable`: no answer (DNS, refused, dropped connection, 5xx): retry later.
 * - `timeout`: no answer in time. The request may still have landed.
 * - `not-set-up`: the connection lacks a setting this call needs (a knowledge-base section).
 */
export type HelpDeskErrorKind =
  'auth' | 'not-found' | 'rejected' | 'rate-limited' | 'unreachable' | 'timeout' | 'not-set-up'

export class HelpDeskError extends Error {
  readonly kind: HelpDeskErrorKind
  readonly status: number | undefined
  /** When to try again (rate limits). */
  readonly retryAt: Date | undefined
  /** Set when the connector knows better than the kind and status (see mayHaveLanded). */
  private readonly landed: boolean | undefined

  constructor(
    kind: HelpDeskErrorKind,
    message: string,
    options: { status?: number; retryAt?: Date; mayHaveLanded?: boolean; cause?: unknown } = {},
  ) {
    super(message, { cause: options.cause })
    this.name = 'HelpDeskError'
    this.kind = kind
    this.status = options.status
    this.retryAt = options.retryAt
    this.landed = options.mayHaveLanded
  }

  /**
   * Whether the outcome of the request is unknown (it may have been applied). By default a
   * timeout or a connection lost without an answer; a connector passes `mayHaveLanded: false`
   * when the request provably never left (the host was not found or refused the connection).
   */
  get mayHaveLanded(): boolean {
    if (this.landed !== undefined) return this.landed
    return this.kind === 'timeout' || (this.kind === 'unreachable' && this.status === undefined)
  }
}

export interface ConnectorOptions {
  /** Milliseconds before a request counts as timed out. @default 20000 */
  timeoutMs?: number
  /** Injected for tests; the global fetch otherwise. */
  fetch?: typeof fetch
  /** Help Scout Docs' own API key (and, for tests, its address): Docs is a separate API. */
  helpScoutDocs?: { apiKey?: string | undefined; baseUrl?: string }
}
