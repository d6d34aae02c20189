/**
 * Help-desk connections: kept in app.json without their secret, which lives in the secret
 * store under the connection's id and never goes back to the renderer. Builds each
 * connection's connector once and keeps it (Help Scout's token lives in its connector).
 */
import { randomUUID } from 'node:crypto'
import type { ConnectionView } from '@shared/channels/export'
import {
  CONNECTION_FIELDS,
  CONNECTOR_NAMES,
  SECRET_NAMES,
  type ConnectorKind,
} from '@shared/help-desk-connections'
import { AppError } from '@shared/result'
import type { AppStore } from '../storage/app-store'
import { connectionSchema, InvalidConnectionError, type Connection } from './connectors/connection'
import { HelpDeskError, type Connector, type ConnectorOptions } from './connectors/connector'
import { createConnector } from './connectors/create-connector'
import type { SecretStore } from '../storage/secrets'

export interface ConnectionInput {
  kind: ConnectorKind
  label: string
  config: Record<string, string>
  secret: string
}

export interface ConnectionChange {
  id: string
  label: string
  config: Record<string, string>
  /** Empty or absent: keep the saved secret. */
  secret?: string | undefined
}

export class ConnectionsService {
  private readonly connectors = new Map<string, Connector>()

  constructor(
    private readonly app: AppStore,
    private readonly secrets: SecretStore,
    private readonly options: ConnectorOptions = {},
  ) {}

  /** The usable connections, in the order they were added (a damaged entry is left out). */
  all(): Connection[] {
    return this.app.data.connections.flatMap((stored) => {
      const parsed = connectionSchema.safeParse(stored)
      return parsed.success ? [parsed.data] : []
    })
  }

  find(id: string): Connection | undefined {
    return this.all().find((connection) => connection.id === id)
  }

  list(): ConnectionView[] {
    return this.all().map((connection) => this.view(connection))
  }

  async add(input: ConnectionInput): Promise<ConnectionView> {
    const secret = input.secret.trim()
    if (secret === '') {
      throw new AppError('invalid-input', `Enter the ${SECRET_NAMES[input.kind]}.`)
    }
    const connection = this.validate({ ...input, id: `helpdesk-${randomUUID()}` })
    // The secret first: a saved connection without its secret would fail every export.
    await this.secrets.set(connection.id, secret)
    try {
      await this.app.update((data) => {
        data.connections.push(connection)
      })
    } catch (error) {
      await this.secrets.delete(connection.id).catch(() => undefined)
      throw error
    }
    return this.view(connection)
  }

  async update(change: ConnectionChange): Promise<ConnectionView> {
    const current = this.require(change.id)
    const connection = this.validate({ ...change, kind: current.kind })
    const secret = change.secret?.trim() ?? ''
    // The saved secret goes only where it was given for: a new address needs it typed again.
    if (secret === '' && addressOf(connection) !== addressOf(current)) {
      throw new AppError(
        'invalid-input',
        `The address changed, so enter the ${SECRET_NAMES[connection.kind]} again for it.`,
      )
    }
    if (secret !== '') await this.secrets.set(connection.id, secret)
    await this.app.update((data) => {
      data.connections = data.connections.map((stored) =>
        idOf(stored) === connection.id ? connection : stored,
      )
    })
    this.connectors.delete(connection.id)
    return this.view(connection)
  }

  /** Exports still queued for it fail with a message saying the connection was removed. */
  async remove(id: string): Promise<void> {
    this.require(id)
    await this.app.update((data) => {
      data.connections = data.connections.filter((stored) => idOf(stored) !== id)
    })
    this.connectors.delete(id)
    await this.secrets.delete(id)
    await this.secrets.delete(docsSecretName(id))
  }

  /**
   * Saves (or, when empty, removes) a Help Scout connection's Docs API key: Docs is a separate
   * API with its own key, kept in the secret store beside the app secret and never shown again.
   */
  async setDocsApiKey(id: string, apiKey: string): Promise<void> {
    const connection = this.require(id)
    if (connection.kind !== 'helpscout') {
      throw new AppError('invalid-input', 'Only Help Scout connections have a Docs API key.')
    }
    const key = apiKey.trim()
    if (key === '') await this.secrets.delete(docsSecretName(id))
    else await this.secrets.set(docsSecretName(id), key)
    this.connectors.delete(id)
  }

  /** Tries the connection with a cheap authenticated request; the answer is in plain words. */
  async test(id: string): Promise<{ ok: boolean; message: string }> {
    const connection = this.require(id)
    const name = `${CONNECTOR_NAMES[connection.kind]} (“${connection.label}”)`
    try {
      const who = await this.connector(id).testConnection()
      const as = who.trim() === '' ? '' : ` as ${who}`
      return { ok: true, message: `Connected to ${name}${as}. Exports will work.` }
    } catch (error) {
      if (error instanceof HelpDeskError || error instanceof AppError) {
        return { ok: false, message: `Could not connect to ${name}: ${error.message}` }
      }
      throw error
    }
  }

  /** The connector for a saved connection; throws a sentence to act on when it cannot be used. */
  connector(id: string): Connector {
    const cached = this.connectors.get(id)
    if (cached) return cached
    const connection = this.require(id)
    let connector: Connector
    try {
      connector = createConnector(connection, this.secrets.get(id) ?? '', {
        ...this.options,
        ...this.docsOptions(connection),
      })
    } catch (error) {
      if (error instanceof InvalidConnectionError) {
        throw new AppError('invalid-input', error.message, { cause: error })
      }
      throw error
    }
    this.connectors.set(id, connector)
    return connector
  }

  /**
   * For the outbox: undefined once the connection is gone. A connection that cannot be used
   * (its secret is missing or unreadable) gives a connector whose every request fails with the
   * reason, so the export waits, failed, until the user fixes it, and is never dropped.
   */
  connectorFor(id: string): Connector | undefined {
    const connection = this.find(id)
    if (!connection) return undefined
    try {
      return this.connector(id)
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error)
      return unusableConnector(connection.kind, message)
    }
  }

  /** Help Scout Docs has its own API key, kept in the secret store beside the app secret. */
  private docsOptions(connection: Connection): ConnectorOptions {
    if (connection.kind !== 'helpscout') return {}
    const apiKey = this.secrets.get(docsSecretName(connection.id))
    return { helpScoutDocs: { ...this.options.helpScoutDocs, apiKey } }
  }

  private require(id: string): Connection {
    const connection = this.find(id)
    if (!connection) {
      throw new AppError(
        'not-found',
        'That help-desk connection no longer exists. Add it again in Settings → Help desks.',
      )
    }
    return connection
  }

  private validate(candidate: Omit<Connection, 'config'> & { config: unknown }): Connection {
    const { id, kind, label, config } = candidate
    const parsed = connectionSchema.safeParse({ id, kind, label, config })
    if (parsed.success) return parsed.data
    const problems = new Map<string, string>()
    for (const issue of parsed.error.issues) {
      const key = String(issue.path.at(-1) ?? '')
      const field = CONNECTION_FIELDS[kind].find((item) => item.name === key)
      const name = key === 'label' ? 'Name' : (field?.label ?? key)
      if (!problems.has(name)) problems.set(name, issue.message)
    }
    const sentence = [...problems].map(([name, message]) => `${name}: ${message}`).join('; ')
    throw new AppError('invalid-input', `Check the connection. ${sentence}.`)
  }

  private view(connection: Connection): ConnectionView {
    return {
      id: connection.id,
      kind: connection.kind,
      label: connection.label,
      config: { ...connection.config },
      hasSecret: Object.hasOwn(this.app.data.secrets, connection.id),
    }
  }
}

function idOf(stored: unknown): unknown {
  return typeof stored === 'object' && stored !== null ? Reflect.get(stored, 'id') : undefined
}

function unusableConnector(kind: ConnectorKind, reason: string): Connector {
  const fail = (): Promise<never> =>
    Promise.reject(new HelpDeskError('auth', reason, { mayHaveLanded: false }))
  return {
    kind,
    testConnection: fail,
    readTicket: fail,
    recentComments: fail,
    addInternalNote: fail,
    addPublicReply: fail,
    readConversation: fail,
    recentTicketsOfRequester: fail,
    createArticleDraft: fail,
    findArticleDraft: fail,
  }
}

/** Where a Help Scout connection's Docs API key is kept in the secret store. */
export function docsSecretName(connectionId: string): string {
  return `${connectionId}:docs-api-key`
}

/** The origin a connection's requests (and its secret) go to. */
function addressOf(connection: Connection): string {
  const config: Record<string, unknown> = connection.config
  const address = typeof config['baseUrl'] === 'string' ? config['baseUrl'] : config['url']
  try {
    return new URL(String(address)).origin
  } catch {
    return String(address)
  }
}
