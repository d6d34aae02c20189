/**
 * The team relay: a real Hocuspocus server on loopback with its SQLite extension keeping
 * documents in a file, as the README's admin section sets it up, and clients joined with the
 * app's RoomConnection with peer-to-peer turned off, so everything goes through the relay.
 */
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { WebSocket } from 'ws'
import * as Y from 'yjs'
import { initializeCase, readMeta } from '../../../src/shared/case/case-doc'
import { appendParagraphs, fragmentToPlainText } from '../../../src/shared/case/rich-text'
import { onPeerMessageProblem } from '../../../src/shared/room/peer-messages'
import { RoomConnection } from '../../../src/shared/room/room-connection'
import { generateRoomId, generateRoomKey } from '../../../src/shared/room/room-key'
import type { RelayState } from '../../../src/shared/room/room-status'
import { relayDocumentName } from '../../../src/shared/room/relay'
import { nestDeeply } from '../../fixtures/deep-nesting'
import { RELAY_TOKEN, startTeamRelay, type TeamRelay } from '../../fixtures/team-relay'
import { useTempFolder } from '../../fixtures/temp-folder'

const folder = useTempFolder()
let relay: TeamRelay
const open: RoomConnection[] = []
/** Each room's key, as its invite link carries it to every member. */
const keys = new Map<string, string>()

beforeEach(async () => {
  relay = await startTeamRelay(folder())
})

afterEach(async () => {
  await Promise.all(open.splice(0).map((connection) => connection.destroy()))
  await relay.close()
})

async function joinThroughRelay(
  roomId: string,
  token = RELAY_TOKEN,
): Promise<{ doc: Y.Doc; room: RoomConnection }> {
  const doc = new Y.Doc({ gc: false })
  const key = keys.get(roomId) ?? generateRoomKey()
  keys.set(roomId, key)
  const room = await RoomConnection.open(doc, {
    roomId,
    key,
    signalingUrls: [],
    peerToPeer: false,
    relay: { url: relay.url, token, WebSocket },
  })
  open.push(room)
  return { doc, room }
}

function relayState(room: RoomConnection, wanted: RelayState): Promise<void> {
  return new Promise((done) => {
    if (room.status.relay === wanted) return done()
    const stop = room.onStatus((status) => {
      if (status.relay !== wanted) return
      stop()
      done()
    })
  })
}

function textOf(doc: Y.Doc, section: string): string {
  return fragmentToPlainText(doc.getXmlFragment(section))
}

describe('a case synced through the team relay', () => {
  it('syncs two members without WebRTC and gives a member who joins later the whole case', async () => {
    const roomId = generateRoomId()
    const dana = await joinThroughRelay(roomId)
    const omar = await joinThroughRelay(roomId)
    await Promise.all([relayState(dana.room, 'connected'), relayState(omar.room, 'connected')])

    initializeCase(
      dana.doc,
      {
        title: 'Acme: relay case',
        ticket: { system: 'zendesk', id: '48213', url: '' },
        customer: 'Acme',
        priority: 'urgent',
        swarmType: 'vip-incident',
      },
      { memberId: 'dana', name: 'Dana', color: '#2563eb' },
    )
    appendParagraphs(omar.doc.getXmlFragment('impact'), ['Omar: 40 agents cannot log in'])
    await expect.poll(() => readMeta(omar.doc).title).toBe('Acme: relay case')
    await expect.poll(() => textOf(dana.doc, 'impact')).toContain('Omar: 40 agents')
    expect(dana.room.status.state).toBe('connected')

    // Everyone leaves; the relay keeps the case.
    await Promise.all(open.splice(0).map((connection) => connection.destroy()))
    const priya = await joinThroughRelay(roomId)

    await expect.poll(() => readMeta(priya.doc).title, { timeout: 10_000 }).toBe('Acme: relay case')
    expect(textOf(priya.doc, 'impact')).toContain('Omar: 40 agents cannot log in')
    expect(Y.encodeStateVector(priya.doc)).toEqual(Y.encodeStateVector(dana.doc))
  })

  it('says the relay refused the token and syncs nothing through it', async () => {
    const roomId = generateRoomId()
    const member = await joinThroughRelay(roomId)
    const stranger = await joinThroughRelay(roomId, 'a-guessed-token')
    await relayState(member.room, 'connected')

    await relayState(stranger.room, 'denied')
    appendParagraphs(member.doc.getXmlFragment('summary'), ['members only'])
    await expect.poll(() => relay.stored(relayDocumentName(roomId))).toBeDefined()

    expect(textOf(stranger.doc, 'summary')).toBe('')
  })
})

describe('the relay passes on what a hostile member sends', () => {
  it('refuses an update nesting 2,000 elements that comes through the relay, and says so', async () => {
    const problems: string[] = []
    const stop = onPeerMessageProblem((problem) => problems.push(problem))
    const roomId = generateRoomId()
    const dana = await joinThroughRelay(roomId)
    const omar = await joinThroughRelay(roomId)
    await Promise.all([relayState(dana.room, 'connected'), relayState(omar.room, 'connected')])
    // A hostile app with the token, writing into the relay document with a bare provider.
    const hostileDoc = new Y.Doc()
    const socket = new HocuspocusProviderWebsocket({ url: relay.url, WebSocketPolyfill: WebSocket })
    const hostile = new HocuspocusProvider({
      websocketProvider: socket,
      name: relayDocumentName(roomId),
      document: hostileDoc,
      token: RELAY_TOKEN,
    })
    hostile.attach()
    try {
      await expect.poll(() => hostile.isSynced).toBe(true)
      nestDeeply(hostileDoc, 'summary', 2000, 'deep')
      await expect.poll(() => problems.join(' '), { timeout: 10_000 }).toContain('relay')
      expect(textOf(dana.doc, 'summary')).not.toContain('deep')
      appendParagraphs(omar.doc.getXmlFragment('impact'), ['Omar, still in sync'])
      await expect.poll(() => textOf(dana.doc, 'impact')).toContain('Omar, still in sync')
    } finally {
      stop()
      hostile.destroy()
      socket.destroy()
    }
  })
})
