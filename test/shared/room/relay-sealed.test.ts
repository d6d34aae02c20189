/**
 * The team relay must never be able to read a case: it stores and forwards sealed entries and
 * sealed presence only. A real Hocuspocus server with its SQLite extension (a database file in
 * a temp folder) on loopback, every frame it received or sent recorded; members join with the
 * app's RoomConnection and WebRTC off, so everything they share goes through the relay.
 */
import { readFileSync } from 'node:fs'
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { WebSocket } from 'ws'
import * as Y from 'yjs'
import { initializeCase, readMeta } from '../../../src/shared/case/case-doc'
import { appendParagraphs, fragmentToPlainText } from '../../../src/shared/case/rich-text'
import { PROBLEMS } from '../../../src/shared/room/message-problems'
import { onPeerMessageProblem } from '../../../src/shared/room/peer-messages'
import { relayDocumentName } from '../../../src/shared/room/relay'
import { relayCipher } from '../../../src/shared/room/relay-cipher'
import { ENTRIES } from '../../../src/shared/room/relay-entries'
import { RoomConnection } from '../../../src/shared/room/room-connection'
import { generateRoomId, generateRoomKey } from '../../../src/shared/room/room-key'
import { deeplyNestedUpdate } from '../../fixtures/deep-nesting'
import { RELAY_TOKEN, startTeamRelay, type TeamRelay } from '../../fixtures/team-relay'
import { useTempFolder } from '../../fixtures/temp-folder'

const folder = useTempFolder()
let relay: TeamRelay
const open: { destroy: () => unknown }[] = []
const problems: string[] = []
let stopProblems: () => void = () => undefined

beforeEach(async () => {
  relay = await startTeamRelay(folder())
  problems.length = 0
  stopProblems = onPeerMessageProblem((problem) => problems.push(problem))
})

afterEach(async () => {
  stopProblems()
  await Promise.all(open.splice(0).map((connection) => connection.destroy()))
  await relay.close()
})

interface Member {
  doc: Y.Doc
  room: RoomConnection
}

async function join(roomId: string, key: string, name?: string): Promise<Member> {
  const doc = new Y.Doc({ gc: false })
  const room = await RoomConnection.open(doc, {
    roomId,
    key,
    signalingUrls: [],
    peerToPeer: false,
    relay: { url: relay.url, token: RELAY_TOKEN, WebSocket },
  })
  if (name) room.awareness.setLocalStateField('user', { memberId: name.toLowerCase(), name })
  open.push(room)
  return { doc, room }
}

/** A client with the relay token speaking to the relay document with a bare provider. */
function bareRelayClient(roomId: string): { relayDoc: Y.Doc; provider: HocuspocusProvider } {
  const relayDoc = new Y.Doc()
  const socket = new HocuspocusProviderWebsocket({ url: relay.url, WebSocketPolyfill: WebSocket })
  const provider = new HocuspocusProvider({
    websocketProvider: socket,
    name: relayDocumentName(roomId),
    document: relayDoc,
    token: RELAY_TOKEN,
  })
  provider.attach()
  open.push({ destroy: () => (provider.destroy(), socket.destroy()) })
  return { relayDoc, provider }
}

const text = (doc: Y.Doc, section: string): string =>
  fragmentToPlainText(doc.getXmlFragment(section))

function contains(haystack: Uint8Array, phrase: string): boolean {
  return Buffer.from(haystack).includes(Buffer.from(phrase, 'utf8'))
}

const PHRASES = [
  'Acme Rockets: checkout outage',
  'Invoices for 412 customers were charged twice',
  'Refund batch RB-77 failed at the bank',
  'Dana Whitfield',
]

describe('what the team relay stores and sees', () => {
  it('holds none of the case text in its database file or in any frame, and still syncs it', async () => {
    const roomId = generateRoomId()
    const key = generateRoomKey()
    const dana = await join(roomId, key, 'Dana Whitfield')
    const omar = await join(roomId, key, 'Omar Haddad')
    initializeCase(
      dana.doc,
      {
        title: 'Acme Rockets: checkout outage',
        ticket: { system: 'zendesk', id: '48213', url: '' },
        customer: 'Acme Rockets',
        priority: 'urgent',
        swarmType: 'vip-incident',
      },
      { memberId: 'dana', name: 'Dana Whitfield', color: '#2563eb' },
    )
    appendParagraphs(dana.doc.getXmlFragment('impact'), [
      'Invoices for 412 customers were charged twice',
    ])
    appendParagraphs(omar.doc.getXmlFragment('history'), ['Refund batch RB-77 failed at the bank'])

    await expect.poll(() => readMeta(omar.doc).title).toBe('Acme Rockets: checkout outage')
    await expect.poll(() => text(omar.doc, 'impact')).toContain('charged twice')
    await expect.poll(() => text(dana.doc, 'history')).toContain('RB-77')
    // Presence crossed the relay too, sealed: each sees the other's name.
    const names = (member: Member): string[] =>
      [...member.room.awareness.getStates().values()].map(
        (state) => (state['user'] as { name?: string } | undefined)?.name ?? '',
      )
    await expect.poll(() => names(omar)).toContain('Dana Whitfield')
    await expect.poll(() => names(dana)).toContain('Omar Haddad')
    await expect.poll(() => relay.stored(relayDocumentName(roomId))).toBeDefined()

    // The search would find each phrase in the case's own bytes…
    const plain = Y.encodeStateAsUpdate(dana.doc)
    for (const phrase of PHRASES.slice(0, 3)) expect(contains(plain, phrase)).toBe(true)
    await Promise.all(open.splice(0).map((connection) => connection.destroy()))
    await relay.close()
    // …and finds none in what the relay kept or carried.
    const database = readFileSync(relay.databaseFile)
    expect(database.byteLength).toBeGreaterThan(0)
    expect(relay.frames.length).toBeGreaterThan(10)
    for (const phrase of PHRASES) {
      expect(contains(database, phrase), phrase).toBe(false)
      expect(
        relay.frames.some((frame) => contains(frame, phrase)),
        phrase,
      ).toBe(false)
    }
    expect(problems).toEqual([])
  })

  it('gives a member who joins after everyone left the whole case', async () => {
    const roomId = generateRoomId()
    const key = generateRoomKey()
    const dana = await join(roomId, key)
    appendParagraphs(dana.doc.getXmlFragment('summary'), ['Dana wrote this while alone'])
    const omar = await join(roomId, key)
    appendParagraphs(omar.doc.getXmlFragment('impact'), ['Omar: 40 agents cannot log in'])
    await expect.poll(() => text(omar.doc, 'summary')).toContain('while alone')
    await expect.poll(() => text(dana.doc, 'impact')).toContain('40 agents')
    await expect
      .poll(async () => (await relay.stored(relayDocumentName(roomId)))?.byteLength ?? 0)
      .toBeGreaterThan(0)

    await Promise.all(open.splice(0).map((connection) => connection.destroy()))
    const priya = await join(roomId, key)
    await expect.poll(() => text(priya.doc, 'impact'), { timeout: 10_000 }).toContain('40 agents')
    expect(text(priya.doc, 'summary')).toContain('Dana wrote this while alone')
    expect(Y.encodeStateVector(priya.doc)).toEqual(Y.encodeStateVector(dana.doc))
  })

  it('catches the relay up with what a member wrote before the relay was turned on', async () => {
    const roomId = generateRoomId()
    const key = generateRoomKey()
    const doc = new Y.Doc({ gc: false })
    appendParagraphs(doc.getXmlFragment('summary'), ['Written offline, before the relay'])
    const room = await RoomConnection.open(doc, {
      roomId,
      key,
      signalingUrls: [],
      peerToPeer: false,
      relay: { url: relay.url, token: RELAY_TOKEN, WebSocket },
    })
    open.push(room)
    const omar = await join(roomId, key)
    await expect.poll(() => text(omar.doc, 'summary')).toContain('Written offline')
  })
})

describe('what a member without the room key, or a hostile one, can do', () => {
  it('gives a member with another key nothing readable, says so, and keeps the room working', async () => {
    const roomId = generateRoomId()
    const key = generateRoomKey()
    const dana = await join(roomId, key, 'Dana Whitfield')
    appendParagraphs(dana.doc.getXmlFragment('impact'), ['Invoices for 412 customers'])
    const stranger = await join(roomId, generateRoomKey(), 'Mallory')
    appendParagraphs(stranger.doc.getXmlFragment('summary'), ['from the wrong key'])

    await expect.poll(() => problems, { timeout: 10_000 }).toContain(PROBLEMS.relaySealed)
    const omar = await join(roomId, key)
    appendParagraphs(omar.doc.getXmlFragment('history'), ['Omar, still in sync'])
    await expect.poll(() => text(dana.doc, 'history')).toContain('Omar, still in sync')
    await expect.poll(() => text(omar.doc, 'impact')).toContain('412 customers')

    expect(text(stranger.doc, 'impact')).toBe('')
    expect(text(stranger.doc, 'history')).toBe('')
    expect(text(dana.doc, 'summary')).toBe('')
    expect(text(omar.doc, 'summary')).toBe('')
    const strangerNames = [...stranger.room.awareness.getStates().values()].map(
      (state) => (state['user'] as { name?: string } | undefined)?.name,
    )
    expect(strangerNames).toEqual(['Mallory'])
    expect(stranger.room.status.peers).toBe(0)
    expect(dana.room.status.relay).toBe('connected')
  })

  it('ignores junk entries and a sealed update nesting 2,000 levels, and says so', async () => {
    const roomId = generateRoomId()
    const key = generateRoomKey()
    const dana = await join(roomId, key)
    const omar = await join(roomId, key)
    const hostile = bareRelayClient(roomId)
    await expect.poll(() => hostile.provider.isSynced).toBe(true)
    const cipher = await relayCipher(key, roomId)
    const deep = await cipher.seal(deeplyNestedUpdate('summary', 2000), 'entry')
    const garbage = await cipher.seal(Uint8Array.from([7, 7, 7, 7]), 'entry')
    // Each batch the relay passes on is reported once, with its first problem.
    const entries = hostile.relayDoc.getArray(ENTRIES)
    entries.push([deep, garbage])
    entries.push(['a string', { not: 'bytes' }, Uint8Array.from([1, 2, 3])])

    await expect.poll(() => problems).toContain(PROBLEMS.relay)
    await expect.poll(() => problems).toContain(PROBLEMS.relaySealed)
    expect(text(dana.doc, 'summary')).not.toContain('deep')
    appendParagraphs(omar.doc.getXmlFragment('impact'), ['Omar, after the junk'])
    await expect.poll(() => text(dana.doc, 'impact')).toContain('Omar, after the junk')
  })
})

describe('compaction', () => {
  it('keeps the stored relay document within twice the case state after 10,000 edits', async () => {
    const roomId = generateRoomId()
    const key = generateRoomKey()
    const dana = await join(roomId, key)
    const omar = await join(roomId, key)
    // Connecting two peers can take a while on a loaded machine; the test is about compaction.
    await expect.poll(() => dana.room.status.peers, { timeout: 30_000 }).toBe(1)
    const typeInto = async (member: Member, section: string, edits: number): Promise<void> => {
      appendParagraphs(member.doc.getXmlFragment(section), [''])
      const paragraph = member.doc.getXmlFragment(section).get(0) as Y.XmlElement
      const line = paragraph.get(0) as Y.XmlText
      for (let edit = 0; edit < edits; edit += 1) {
        line.insert(line.length, String.fromCharCode(97 + (edit % 26)))
        // Let seals and the relay run now and then, as between keystrokes.
        if (edit % 10 === 9) await new Promise((done) => setTimeout(done, 0))
      }
    }
    // Both type at once, so their appends and compactions overlap.
    await Promise.all([typeInto(dana, 'summary', 5000), typeInto(omar, 'impact', 5000)])
    await expect.poll(() => text(omar.doc, 'summary').length, { timeout: 30_000 }).toBe(5000)
    await expect.poll(() => text(dana.doc, 'impact').length, { timeout: 30_000 }).toBe(5000)

    const caseState = Y.encodeStateAsUpdate(dana.doc).byteLength
    const bound = 2 * caseState + 16 * 1024
    await expect
      .poll(async () => (await relay.stored(relayDocumentName(roomId)))?.byteLength ?? Infinity, {
        timeout: 30_000,
      })
      .toBeLessThanOrEqual(bound)

    // What was compacted is the whole case: a newcomer gets every keystroke of both.
    await Promise.all(open.splice(0).map((connection) => connection.destroy()))
    const priya = await join(roomId, key)
    await expect.poll(() => text(priya.doc, 'summary').length, { timeout: 20_000 }).toBe(5000)
    expect(text(priya.doc, 'impact')).toBe(text(dana.doc, 'impact'))
    expect(text(priya.doc, 'summary')).toBe(text(omar.doc, 'summary'))
    expect(problems).toEqual([])
  }, 120_000)
})
