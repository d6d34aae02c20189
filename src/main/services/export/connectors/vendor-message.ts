/**
 * Finds the help desk's own words in an error body, so a refusal reads "Status: closed prevents
 * ticket update" rather than "422". Every vendor shapes its errors differently:
 * - Zendesk: `{error, description, details: {field: [{description}]}}`
 * - Intercom: `{type: 'error.list', errors: [{code, message}]}`
 * - Jira Service Management: `{errorMessage}`; the Jira platform: `{errorMessages, errors}`
 * - Freshdesk: `{description, errors: [{field, message}]}`, or `{code, message}`
 * - Help Scout: `{message, _embedded: {errors: [{path, message}]}}`
 * - Zammad: `{error, error_human}`; OAuth token endpoints: `{error, error_description}`
 * Field-level details win over a general summary ("Validation failed").
 */

/** Long enough for any real validation message, short enough for a notice. */
const MAX_LENGTH = 300

export function vendorMessage(body: unknown): string | undefined {
  if (typeof body === 'string') return fromText(body)
  if (!isRecord(body)) return undefined
  const details = [
    ...listed(isRecord(body._embedded) ? body._embedded.errors : undefined),
    ...listed(body.errors),
    ...listed(body.errorMessages),
    ...fieldMessages(body.errors),
    ...fieldMessages(body.details),
  ]
  if (details.length > 0) return clip([...new Set(details)].join('; '))
  for (const key of [
    'errorMessage',
    'error_human',
    'error_description',
    'description',
    'message',
  ]) {
    const value = body[key]
    if (typeof value === 'string' && value.trim()) return clip(value.trim())
  }
  if (typeof body.error === 'string' && body.error.trim()) return clip(body.error.trim())
  if (isRecord(body.error)) return vendorMessage(body.error)
  return undefined
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** Items of an error array: strings, or objects with a message (prefixed by their field). */
function listed(value: unknown): string[] {
  if (!Array.isArray(value)) return []
  return value.flatMap((item): string[] => {
    if (typeof item === 'string') return item.trim() ? [item.trim()] : []
    if (!isRecord(item)) return []
    const message = [item.message, item.description, item.title].find(
      (text): text is string => typeof text === 'string' && text.trim() !== '',
    )
    if (!message) return typeof item.code === 'string' ? [item.code] : []
    const field = [item.field, item.path].find((name) => typeof name === 'string' && name !== '')
    return [typeof field === 'string' ? `${field}: ${message.trim()}` : message.trim()]
  })
}

/** `{field: message}` (Jira) or `{field: [{description}]}` (Zendesk). */
function fieldMessages(value: unknown): string[] {
  if (!isRecord(value)) return []
  return Object.entries(value).flatMap(([field, entry]) => {
    if (typeof entry === 'string') return entry.trim() ? [`${field}: ${entry.trim()}`] : []
    return listed(entry)
  })
}

/** Plain text bodies are the message; an HTML error page is not something to show an agent. */
function fromText(text: string): string | undefined {
  const trimmed = text.trim()
  if (!trimmed || /^<(!doctype|html|\?xml)/i.test(trimmed)) return undefined
  return clip(trimmed)
}

function clip(text: string): string {
  return text.length > MAX_LENGTH ? `${text.slice(0, MAX_LENGTH - 1)}…` : text
}
