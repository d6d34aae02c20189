/**
 * What a help-desk connection is made of, for main (which stores and uses it) and the renderer
 * (which asks for it in Settings): the vendors, each vendor's settings, the name of its one
 * secret, and the fields Settings shows for it. The secret itself never leaves main.
 */
import { z } from 'zod'
import { HELP_DESKS, HELP_DESK_NAMES, type HelpDesk } from './case/schema'

/** Every help desk a case can name, except "other", and a generic webhook. */
export type ConnectorKind = Exclude<HelpDesk, 'other'> | 'webhook'

const kinds: ConnectorKind[] = [
  ...HELP_DESKS.filter((desk): desk is Exclude<HelpDesk, 'other'> => desk !== 'other'),
  'webhook',
]
/** As a non-empty tuple, the shape `z.enum` takes. */
export const CONNECTOR_KINDS = kinds as [ConnectorKind, ...ConnectorKind[]]

export const CONNECTOR_NAMES = Object.fromEntries(
  CONNECTOR_KINDS.map((kind) => [kind, kind === 'webhook' ? 'Webhook' : HELP_DESK_NAMES[kind]]),
) as Record<ConnectorKind, string>

/**
 * https only: API tokens travel in these requests. Plain http is allowed for this computer's
 * own addresses (a help desk's test server, a local proxy), which never cross a network.
 */
const httpsUrl = z
  .string()
  .trim()
  .url('Enter the full address, starting with https://')
  .refine(
    (value) => /^https:\/\//i.test(value) || isLoopbackHttp(value),
    'The address must start with https:// so the credentials travel encrypted.',
  )

function isLoopbackHttp(value: string): boolean {
  try {
    const url = new URL(value)
    return url.protocol === 'http:' && ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname)
  } catch {
    return false
  }
}

/** A knowledge-base setting: optional, as only posting articles needs it; '' means not set. */
const articleSetting = z.string().trim().max(100).optional()

/** Each vendor's settings: only what that vendor needs. The secret is kept apart. */
export const connectionConfigSchemas = {
  zendesk: z.object({
    baseUrl: httpsUrl,
    email: z.string().trim().email(),
    /** Help Center section new article drafts go into, and who may edit them. */
    helpCenterSectionId: articleSetting,
    helpCenterPermissionGroupId: articleSetting,
  }),
  freshdesk: z.object({ baseUrl: httpsUrl, solutionFolderId: articleSetting }),
  helpscout: z.object({
    baseUrl: httpsUrl,
    appId: z.string().trim().min(1),
    /** Help Scout Docs is a separate API: its collection here, its API key in the secret store. */
    docsCollectionId: articleSetting,
  }),
  intercom: z.object({ baseUrl: httpsUrl, adminId: z.string().trim().min(1) }),
  jira: z.object({ baseUrl: httpsUrl, email: z.string().trim().email() }),
  zammad: z.object({
    baseUrl: httpsUrl,
    knowledgeBaseId: articleSetting,
    knowledgeBaseCategoryId: articleSetting,
    knowledgeBaseLocaleId: articleSetting,
  }),
  webhook: z.object({ url: httpsUrl }),
} as const satisfies Record<ConnectorKind, z.ZodType>

/** One vendor's validated settings, e.g. `ConnectionConfig<'zendesk'>`. */
export type ConnectionConfig<K extends ConnectorKind> = z.infer<(typeof connectionConfigSchemas)[K]>

/** The one secret each vendor needs, by name: stored with safeStorage, never sent to the renderer. */
export const SECRET_NAMES: Record<ConnectorKind, string> = {
  zendesk: 'API token',
  freshdesk: 'API key',
  helpscout: 'App secret',
  intercom: 'Access token',
  jira: 'API token',
  zammad: 'Access token',
  webhook: 'Signing secret',
}

/** One setting as Settings → Help desks asks for it. */
export interface ConnectionField {
  /** The key in the vendor's config. */
  name: string
  label: string
  type: 'url' | 'email' | 'text'
  placeholder: string
  /** Filled in for a new connection (a vendor's one API host). */
  initial?: string
}

const address = (placeholder: string, initial?: string): ConnectionField => ({
  name: 'baseUrl',
  label: 'Address',
  type: 'url',
  placeholder,
  ...(initial ? { initial } : {}),
})
const email = (label: string): ConnectionField => ({
  name: 'email',
  label,
  type: 'email',
  placeholder: 'you@company.com',
})

export const CONNECTION_FIELDS: Record<ConnectorKind, readonly ConnectionField[]> = {
  zendesk: [address('https://yourcompany.zendesk.com'), email('Agent email')],
  freshdesk: [address('https://yourcompany.freshdesk.com')],
  helpscout: [
    address('https://api.helpscout.net', 'https://api.helpscout.net'),
    { name: 'appId', label: 'App ID', type: 'text', placeholder: 'From Your Profile → My Apps' },
  ],
  intercom: [
    address('https://api.intercom.io', 'https://api.intercom.io'),
    { name: 'adminId', label: 'Admin ID', type: 'text', placeholder: 'The admin who posts' },
  ],
  jira: [address('https://yourcompany.atlassian.net'), email('Atlassian account email')],
  zammad: [address('https://help.yourcompany.com')],
  webhook: [{ name: 'url', label: 'Webhook URL', type: 'url', placeholder: 'https://…' }],
}

/**
 * What each vendor is sent: HTML, or plain text where its API takes no HTML (Jira Service
 * Management). The webhook gets both and is shown its HTML.
 */
export const POSTED_FORMAT: Record<ConnectorKind, 'html' | 'text'> = {
  zendesk: 'html',
  freshdesk: 'html',
  helpscout: 'html',
  intercom: 'html',
  jira: 'text',
  zammad: 'html',
  webhook: 'html',
}

/** The connector for a case's help desk; a case on "Other" exports through a webhook. */
export function connectorKindOf(system: HelpDesk): ConnectorKind {
  return system === 'other' ? 'webhook' : system
}

/** The help desk a connector serves; a webhook stands for any "Other" help desk. */
export function helpDeskOf(kind: ConnectorKind): HelpDesk {
  return kind === 'webhook' ? 'other' : kind
}

/**
 * The knowledge-base settings Settings → Help desks asks for, only for the vendors Swarmroom can
 * post a draft article to; all optional, as only posting articles needs them.
 */
export const ARTICLE_FIELDS: Partial<Record<ConnectorKind, readonly ConnectionField[]>> = {
  zendesk: [
    {
      name: 'helpCenterSectionId',
      label: 'Help Center section ID',
      type: 'text',
      placeholder: 'e.g. 360001, from the section’s address',
    },
    {
      name: 'helpCenterPermissionGroupId',
      label: 'Help Center permission group ID',
      type: 'text',
      placeholder: 'The group that may edit the drafts',
    },
  ],
  freshdesk: [
    {
      name: 'solutionFolderId',
      label: 'Solution folder ID',
      type: 'text',
      placeholder: 'From the folder’s address',
    },
  ],
  helpscout: [
    {
      name: 'docsCollectionId',
      label: 'Docs collection ID',
      type: 'text',
      placeholder: 'From Manage → Docs → the collection',
    },
  ],
  intercom: [],
  zammad: [
    { name: 'knowledgeBaseId', label: 'Knowledge base ID', type: 'text', placeholder: 'e.g. 1' },
    {
      name: 'knowledgeBaseCategoryId',
      label: 'Knowledge base category ID',
      type: 'text',
      placeholder: 'From the category’s address',
    },
    {
      name: 'knowledgeBaseLocaleId',
      label: 'Knowledge base locale ID',
      type: 'text',
      placeholder: 'e.g. 1',
    },
  ],
}

/** Whether Swarmroom can post a draft article to this vendor's knowledge base. */
export function postsArticleDrafts(kind: ConnectorKind): boolean {
  return ARTICLE_FIELDS[kind] !== undefined
}
