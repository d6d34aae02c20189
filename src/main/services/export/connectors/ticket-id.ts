/**
 * The form of each help desk's ticket ids, checked before an id goes into a request path. An
 * id comes from the case, which every room member can edit, or from a pasted link: `..`, `/`,
 * `?` or `#` in it must never reach another endpoint with the connection's credentials
 * (`/tickets/../users/me`). Encoding is not enough, as `..` is no character to encode.
 */

export interface TicketIdForm {
  pattern: RegExp
  /** What an id looks like, after "ids are": "numbers, e.g. 48213". */
  looksLike: string
}

/** Zendesk, Freshdesk, Help Scout and Zammad number their tickets. */
export function numbered(example: string): TicketIdForm {
  return { pattern: /^\d{1,20}$/, looksLike: `numbers, e.g. ${example}` }
}

/** A Jira issue key (the project's key, a dash, a number) or the numeric id. */
export const JIRA_REQUEST_ID: TicketIdForm = {
  pattern: /^(?:[A-Z][A-Z0-9_]*-\d{1,20}|\d{1,20})$/i,
  looksLike: 'keys such as SUP-112, or numbers',
}

/** Intercom's conversation ids are digits; letters are let in for ids of other kinds. */
export const INTERCOM_CONVERSATION_ID: TicketIdForm = {
  pattern: /^[A-Za-z0-9]{1,64}$/,
  looksLike: 'letters and digits, e.g. 1234567',
}

/** For a help desk that names no form: still nothing that could leave the path segment. */
export const PLAIN_ID: TicketIdForm = {
  pattern: /^[A-Za-z0-9_-]{1,64}$/,
  looksLike: 'letters, digits, - and _',
}
