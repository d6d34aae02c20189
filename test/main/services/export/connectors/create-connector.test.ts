import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import {
  InvalidConnectionError,
  parseConnection,
} from '../../../../../src/main/services/export/connectors/connection'
import { createConnector } from '../../../../../src/main/services/export/connectors/create-connector'
import { NOTE } from '../../../../fixtures/help-desks/connector-trouble'
import { ZendeskServer } from '../../../../fixtures/help-desks/zendesk-server'

describe('building a connector from a stored connection', () => {
  let server: ZendeskServer
  beforeEach(async () => {
    server = await new ZendeskServer().listen()
  })
  afterEach(() => server.close())

  it('builds the vendor’s connector, which then posts with the secret', async () => {
    const stored = {
      id: 'conn-1',
      kind: 'zendesk',
      label: 'Acme support',
      config: { baseUrl: server.url, email: server.email },
    }
    const connector = createConnector(stored, server.token)
    expect(connector.kind).toBe('zendesk')
    await connector.addInternalNote('48213', NOTE)
    expect(server.posted).toHaveLength(1)
  })

  it.each([
    ['freshdesk', { baseUrl: 'https://acme.freshdesk.com' }],
    ['helpscout', { baseUrl: 'https://api.helpscout.net', appId: 'app-1' }],
    ['intercom', { baseUrl: 'https://api.intercom.io', adminId: '991267459' }],
    ['jira', { baseUrl: 'https://acme.atlassian.net', email: 'dana@acme.test' }],
    ['zammad', { baseUrl: 'https://help.acme.com' }],
    ['webhook', { url: 'https://hooks.acme.com/swarmroom' }],
  ])('builds the %s connector', (kind, config) => {
    const connector = createConnector({ id: 'c', kind, label: 'Desk', config }, 'secret')
    expect(connector.kind).toBe(kind)
  })

  it('says which setting is wrong in a damaged connection', () => {
    const stored = {
      id: 'c',
      kind: 'zendesk',
      label: 'Acme support',
      config: { baseUrl: 'acme', email: 'x' },
    }
    expect(() => createConnector(stored, 'secret')).toThrow(InvalidConnectionError)
    expect(() => createConnector(stored, 'secret')).toThrow(
      'The help desk connection “Acme support” cannot be used: address: Enter the full ' +
        'address, starting with https://; email: Invalid email address. Fix it in Settings → ' +
        'Help desks.',
    )
  })

  it('names the missing secret by what the vendor calls it', () => {
    const stored = {
      id: 'c',
      kind: 'intercom',
      label: 'Chat',
      config: { baseUrl: 'https://api.intercom.io', adminId: '1' },
    }
    expect(() => createConnector(stored, '  ')).toThrow(
      'No Access token is saved for the help desk connection “Chat”. Enter it in Settings → Help desks.',
    )
  })

  it('refuses a help desk it does not know', () => {
    expect(() => parseConnection({ id: 'c', kind: 'kayako', label: 'Old', config: {} })).toThrow(
      InvalidConnectionError,
    )
  })

  it('keeps no secret in a stored connection', () => {
    const parsed = parseConnection({
      id: 'c',
      kind: 'zammad',
      label: 'Help',
      config: { baseUrl: 'https://help.acme.com', token: 'leaked' },
      secret: 'leaked',
    })
    expect(JSON.stringify(parsed)).not.toContain('leaked')
  })
})
