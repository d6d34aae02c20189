/**
 * Help-desk connections in Settings: what each vendor needs, the secret kept encrypted and never
 * shown again, and "Test connection" answered in plain words against a real (fake) Zendesk.
 */
import { readFileSync } from 'node:fs'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { AppStore } from '../../../../src/main/services/storage/app-store'
import {
  ConnectionsService,
  docsSecretName,
} from '../../../../src/main/services/export/connections'
import { HelpDeskError } from '../../../../src/main/services/export/connectors/connector'
import { SecretStore } from '../../../../src/main/services/storage/secrets'
import { ZendeskServer } from '../../../fixtures/help-desks/zendesk-server'
import { NodeEncryptor } from '../../../fixtures/node-encryptor'
import { useTempFolder } from '../../../fixtures/temp-folder'

const tempFolder = useTempFolder()
let server: ZendeskServer
let app: AppStore
let secrets: SecretStore
let connections: ConnectionsService

beforeEach(async () => {
  server = await new ZendeskServer().listen()
  app = await AppStore.open(tempFolder())
  secrets = new SecretStore(app)
  await secrets.load(new NodeEncryptor())
  connections = new ConnectionsService(app, secrets, { timeoutMs: 2_000 })
})

afterEach(async () => {
  await app.flush()
  await server.close()
})

function addZendesk(token = server.token): ReturnType<ConnectionsService['add']> {
  return connections.add({
    kind: 'zendesk',
    label: 'Acme support',
    config: { baseUrl: server.url, email: server.email },
    secret: token,
  })
}

describe('help-desk connections', () => {
  it('keeps a connection in app.json without its secret, which is stored encrypted under its id', async () => {
    const added = await addZendesk()
    const file = readFileSync(app.file, 'utf8')
    expect(file).not.toContain(server.token)
    expect(app.data.connections).toEqual([
      {
        id: added.id,
        kind: 'zendesk',
        label: 'Acme support',
        config: { baseUrl: server.url, email: server.email },
      },
    ])
    expect(secrets.get(added.id)).toBe(server.token)
    expect(connections.list()).toEqual([
      {
        id: added.id,
        kind: 'zendesk',
        label: 'Acme support',
        config: { baseUrl: server.url, email: server.email },
        hasSecret: true,
      },
    ])
    expect(JSON.stringify(connections.list())).not.toContain(server.token)
  })

  it('keeps only the settings that help desk needs', async () => {
    const added = await connections.add({
      kind: 'freshdesk',
      label: 'Freshdesk',
      config: { baseUrl: 'https://acme.freshdesk.com', email: 'ignored@acme.test' },
      secret: 'key',
    })
    expect(added.config).toEqual({ baseUrl: 'https://acme.freshdesk.com' })
  })

  it('names each field to fix when a connection is refused', async () => {
    const refused = connections.add({
      kind: 'intercom',
      label: 'Intercom',
      config: { baseUrl: 'api.intercom.io' },
      secret: 'token',
    })
    await expect(refused).rejects.toThrow(/Address: .*https:\/\/.*; Admin ID: /)
    expect(app.data.connections).toEqual([])
    expect(app.data.secrets).toEqual({})
  })

  it('refuses a new connection without its secret, by the name that help desk gives it', async () => {
    await expect(addZendesk('  ')).rejects.toThrow('Enter the API token.')
  })

  it('says plainly that a connection works, and who it is connected as', async () => {
    const { id } = await addZendesk()
    expect(await connections.test(id)).toEqual({
      ok: true,
      message: `Connected to Zendesk (“Acme support”) as Dana Agent (${server.email}). Exports will work.`,
    })
  })

  it('says plainly that the help desk refused the credentials', async () => {
    const { id } = await addZendesk('not-the-token')
    const result = await connections.test(id)
    expect(result.ok).toBe(false)
    expect(result.message).toMatch(/^Could not connect to Zendesk \(“Acme support”\): .*API token/)
  })

  it('keeps the saved secret when the connection is changed without one, and uses a new one', async () => {
    const { id } = await addZendesk('wrong-token')
    await connections.update({
      id,
      label: 'Acme',
      config: { baseUrl: server.url, email: server.email },
    })
    expect(secrets.get(id)).toBe('wrong-token')
    expect((await connections.test(id)).ok).toBe(false)
    await connections.update({
      id,
      label: 'Acme',
      config: { baseUrl: server.url, email: server.email },
      secret: server.token,
    })
    expect((await connections.test(id)).ok).toBe(true)
    expect(connections.list()[0]?.label).toBe('Acme')
  })

  it('removes a connection together with its secret', async () => {
    const { id } = await addZendesk()
    await connections.remove(id)
    expect(connections.list()).toEqual([])
    expect(secrets.get(id)).toBeUndefined()
    expect(connections.connectorFor(id)).toBeUndefined()
  })

  it('gives the outbox a connector that explains an unreadable secret instead of throwing', async () => {
    const { id } = await addZendesk()
    await app.update((data) => {
      data.secrets[id] = Buffer.from('not encrypted by this computer').toString('base64')
    })
    // Secrets are decrypted when they are loaded, at start: read the damaged one as a restart would.
    await secrets.load(new NodeEncryptor())
    const connector = connections.connectorFor(id)
    const error = await connector?.readTicket('48213').catch((reason: unknown) => reason)
    expect(error).toBeInstanceOf(HelpDeskError)
    expect(error).toMatchObject({ kind: 'auth', message: expect.stringMatching(/Enter it again/) })
    expect(server.exchanges).toEqual([])
  })
})

describe('a Help Scout connection’s Docs API key', () => {
  function addHelpScout(): ReturnType<ConnectionsService['add']> {
    return connections.add({
      kind: 'helpscout',
      label: 'Acme inbox',
      config: { baseUrl: server.url, appId: 'hs-app', docsCollectionId: '5f1c2d3e4b0a' },
      secret: 'hs-secret',
    })
  }

  it('is kept encrypted beside the app secret, never shown, and removed with the connection', async () => {
    const { id } = await addHelpScout()
    await connections.setDocsApiKey(id, '  docs-key-Z81  ')
    expect(secrets.get(docsSecretName(id))).toBe('docs-key-Z81')
    await app.flush()
    expect(readFileSync(app.file, 'utf8')).not.toContain('docs-key-Z81')
    expect(JSON.stringify(connections.list())).not.toContain('docs-key-Z81')
    await connections.remove(id)
    expect(secrets.get(docsSecretName(id))).toBeUndefined()
  })

  it('belongs to Help Scout connections only', async () => {
    const { id } = await addZendesk()
    await expect(connections.setDocsApiKey(id, 'key')).rejects.toThrow(
      'Only Help Scout connections have a Docs API key.',
    )
  })
})
