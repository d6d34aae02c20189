/**
 * A help-desk connection as app.json keeps it: which help desk, a label the agent chose, and
 * that vendor's settings. The secret is never part of it; it lives in the secret store under
 * the connection's id.
 */
import { z } from 'zod'
import { connectionConfigSchemas, type ConnectorKind } from './connector'

function connectionOf<K extends ConnectorKind>(kind: K) {
  return z.object({
    id: z.string().trim().min(1, 'A connection needs an id'),
    kind: z.literal(kind),
    label: z.string().trim().min(1, 'Give the connection a name').max(80),
    config: connectionConfigSchemas[kind],
  })
}

export const connectionSchema = z.discriminatedUnion('kind', [
  connectionOf('zendesk'),
  connectionOf('freshdesk'),
  connectionOf('helpscout'),
  connectionOf('intercom'),
  connectionOf('jira'),
  connectionOf('zammad'),
  connectionOf('webhook'),
])
export type Connection = z.infer<typeof connectionSchema>

/** A stored connection that cannot be used as it is; `message` says what to fix. */
export class InvalidConnectionError extends Error {
  constructor(message: string, options: { cause?: unknown } = {}) {
    super(message, options)
    this.name = 'InvalidConnectionError'
  }
}

/** The names Settings → Help desks shows for each field. */
const FIELD_NAMES: Record<string, string> = {
  id: 'id',
  kind: 'help desk',
  label: 'name',
  baseUrl: 'address',
  url: 'address',
  email: 'email',
  appId: 'app ID',
  adminId: 'admin ID',
}

/**
 * Reads a stored connection, or explains in a sentence what is wrong with it, e.g.
 * "The help desk connection “Acme support” cannot be used: email: Invalid email address."
 */
export function parseConnection(stored: unknown): Connection {
  const parsed = connectionSchema.safeParse(stored)
  if (parsed.success) return parsed.data
  const label = typeof stored === 'object' && stored !== null ? Reflect.get(stored, 'label') : ''
  const named = typeof label === 'string' && label.trim() ? `“${label.trim()}” ` : ''
  // One problem per field is enough to act on (an address can fail two checks at once).
  const problems = new Map<string, string>()
  for (const issue of parsed.error.issues) {
    const field = String(issue.path.at(-1) ?? '')
    if (!problems.has(field)) problems.set(field, issue.message)
  }
  const sentence = [...problems]
    .map(([field, message]) => (field ? `${FIELD_NAMES[field] ?? field}: ${message}` : message))
    .join('; ')
  throw new InvalidConnectionError(
    `The help desk connection ${named}cannot be used: ${sentence}. Fix it in Settings → Help desks.`,
    { cause: parsed.error },
  )
}
