/**
 * The checks every IPC call passes before a handler runs: a known channel, a trusted sender
 * frame, and input that matches the contract. Failures come back as values, never throws.
 */
import type { z } from 'zod'
import { contract, isChannel } from '@shared/ipc'
import { AppError, type ErrorCode, type Result } from '@shared/result'

type ChannelSchemas = Record<string, { input: z.ZodType; output: z.ZodType }>

/** One function per channel of `Channels`, taking its parsed input. */
export type HandlersOf<Channels extends ChannelSchemas> = {
  [C in keyof Channels]: (
    input: z.output<Channels[C]['input']>,
  ) => z.output<Channels[C]['output']> | Promise<z.output<Channels[C]['output']>>
}

export type Handlers = HandlersOf<typeof contract>

/** What main knows about the frame that sent a message (`event.senderFrame`). */
export interface SenderInfo {
  url: string | undefined
  isMainFrame: boolean
}

export type Dispatch = (
  channel: string,
  input: unknown,
  sender: SenderInfo,
) => Promise<Result<unknown>>

/**
 * Trusts only the top frame of Swarmroom's own page: the same file for `file:` URLs, the same
 * origin for web URLs (the dev server, the e2e harness), and the same scheme and host for the
 * app's own scheme (`app://swarmroom`): WHATWG URLs give every such URL the opaque origin
 * "null", so comparing origins there would trust any page of any custom scheme.
 */
export function isFromRenderer(rendererUrl: string): (sender: SenderInfo) => boolean {
  const expected = new URL(rendererUrl)
  return (sender) => {
    if (!sender.isMainFrame || !sender.url) return false
    let actual: URL
    try {
      actual = new URL(sender.url)
    } catch {
      return false
    }
    if (expected.protocol === 'file:') {
      return actual.protocol === 'file:' && actual.pathname === expected.pathname
    }
    if (expected.protocol === 'http:' || expected.protocol === 'https:') {
      return actual.origin === expected.origin
    }
    return actual.protocol === expected.protocol && actual.host === expected.host
  }
}

export function createDispatcher(
  handlers: Handlers,
  isTrustedSender: (sender: SenderInfo) => boolean,
): Dispatch {
  return async (channel, input, sender) => {
    if (!isChannel(channel)) {
      return failure('unknown-channel', `Swarmroom has no operation called "${String(channel)}".`)
    }
    if (!isTrustedSender(sender)) {
      return failure(
        'untrusted-sender',
        "This request did not come from Swarmroom's own window and was refused.",
      )
    }
    const parsed = contract[channel].input.safeParse(input)
    if (!parsed.success) {
      console.warn(`IPC ${channel}: input refused`, parsed.error.issues)
      return failure('invalid-input', describeIssues(parsed.error), fieldOf(parsed.error))
    }
    try {
      const handler = handlers[channel] as (input: unknown) => unknown
      return { ok: true, value: await handler(parsed.data) }
    } catch (error) {
      if (error instanceof AppError) return failure(error.code, error.message)
      console.error(`IPC handler ${channel} failed`, error)
      const detail = error instanceof Error ? error.message : String(error)
      return failure('internal', `Something went wrong inside Swarmroom: ${detail}`)
    }
  }
}

function failure(code: ErrorCode, message: string, field?: string): Result<never> {
  return { ok: false, error: field === undefined ? { code, message } : { code, message, field } }
}

/**
 * The schemas' own words ("Give the case a title."), without the field's key, which means
 * nothing to a support agent; the key goes in `field`, for the form to mark.
 */
function describeIssues(error: z.ZodError): string {
  return [...new Set(error.issues.map((issue) => issue.message))].join(' ')
}

function fieldOf(error: z.ZodError): string | undefined {
  const path = error.issues[0]?.path ?? []
  return path.length > 0 ? path.join('.') : undefined
}
