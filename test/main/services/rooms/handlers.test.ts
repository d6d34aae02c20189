/**
 * The main side of live rooms over a real data folder: keys kept encrypted, invites, joining,
 * the relay choice, network settings and moving a case to a new key.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import * as Y from 'yjs'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createServices, type MainServices } from '../../../../src/main/services/create-services'
import { createDispatcher, type Dispatch } from '../../../../src/main/services/ipc-dispatch'
import type { Handlers } from '../../../../src/main/services/ipc-dispatch'
import { readMeta } from '../../../../src/shared/case/case-doc'
import type { CaseSummary } from '../../../../src/shared/ipc'
import { formatInvite, parseInvite } from '../../../../src/shared/room/invite'
import { generateRoomId, generateRoomKey } from '../../../../src/shared/room/room-key'
import { NodeEncryptor } from '../../../fixtures/node-encryptor'
import { useTempFolder } from '../../../fixtures/temp-folder'

const folder = useTempFolder()
let services: MainServices
let handlers: Handlers
let dispatch: Dispatch
let emitted: { event: string; payload: unknown }[]

beforeEach(async () => {
  emitted = []
  services = await createServices({
    dataFolder: folder(),
    keychain: new NodeEncryptor(),
    openInBrowser: async () => undefined,
    emit: (event, payload) => emitted.push({ event, payload }),
  })
  // Any free port: tests run side by side.
  services.app.data.settings.signalingPort = 0
  handlers = services.handlers
  dispatch = createDispatcher(handlers, () => true)
  await handlers['identity:set']({ name: 'Dana Whitfield' })
})

afterEach(async () => {
  await services.shutdown()
})

async function createCase(): Promise<CaseSummary> {
  return handlers['cases:create']({
    title: 'Acme: checkout fails',
    ticket: { system: 'zendesk', id: '48213', url: '' },
    customer: 'Acme',
    priority: 'urgent',
    swarmType: 'vip-incident',
  })
}

describe('live rooms in main', () => {
  it('gives a new case a key that app.json keeps only encrypted', async () => {
    const summary = await createCase()

    const { key, signalingUrls } = await handlers['room:connection']({ roomId: summary.roomId })

    expect(key.length).toBeGreaterThanOrEqual(43)
    expect(signalingUrls[0]).toMatch(/^ws:\/\/127\.0\.0\.1:\d+$/)
    await services.app.flush()
    expect(readFileSync(join(folder(), 'app.json'), 'utf8')).not.toContain(key)
  })

  it('invites with the room key and leaves out loopback servers a teammate cannot reach', async () => {
    const summary = await createCase()
    const { key } = await handlers['room:connection']({ roomId: summary.roomId })

    const { link } = await handlers['room:invite']({ roomId: summary.roomId })

    const parsed = parseInvite(link)
    expect(parsed).toEqual({
      ok: true,
      invite: { roomId: summary.roomId, key, title: 'Acme: checkout fails', signalingUrls: [] },
    })
  })

  it('puts this computer’s LAN address into invites while hosting for the office', async () => {
    const summary = await createCase()
    const state = await handlers['settings:setNetwork']({
      hostOnLan: true,
      signalingPort: 40000 + Math.floor(Math.random() * 20000),
      signalingUrls: ['wss://signal.example.com'],
      relayUrl: '',
    })
    const { link } = await handlers['room:invite']({ roomId: summary.roomId })
    const parsed = parseInvite(link)

    if (!parsed.ok) throw new Error(parsed.problem)
    expect(parsed.invite.signalingUrls).toContain('wss://signal.example.com')
    if (state.signaling.lanUrl)
      expect(parsed.invite.signalingUrls).toContain(state.signaling.lanUrl)
    else expect(state.signaling.problem).toContain('no network address')
  })

  it('joins a case from an invite: an empty case with the invite’s key and servers', async () => {
    const roomId = generateRoomId()
    const key = generateRoomKey()
    const link = formatInvite({
      roomId,
      key,
      title: 'Beta: SSO loop',
      signalingUrls: ['wss://s.example'],
    })

    const joined = await handlers['cases:join']({ link })

    expect(joined).toMatchObject({
      roomId,
      title: 'Beta: SSO loop',
      signalingUrls: ['wss://s.example'],
    })
    expect((await handlers['cases:list'](undefined)).map((item) => item.roomId)).toContain(roomId)
    expect((await handlers['room:connection']({ roomId })).key).toBe(key)
    expect((await handlers['room:connection']({ roomId })).signalingUrls).toContain(
      'wss://s.example',
    )
    const { state } = await handlers['room:load']({ roomId })
    expect(state.length).toBeGreaterThan(0)
  })

  it('refuses a link that would swap the key of a case already on this computer', async () => {
    const summary = await createCase()
    const { key } = await handlers['room:connection']({ roomId: summary.roomId })
    const forged = formatInvite({
      roomId: summary.roomId,
      key: generateRoomKey(),
      title: 'Anything',
      signalingUrls: ['wss://evil.example'],
    })

    await expect(handlers['cases:join']({ link: forged })).rejects.toThrow(
      /carries a different room key/,
    )
    expect((await handlers['room:connection']({ roomId: summary.roomId })).key).toBe(key)
    expect(
      (await handlers['room:connection']({ roomId: summary.roomId })).signalingUrls,
    ).not.toContain('wss://evil.example')
    const same = formatInvite({ roomId: summary.roomId, key, title: '', signalingUrls: [] })
    expect((await handlers['cases:join']({ link: same })).roomId).toBe(summary.roomId)
  })

  it('explains what is wrong with a damaged invite and creates nothing', async () => {
    const result = await dispatch(
      'cases:join',
      { link: 'swarmroom://join/abcdefgh12' },
      {
        url: undefined,
        isMainFrame: true,
      },
    )

    expect(result).toEqual({
      ok: false,
      error: {
        code: 'invalid-input',
        message: expect.stringContaining('has no room key') as unknown as string,
      },
    })
    expect(await handlers['cases:list'](undefined)).toEqual([])
  })

  it('refuses network settings it cannot use, naming the field', async () => {
    const result = await dispatch(
      'settings:setNetwork',
      { hostOnLan: false, signalingPort: 80, signalingUrls: ['http://x'], relayUrl: 'relay' },
      { url: undefined, isMainFrame: true },
    )

    expect(result.ok).toBe(false)
    if (!result.ok) {
      expect(result.error.message).toContain('Use a port from 1024 to 65535.')
      expect(result.error.field).toBe('signalingPort')
      expect(result.error.message).toContain('must start with ws:// or wss://')
    }
  })

  it('refuses a relay address that would send the relay token unencrypted over a network', async () => {
    const settings = { hostOnLan: false, signalingPort: 4444, signalingUrls: [] }
    const sender = { url: undefined, isMainFrame: true }
    for (const relayUrl of [
      'ws://relay.example.com',
      'ws://192.168.1.20:4445',
      'ws://127.evil.example',
    ]) {
      const result = await dispatch('settings:setNetwork', { ...settings, relayUrl }, sender)

      expect(result).toEqual({
        ok: false,
        error: {
          code: 'invalid-input',
          message:
            'The team relay address must start with wss:// so the relay token travels ' +
            'encrypted (ws:// only for this computer: 127.0.0.1, localhost or [::1]).',
          field: 'relayUrl',
        },
      })
    }
    for (const relayUrl of [
      'wss://relay.example.com',
      'ws://127.0.0.1:4445',
      'ws://127.0.1.9:4445',
      'ws://localhost:4445',
      'ws://[::1]:4445',
      '',
    ]) {
      const result = await dispatch('settings:setNetwork', { ...settings, relayUrl }, sender)

      expect(result.ok, relayUrl).toBe(true)
    }
  })

  it('connects a case to the relay only once one is set up, with the saved token', async () => {
    const summary = await createCase()
    await expect(
      handlers['room:setRelay']({ roomId: summary.roomId, relay: true }),
    ).rejects.toThrow('No team relay is set up yet')

    await handlers['settings:setNetwork']({
      hostOnLan: false,
      signalingPort: 4444,
      signalingUrls: [],
      relayUrl: 'wss://relay.example.com',
      relayToken: 'token-123',
    })
    await handlers['room:setRelay']({ roomId: summary.roomId, relay: true })

    const { relay } = await handlers['room:connection']({ roomId: summary.roomId })
    expect(relay).toEqual({ url: 'wss://relay.example.com', token: 'token-123' })
    expect((await handlers['settings:getNetwork'](undefined)).relayTokenSaved).toBe(true)
  })

  it("hands rooms the team's STUN/TURN servers, keeping the TURN password out of app.json", async () => {
    const summary = await createCase()
    const settings = { hostOnLan: false, signalingPort: 4444, signalingUrls: [], relayUrl: '' }
    expect((await handlers['room:connection']({ roomId: summary.roomId })).iceServers).toEqual([])

    await handlers['settings:setNetwork']({
      ...settings,
      iceServers: [
        { urls: 'stun:turn.example.com:3478', username: '' },
        {
          urls: 'turn:turn.example.com:3478?transport=udp',
          username: 'swarm',
          credential: 'turn-password-77',
        },
      ],
    })

    const { iceServers } = await handlers['room:connection']({ roomId: summary.roomId })
    expect(iceServers).toEqual([
      { urls: 'stun:turn.example.com:3478' },
      {
        urls: 'turn:turn.example.com:3478?transport=udp',
        username: 'swarm',
        credential: 'turn-password-77',
      },
    ])
    expect((await handlers['settings:getNetwork'](undefined)).iceCredentialSaved).toEqual([
      false,
      true,
    ])
    expect(readFileSync(join(folder(), 'app.json'), 'utf8')).not.toContain('turn-password-77')

    // Saving the list again without a new password keeps the saved one.
    await handlers['settings:setNetwork']({
      ...settings,
      iceServers: [{ urls: 'turn:turn.example.com:3478?transport=udp', username: 'swarm' }],
    })
    const again = await handlers['room:connection']({ roomId: summary.roomId })
    expect(again.iceServers[0]?.credential).toBe('turn-password-77')
  })

  it('refuses a STUN/TURN address it cannot use, and a TURN server without a username', async () => {
    const settings = { hostOnLan: false, signalingPort: 4444, signalingUrls: [], relayUrl: '' }
    const sender = { url: undefined, isMainFrame: true }
    for (const server of [
      { urls: 'http://turn.example.com', username: '' },
      { urls: 'turn:turn.example.com?transport=sctp', username: 'swarm' },
      { urls: 'turns:turn.example.com:5349?transport=udp', username: 'swarm' },
      { urls: 'turn:turn.example.com:3478', username: '' },
    ]) {
      const result = await dispatch(
        'settings:setNetwork',
        { ...settings, iceServers: [server] },
        sender,
      )
      expect(result.ok, server.urls).toBe(false)
    }
    for (const urls of [
      'stun:10.0.0.5',
      'turn:turn.example.com:3478?transport=tcp',
      'turns:turn.example.com:5349',
      'turn:[2001:db8::1]:3478',
    ]) {
      const result = await dispatch(
        'settings:setNetwork',
        { ...settings, iceServers: [{ urls, username: 'swarm', credential: 'x' }] },
        sender,
      )
      expect(result.ok, urls).toBe(true)
    }
  })

  it('moves a case to a new room and key for the owner, carrying the document over', async () => {
    const summary = await createCase()
    const { key: oldKey } = await handlers['room:connection']({ roomId: summary.roomId })

    const moved = await handlers['room:rotateKey']({ roomId: summary.roomId })

    expect(moved.roomId).not.toBe(summary.roomId)
    expect(moved.title).toBe(summary.title)
    const { key: newKey } = await handlers['room:connection']({ roomId: moved.roomId })
    expect(newKey).not.toBe(oldKey)
    const doc = new Y.Doc()
    Y.applyUpdate(doc, (await handlers['room:load']({ roomId: moved.roomId })).state)
    expect(readMeta(doc).title).toBe('Acme: checkout fails')
    expect((await handlers['cases:list'](undefined)).map((item) => item.roomId)).toEqual([
      moved.roomId,
    ])
  })

  it('lets only the owner move a case to a new key', async () => {
    const roomId = generateRoomId()
    const donor = new Y.Doc()
    donor.getMap('meta').set('ownerId', 'someone-else')
    donor.getMap('meta').set('createdAt', '2026-11-20T09:00:00.000Z')
    const link = formatInvite({
      roomId,
      key: generateRoomKey(),
      title: 'Theirs',
      signalingUrls: [],
    })
    await handlers['cases:join']({ link })
    await handlers['room:append']({ roomId, update: Y.encodeStateAsUpdate(donor) })

    await expect(handlers['room:rotateKey']({ roomId })).rejects.toThrow(
      'Only the case owner can move the case to a new key.',
    )
  })

  it('marks a case unread when a teammate’s edit arrives unseen, once, until it is seen', async () => {
    const { roomId } = await createCase()
    const changes = (): unknown[] =>
      emitted.filter((item) => item.event === 'cases:changed').map((item) => item.payload)
    const edit = (text: string): Uint8Array => {
      const doc = new Y.Doc()
      doc.getText('t').insert(0, text)
      return Y.encodeStateAsUpdate(doc)
    }
    const sender = { url: undefined, isMainFrame: true }
    emitted.length = 0

    await handlers['room:append']({ roomId, update: edit('mine, on screen') })
    expect(caseLine(roomId).unread).toBe(false)
    const saved = await dispatch(
      'room:append',
      { roomId, update: edit('a teammate'), unseen: true },
      sender,
    )
    expect(saved.ok).toBe(true)
    await dispatch('room:append', { roomId, update: edit('and again'), unseen: true }, sender)
    expect(caseLine(roomId).unread).toBe(true)
    expect(changes()).toEqual([{ roomId }])

    await services.app.flush()
    expect(JSON.parse(readFileSync(join(folder(), 'app.json'), 'utf8')).cases[0].unread).toBe(true)

    await dispatch('room:seen', { roomId }, sender)
    await dispatch('room:seen', { roomId }, sender)
    expect(caseLine(roomId).unread).toBe(false)
    expect(changes()).toEqual([{ roomId }, { roomId }])
  })

  it('tells the lobby when a case’s title changes, it is archived or deleted, not when nothing changed', async () => {
    const summary = await createCase()
    const { roomId, title, ticket, customer, priority, status, swarmType } = summary
    emitted.length = 0
    const line = { roomId, title, ticket, customer, priority, status, swarmType }

    await handlers['cases:updateSummary'](line)
    expect(emitted).toEqual([])
    await handlers['cases:updateSummary']({ ...line, title: 'Acme: checkout fails in EU' })
    await handlers['cases:setArchived']({ roomId, archived: true })
    await handlers['cases:delete']({ roomId })
    expect(emitted).toEqual([
      { event: 'cases:changed', payload: { roomId } },
      { event: 'cases:changed', payload: { roomId } },
      { event: 'cases:changed', payload: { roomId } },
    ])
  })
})

function caseLine(roomId: string): CaseSummary {
  const line = services.handlers['cases:list'](undefined) as CaseSummary[]
  const found = line.find((item) => item.roomId === roomId)
  if (!found) throw new Error(`no case ${roomId}`)
  return found
}
