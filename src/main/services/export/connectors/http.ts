/**
 * The one way vendor modules talk to a help desk: `fetch` with a timeout, JSON in and out, and
 * every way a request can fail turned into a HelpDeskError that says what happened, whether a
 * note may have been posted anyway, and what the agent can check.
 *
 * Redirects are never followed: fetch would send the same credentials (headers, or a token
 * request's secret in its body) to wherever the help desk points, another host included.
 * Answers are read up to `MAX_RESPONSE_BYTES` and no further.
 */
import type { z } from 'zod'
import { HelpDeskError } from './connector'
import { MAX_RESPONSE_BYTES, readCappedText, sizeInWords } from './response-body'
import { retryAtFrom } from './retry-at'
import { PLAIN_ID, type TicketIdForm } from './ticket-id'
import { vendorMessage } from './vendor-message'

export const DEFAULT_TIMEOUT_MS = 20_000
const SETTINGS = 'Settings → Help desks'
/** Connection errors that mean the request never reached the help desk. */
const NEVER_SENT = /^(ENOTFOUND|EAI_AGAIN|ECONNREFUSED|EHOSTUNREACH|ENETUNREACH)$/
const CERTIFICATE = /CERT|SELF_SIGNED|UNABLE_TO_VERIFY|ERR_TLS/

export interface HelpDeskHttpOptions {
  /** The help desk's name as agents know it ("Zendesk"). */
  vendor: string
  /** Where request paths start, e.g. `https://acme.zendesk.com`. */
  baseUrl: string
  /** What to check when the credentials are refused ("email and API token"). */
  credentials: string
  /** What the help desk calls a ticket, for not-found messages. @default 'Ticket' */
  ticketNoun?: string
  /** What a ticket id looks like, checked by `ticketSegment`. @default PLAIN_ID */
  ticketIds?: TicketIdForm
  /** Headers that authenticate a request (Basic, Bearer, Token …). */
  authorize: () => Record<string, string> | Promise<Record<string, string>>
  /** @default 20000 */
  timeoutMs?: number
  /** Largest answer read, in bytes. @default 10485760 (10 MiB) */
  maxResponseBytes?: number
  fetch?: typeof fetch
}

export interface HelpDeskRequest {
  method?: 'GET' | 'POST' | 'PUT'
  /** A path below the base URL, or a full URL (e.g. a vendor's next-page link). */
  path: string
  query?: Record<string, string>
  json?: unknown
  /** A body already serialised (e.g. one that is signed); set its Content-Type in `headers`. */
  body?: string
  form?: Record<string, string>
  headers?: Record<string, string>
  /** Leave out the `authorize` headers (a token request carries its own credentials). */
  anonymous?: boolean
  /** The ticket the request is about: a 404 then means that ticket is gone. */
  ticketId?: string
  /** What the request posts ("note", "reply"): failures then say whether it may have landed. */
  posting?: string
}

export interface HelpDeskResponse {
  status: number
  headers: Headers
  /** Parsed JSON; the text itself when the body is not JSON ('' when empty). */
  body: unknown
}

export class HelpDeskHttp {
  private readonly vendor: string
  /** The name at the start of a sentence ("The webhook …"). */
  private readonly vendorAtStart: string
  private readonly timeoutMs: number

  constructor(private readonly options: HelpDeskHttpOptions) {
    this.vendor = options.vendor
    this.vendorAtStart = options.vendor.charAt(0).toUpperCase() + options.vendor.slice(1)
    this.timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS
  }

  async send(request: HelpDeskRequest): Promise<HelpDeskResponse> {
    const url = this.urlOf(request)
    const headers: Record<string, string> = {
      Accept: 'application/json',
      ...(request.anonymous ? {} : await this.options.authorize()),
      ...request.headers,
    }
    let body: string | undefined
    if (request.json !== undefined) {
      body = JSON.stringify(request.json)
      headers['Content-Type'] = 'application/json'
    } else if (request.body !== undefined) {
      body = request.body
    } else if (request.form) {
      body = new URLSearchParams(request.form).toString()
      headers['Content-Type'] = 'application/x-www-form-urlencoded'
    }
    const maxBytes = this.options.maxResponseBytes ?? MAX_RESPONSE_BYTES
    let response: Response
    let text: string | undefined
    try {
      response = await (this.options.fetch ?? fetch)(url, {
        method: request.method ?? 'GET',
        headers,
        body,
        redirect: 'manual',
        signal: AbortSignal.timeout(this.timeoutMs),
      })
      if (isRedirect(response.status)) {
        await response.body?.cancel()
        throw this.redirected(response, url)
      }
      text = await readCappedText(response, maxBytes)
    } catch (error) {
      if (error instanceof HelpDeskError) throw error
      throw this.failure(error, url, request)
    }
    if (text === undefined) throw this.tooLarge(response.status, maxBytes, request)
    const answer = { status: response.status, headers: response.headers, body: parseBody(text) }
    if (response.ok) return answer
    throw this.refusal(answer, url, request)
  }

  /**
   * Sends the request and reads the answer with `schema`; an answer of another shape fails.
   * A post answered with success in an unexpected shape did land: the outbox must look on the
   * ticket before trying again, so the failure says it may have landed.
   */
  async read<T>(request: HelpDeskRequest, schema: z.ZodType<T>): Promise<T> {
    const answer = await this.send(request)
    try {
      return this.parse(schema, answer)
    } catch (error) {
      if (!request.posting || !(error instanceof HelpDeskError)) throw error
      throw new HelpDeskError(error.kind, error.message, {
        status: answer.status,
        mayHaveLanded: true,
        cause: error.cause,
      })
    }
  }

  /**
   * A ticket id as a path segment, refused unless it has the help desk's form, so that no id
   * can change which endpoint a request reaches.
   */
  ticketSegment(ticketId: string): string {
    const id = ticketId.trim()
    const form = this.options.ticketIds ?? PLAIN_ID
    if (form.pattern.test(id)) return encodeURIComponent(id)
    const noun = this.options.ticketNoun ?? 'Ticket'
    const shown = id.length > 40 ? `${id.slice(0, 40)}…` : id
    throw new HelpDeskError(
      'not-found',
      `${this.vendorAtStart} has no ${noun.toLowerCase()} “${shown}”: ${this.vendor} ` +
        `${noun.toLowerCase()} ids are ${form.looksLike}. Link the case to its ticket again ` +
        'by pasting the ticket’s address.',
      { mayHaveLanded: false },
    )
  }

  /** Reads an answer with `schema`: a login page or another API's answer fails clearly. */
  parse<T>(schema: z.ZodType<T>, answer: HelpDeskResponse): T {
    const parsed = schema.safeParse(answer.body)
    if (parsed.success) return parsed.data
    throw new HelpDeskError(
      'unreachable',
      `${this.vendorAtStart} answered in a form Swarmroom does not understand. ` +
        `Check the address in ${SETTINGS}.`,
      { status: answer.status, cause: parsed.error },
    )
  }

  private urlOf(request: HelpDeskRequest): URL {
    const base = this.options.baseUrl.replace(/\/+$/, '')
    const url = new URL(/^https?:\/\//i.test(request.path) ? request.path : base + request.path)
    for (const [name, value] of Object.entries(request.query ?? {})) {
      url.searchParams.set(name, value)
    }
    return url
  }

  /** A 3xx: where it points is said, but nothing is sent there. */
  private redirected(response: Response, url: URL): HelpDeskError {
    const location = response.headers.get('location')
    const target = location && URL.canParse(location, url.href) ? new URL(location, url) : undefined
    const where = target ? ` to ${target.host}` : ` (${response.status})`
    return new HelpDeskError(
      'unreachable',
      `${this.vendorAtStart} answered with a redirect${where}; Swarmroom does not follow ` +
        `redirects with your credentials. Check the address in ${SETTINGS}.`,
      // A help desk that redirects has not acted on the request.
      { status: response.status, mayHaveLanded: false },
    )
  }

  private tooLarge(status: number, maxBytes: number, request: HelpDeskRequest): HelpDeskError {
    const landed = request.posting
      ? ` The ${request.posting} may or may not have been posted; Swarmroom will check before trying again.`
      : ''
    return new HelpDeskError(
      'unreachable',
      `${this.vendorAtStart} sent an answer larger than ${sizeInWords(maxBytes)}, more than ` +
        `Swarmroom reads. Check the address in ${SETTINGS}.${landed}`,
      { status, mayHaveLanded: request.posting !== undefined },
    )
  }

  /** No answer: a timeout, a host that cannot be reached, or a connection cut mid-request. */
  private failure(error: unknown, url: URL, request: HelpDeskRequest): HelpDeskError {
    const landed = request.posting
      ? ` The ${request.posting} may or may not have been posted; Swarmroom will check before trying again.`
      : ' Try again in a moment.'
    if (error instanceof Error && error.name === 'TimeoutError') {
      const seconds = Number((this.timeoutMs / 1000).toFixed(1))
      const unit = seconds === 1 ? 'second' : 'seconds'
      return new HelpDeskError(
        'timeout',
        `${this.vendorAtStart} did not answer within ${seconds} ${unit}.${landed}`,
        { cause: error },
      )
    }
    const code = errorCode(error) ?? ''
    if (NEVER_SENT.test(code)) {
      const what = /NOTFOUND|AGAIN/.test(code) ? 'find' : 'connect to'
      return new HelpDeskError(
        'unreachable',
        `Swarmroom could not ${what} ${this.vendor} at ${url.host} (${code}). ` +
          `Check the address in ${SETTINGS} and this computer's connection; ` +
          'nothing was posted, and Swarmroom will try again later.',
        { cause: error, mayHaveLanded: false },
      )
    }
    if (CERTIFICATE.test(code)) {
      return new HelpDeskError(
        'unreachable',
        `The secure connection to ${url.host} could not be verified (${code}). ` +
          `Check the address in ${SETTINGS}; nothing was posted.`,
        { cause: error, mayHaveLanded: false },
      )
    }
    return new HelpDeskError(
      'unreachable',
      `The connection to ${this.vendor} was cut before it answered.${landed}`,
      { cause: error },
    )
  }

  /** An answer that is not a success: mapped by status, with the vendor's own words if any. */
  private refusal(answer: HelpDeskResponse, url: URL, request: HelpDeskRequest): HelpDeskError {
    const { status } = answer
    const said = vendorMessage(answer.body)
    const options = { status, cause: answer.body }
    if (status === 401 || status === 403) {
      const detail = said ? ` ${this.vendorAtStart} said: “${said}”` : ''
      return new HelpDeskError(
        'auth',
        `${this.vendorAtStart} rejected the saved credentials (${status}). ` +
          `Check the ${this.options.credentials} in ${SETTINGS}.${detail}`,
        options,
      )
    }
    if (status === 404) {
      const noun = this.options.ticketNoun ?? 'Ticket'
      const message = request.ticketId
        ? `${noun} ${request.ticketId} was not found in ${this.vendor}. It may have been deleted or merged.`
        : `${this.vendorAtStart} has nothing at ${url.origin}${url.pathname} (404). ` +
          `Check the address in ${SETTINGS}.`
      return new HelpDeskError('not-found', message, options)
    }
    if (status === 429) {
      const retryAt = retryAtFrom(answer.headers, new Date())
      const seconds = Math.max(1, Math.ceil((retryAt.getTime() - Date.now()) / 1000))
      return new HelpDeskError(
        'rate-limited',
        `${this.vendorAtStart} is limiting how often Swarmroom may call it (429). ` +
          `Swarmroom will try again in ${waitInWords(seconds)}.`,
        { ...options, retryAt },
      )
    }
    if (status >= 400 && status < 500) {
      const what = request.posting ? `the ${request.posting}` : 'the request'
      return new HelpDeskError(
        'rejected',
        `${this.vendorAtStart} did not accept ${what} (${status})${said ? `: ${said}` : '.'}`,
        options,
      )
    }
    // A gateway's 502 or 504 can come after the help desk saved the post: check before retrying.
    return new HelpDeskError(
      'unreachable',
      `${this.vendorAtStart} had a problem on its side (${status}). Swarmroom will try again later.`,
      { ...options, ...(request.posting ? { mayHaveLanded: true } : {}) },
    )
  }
}

function isRedirect(status: number): boolean {
  return status >= 300 && status < 400
}

function waitInWords(seconds: number): string {
  if (seconds < 90) return `${seconds} ${seconds === 1 ? 'second' : 'seconds'}`
  const minutes = Math.round(seconds / 60)
  return minutes < 90 ? `about ${minutes} minutes` : `about ${Math.round(minutes / 60)} hours`
}

function parseBody(text: string): unknown {
  if (text === '') return ''
  try {
    return JSON.parse(text) as unknown
  } catch {
    return text
  }
}

/** Node's fetch wraps the socket error: `TypeError('fetch failed', {cause: {code}})`. */
function errorCode(error: unknown): string | undefined {
  for (let current = error, depth = 0; current && depth < 5; depth++) {
    if (typeof current !== 'object') return undefined
    const code = (current as { code?: unknown }).code
    if (typeof code === 'string') return code
    const nested = (current as { errors?: unknown }).errors
    if (Array.isArray(nested) && nested.length > 0) current = nested[0]
    else current = (current as { cause?: unknown }).cause
  }
  return undefined
}

/** An HTTP Basic `Authorization` value (UTF-8, as browsers and help desks expect). */
export function basicAuth(user: string, password: string): string {
  return `Basic ${Buffer.from(`${user}:${password}`, 'utf8').toString('base64')}`
}
