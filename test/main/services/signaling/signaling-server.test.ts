/**
 * The signaling server is shared by everyone in the office when a teammate hosts on the LAN,
 * so one broken or hostile client (a flood, an oversized frame, junk, a client that stops
 * reading) must be cut off alone while a well-behaved pair of peers keeps talking. It must
 * also stay exactly compatible with y-webrtc, or rooms silently never connect.
 */
import { randomUUID } from 'node:crypto'
import { afterEach, describe, expect, it } from 'vitest'
import { WebrtcProvider } from 'y-webrtc'
import * as Y from 'yjs'
import {
  startSignalingServer,
  type SignalingLimits,
  type SignalingServer,
  type SignalingServerOptions,
} from '../../../../src/main/services/signaling/signaling-server'
import { installWebSocket, testPeerOptions } from '../../../fixtures/node-webrtc'
import { ServerLog } from '../../../fixtures/server-log'
import { useSignalingClients, type SignalingClient } from '../../../fixtures/signaling-client'
import { startPeerProcess } from '../../../fixtures/webrtc-peer-process'

const { connect, refusal } = useSignalingClients()
const servers: SignalingServer[] = []
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()))
})

/** Where the app's window is served in these tests, as the dev server or e2e harness does. */
const APP_ORIGIN = 'http://127.0.0.1:5173'

/** A server on loopback, any free port, with `limits` over the defaults. */
async function serve(
  limits: Partial<SignalingLimits> = {},
  options: Omit<SignalingServerOptions, 'limits' | 'log'> = {},
): Promise<{ server: SignalingServer; log: ServerLog }> {
  const log = new ServerLog()
  const server = await startSignalingServer({ ...options, limits, log: log.record })
  servers.push(server)
  return { server, log }
}

/** Two peers subscribed to `pair-room`, the way two teammates in one case are. */
async function connectPair(url: string): Promise<[SignalingClient, SignalingClient]> {
  const pair = [await connect(url), await connect(url)] as const
  for (const peer of pair) peer.subscribe('pair-room')
  await Promise.all(pair.map((peer) => peer.settled()))
  return [...pair]
}

/**
 * Each of the pair publishes once and both receive each message. Spam a flooder got into their
 * room before it was cut off is skipped; anything else arriving first fails the test.
 */
async function expectPairToTalk([alice, bob]: [SignalingClient, SignalingClient]): Promise<void> {
  for (const [from, to] of [
    [alice, bob],
    [bob, alice],
  ] as const) {
    const data = `hello ${randomUUID()}`
    from.publish('pair-room', data)
    const expected = { type: 'publish', topic: 'pair-room', data, clients: 2 }
    expect(await nextNotSpam(to)).toEqual(expected)
    expect(await nextNotSpam(from)).toEqual(expected)
  }
}

async function nextNotSpam(client: SignalingClient): Promise<Record<string, unknown>> {
  for (;;) {
    const message = await client.next()
    if (!String(message['data']).startsWith('spam')) return message
  }
}

describe('startSignalingServer', { timeout: 20_000 }, () => {
  describe("speaking y-webrtc's protocol", () => {
    it('delivers a publish to every subscriber of its topic, the sender included, and no one else', async () => {
      const { server } = await serve()
      const [alice, bob] = await connectPair(server.url)
      const outsider = await connect(server.url)
      outsider.subscribe('other-room')
      await outsider.settled()

      alice.publish('pair-room', { signal: 'offer' })
      // Handled after the first publish, so it reaches the outsider only after that one would have.
      alice.publish('other-room', 'marker')

      const delivered = {
        type: 'publish',
        topic: 'pair-room',
        data: { signal: 'offer' },
        clients: 2,
      }
      expect(await bob.next()).toEqual(delivered)
      expect(await alice.next()).toEqual(delivered)
      expect(await outsider.next()).toEqual({
        type: 'publish',
        topic: 'other-room',
        data: 'marker',
        clients: 1,
      })
      expect(server.stats()).toMatchObject({ connections: 3, topics: 2, dropped: 0 })
    })

    it('stops delivering to a client once it unsubscribes', async () => {
      const { server } = await serve()
      const [alice, bob] = await connectPair(server.url)
      bob.subscribe('marker-room')
      bob.send({ type: 'unsubscribe', topics: ['pair-room'] })
      await bob.settled()

      alice.publish('pair-room', 'after bob left')
      alice.publish('marker-room', 'marker')

      expect(await bob.next()).toMatchObject({ topic: 'marker-room', data: 'marker' })
      expect(await alice.next()).toMatchObject({ data: 'after bob left', clients: 1 })
    })

    it('answers a ping with a pong', async () => {
      const { server } = await serve()
      const client = await connect(server.url)

      client.send({ type: 'ping' })

      expect(await client.next()).toEqual({ type: 'pong' })
    })

    it('forgets the topics of a client that disconnects', async () => {
      const { server, log } = await serve()
      const [alice, bob] = await connectPair(server.url)

      bob.socket.close()
      await log.when('disconnected')
      alice.publish('pair-room', 'anyone there?')

      expect(await alice.next()).toMatchObject({ data: 'anyone there?', clients: 1 })
      expect(server.stats()).toMatchObject({ connections: 1, topics: 1 })
    })

    it('ignores topics that are not strings or are too long', async () => {
      const { server } = await serve({ maxTopicLength: 16 })
      const client = await connect(server.url)

      client.send({ type: 'subscribe', topics: ['case-1', 7, null, '', 'x'.repeat(17)] })
      await client.settled()

      expect(server.stats()).toMatchObject({ topics: 1, dropped: 0 })
    })
  })

  describe('with misbehaving clients', () => {
    it('closes a client that sends an oversized message and keeps serving the others', async () => {
      const { server } = await serve({ maxMessageBytes: 1024 })
      const pair = await connectPair(server.url)
      const oversized = await connect(server.url)

      oversized.publish('pair-room', 'x'.repeat(2048))

      expect((await oversized.closed).code).toBe(1009)
      await expectPairToTalk(pair)
      expect(server.stats().closedForAbuse).toBe(1)
    })

    it('forwards a publish nested too deep to encode again and keeps serving the others', async () => {
      const { server } = await serve()
      const [alice, bob] = await connectPair(server.url)
      const depth = 200_000
      // Within the size limit; JSON.stringify of it overflows the stack, JSON.parse does not.
      const nested = `{"type":"publish","topic":"pair-room","data":${'['.repeat(depth)}${']'.repeat(depth)}}`

      alice.send(nested)

      // Only the top of the message is looked at: comparing it whole would overflow here too.
      for (const peer of [bob, alice]) {
        const delivered = await peer.next()
        expect([delivered['type'], delivered['topic'], delivered['clients']]).toEqual([
          'publish',
          'pair-room',
          2,
        ])
      }
      await expectPairToTalk([alice, bob])
      expect(server.stats()).toMatchObject({ connections: 2, closedForAbuse: 0 })
    })

    it('drops junk silently and keeps the connection open', async () => {
      const { server } = await serve()
      const client = await connect(server.url)
      const junk = [
        'not json at all',
        '{"type": "subscribe", "topics": [',
        '[1, 2, 3]',
        '"a string"',
        'null',
        '42',
        '{"type": "dance"}',
        '{"topics": ["pair-room"]}',
        '{"type": "subscribe", "topics": "pair-room"}',
        '{"type": "unsubscribe"}',
        '{"type": "publish", "topic": 7, "data": "x"}',
        '{"type": "publish", "data": "no topic"}',
        '{"type": ["ping"]}',
      ]

      for (const text of junk) client.send(text)
      client.socket.send(Buffer.from('{"type":"ping"}'), { binary: true })
      client.send({ type: 'ping' })

      // Nothing was echoed: the first thing back is the answer to the last, valid ping.
      expect(await client.next()).toEqual({ type: 'pong' })
      expect(server.stats()).toMatchObject({
        connections: 1,
        dropped: junk.length + 1,
        closedForAbuse: 0,
      })
    })

    it('cuts off a client that floods the server with 1008 while a pair keeps talking', async () => {
      const { server } = await serve({ messagesPerWindow: 20, windowMs: 60_000 })
      const pair = await connectPair(server.url)
      const flooder = await connect(server.url)

      for (let sent = 0; sent < 100; sent += 1) flooder.publish('pair-room', `spam ${sent}`)
      const [closed] = await Promise.all([flooder.closed, expectPairToTalk(pair)])

      expect(closed.code).toBe(1008)
      expect(server.stats().closedForAbuse).toBe(1)
    })

    it('cuts off a client that stops reading while others publish to it', async () => {
      const { server, log } = await serve({
        maxMessageBytes: 128 * 1024,
        maxBufferedBytes: 256 * 1024,
        messagesPerWindow: 100_000,
      })
      const pair = await connectPair(server.url)
      const reader = await connect(server.url)
      const writer = await connect(server.url)
      reader.subscribe('feed')
      await reader.settled()
      reader.socket.pause()
      let cutOff = false
      const abuse = log.when('closed-for-abuse')
      void abuse.then(() => (cutOff = true))

      // The operating system buffers a few megabytes before the server's own queue grows.
      const chunk = 'x'.repeat(64 * 1024)
      for (let round = 0; !cutOff && round < 64; round += 1) {
        for (let message = 0; message < 8; message += 1) writer.publish('feed', chunk)
        await writer.settled()
      }

      expect(cutOff, 'the reader was never cut off').toBe(true)
      expect(await abuse).toMatchObject({ reason: 'stopped reading its messages' })
      await expectPairToTalk(pair)
      reader.socket.resume()
      await reader.closed
      await log.when('disconnected')
      expect(server.stats()).toMatchObject({ connections: 3, closedForAbuse: 1 })
    })

    it('ignores subscriptions beyond the per-connection topic limit', async () => {
      const { server, log } = await serve({ maxTopicsPerConnection: 3 })
      const client = await connect(server.url)
      const publisher = await connect(server.url)

      client.subscribe('room-1', 'room-2', 'room-3', 'room-4', 'room-5')
      await client.settled()
      publisher.publish('room-4', 'not for you')
      publisher.publish('room-1', 'marker')

      expect(await client.next()).toMatchObject({ topic: 'room-1', data: 'marker' })
      expect(await log.when('topics-limited')).toMatchObject({ ignored: 2 })
      expect(server.stats().topics).toBe(3)
      // The limit counts current subscriptions: leaving one room makes space for another.
      client.send({ type: 'unsubscribe', topics: ['room-1'] })
      client.subscribe('room-4')
      await client.settled()
      publisher.publish('room-4', 'now for you')
      expect(await client.next()).toMatchObject({ topic: 'room-4', data: 'now for you' })
    })

    it('closes a connection that neither sends nor answers pings for the idle timeout', async () => {
      const { server, log } = await serve({ idleTimeoutMs: 300 })
      const silent = await connect(server.url, { autoPong: false })

      expect((await silent.closed).code).toBe(1001)
      await log.when('disconnected')
      expect(server.stats()).toMatchObject({ connections: 0, closedForAbuse: 0 })
    })

    it('keeps a quiet connection open while it answers pings', async () => {
      const { server } = await serve({ idleTimeoutMs: 600 })
      const quiet = await connect(server.url)
      let pings = 0

      // Three pings, each sent after half the idle timeout without a word: past the timeout.
      await new Promise<void>((resolve) => {
        quiet.socket.on('ping', () => {
          pings += 1
          if (pings === 3) resolve()
        })
      })

      quiet.send({ type: 'ping' })
      expect(await quiet.next()).toEqual({ type: 'pong' })
      expect(server.stats().connections).toBe(1)
    })

    it('refuses connections beyond the per-address limit and keeps the open ones', async () => {
      const { server } = await serve({ maxConnectionsPerAddress: 2 })
      const pair = await connectPair(server.url)

      expect(await refusal(server.url)).toBe(429)
      await expectPairToTalk(pair)
    })

    it('refuses connections beyond the overall limit', async () => {
      const { server, log } = await serve({ maxConnections: 2 })
      await connectPair(server.url)

      expect(await refusal(server.url)).toBe(503)
      expect(await refusal(server.url)).toBe(503)
      expect(await log.when('connection-refused')).toMatchObject({ address: '127.0.0.1' })
      // Both attempts are counted, but a run of refusals is logged once.
      expect(server.stats().refused).toBe(2)
      expect(log.entries.filter(({ event }) => event === 'connection-refused')).toHaveLength(1)
    })
  })

  describe('with web pages in the browser of the computer it runs on', () => {
    it("refuses a WebSocket from a page other than the app's own with 403", async () => {
      const { server, log } = await serve({}, { allowedOrigins: [APP_ORIGIN] })

      expect(await refusal(server.url, { origin: 'https://evil.example' })).toBe(403)
      expect(await log.when('connection-refused')).toMatchObject({
        origin: 'https://evil.example',
        reason: 'Only Swarmroom may use its signaling server.',
      })
      expect(server.stats()).toMatchObject({ connections: 0, refused: 1 })
    })

    it("refuses every web page when it knows no origin of the app's", async () => {
      const { server } = await serve()

      expect(await refusal(server.url, { origin: APP_ORIGIN })).toBe(403)
    })

    it("lets in the app's own page, and programs that send no Origin, to talk together", async () => {
      const { server } = await serve({}, { allowedOrigins: [APP_ORIGIN] })
      // The app's window, or a teammate's Swarmroom window: both send the app's Origin.
      const window = await connect(server.url, { origin: APP_ORIGIN })
      const program = await connect(server.url)
      for (const peer of [window, program]) peer.subscribe('pair-room')
      await Promise.all([window.settled(), program.settled()])

      await expectPairToTalk([window, program])
    })

    it("keeps room for the app's own windows when others have taken every connection", async () => {
      const { server } = await serve(
        { maxConnections: 2, maxConnectionsPerAddress: 2 },
        { allowedOrigins: [APP_ORIGIN] },
      )
      await connectPair(server.url)
      expect(await refusal(server.url)).toBe(503)

      const windows = [
        await connect(server.url, { origin: APP_ORIGIN }),
        await connect(server.url, { origin: APP_ORIGIN }),
      ] as const
      for (const window of windows) window.subscribe('pair-room')
      await Promise.all(windows.map((window) => window.settled()))
      windows[0].publish('pair-room', 'the windows still find each other')

      expect(await windows[1].next()).toMatchObject({
        data: 'the windows still find each other',
        clients: 4,
      })
      // The windows' own pool has a limit too, so a program faking their Origin cannot grow it.
      expect(await refusal(server.url, { origin: APP_ORIGIN })).toBe(429)
    })
  })

  it('rejects with a clear message when the port is already in use', async () => {
    const { server } = await serve()

    await expect(startSignalingServer({ port: server.port })).rejects.toThrow(
      `Port ${server.port} is already in use by another program; Swarmroom could not host rooms on it.`,
    )
  })

  it('refuses a limit that is not a whole number of at least 1', async () => {
    await expect(startSignalingServer({ limits: { windowMs: 0 } })).rejects.toThrow(
      'The signaling limit windowMs must be a whole number of at least 1.',
    )
  })

  it('closes every connection and frees its port on close', async () => {
    const { server } = await serve()
    const client = await connect(server.url)

    await server.close()

    await client.closed
    const again = await startSignalingServer({ port: server.port })
    servers.push(again)
    expect(again.url).toBe(`ws://127.0.0.1:${server.port}`)
  })

  it(
    'lets two y-webrtc peers with a room password find each other and converge',
    { timeout: 60_000 },
    async () => {
      const { server } = await serve()
      installWebSocket()
      const room = `case-${randomUUID()}`
      const password = 'the room key from the invite link'
      // The teammate runs in its own process, as on another computer: y-webrtc links rooms in one
      // process directly, which would bypass the signaling server.
      const teammate = await startPeerProcess(server.url, room, password)
      // Join once the teammate is subscribed: two stock y-webrtc peers announcing at the same
      // moment can both start a connection and end with none (the app closes such connections
      // and retries; stock y-webrtc does not).
      await expect.poll(() => server.stats().topics, { timeout: 10_000 }).toBe(1)
      const doc = new Y.Doc()
      const provider = new WebrtcProvider(room, doc, {
        signaling: [server.url],
        password,
        peerOpts: testPeerOptions,
      })
      try {
        const notes = doc.getText('notes')
        notes.insert(0, 'Checked the billing logs. ')
        teammate.insert('Customer is on the legacy plan. ')
        const both = (text: string): boolean =>
          text.includes('Checked the billing logs.') && text.includes('on the legacy plan.')

        const theirs = await teammate.waitForText(both)
        const ours = await textWhen(notes, both)

        expect(ours).toBe(theirs)
      } finally {
        // y-webrtc's destroy() leaves the signaling connection open; disconnect() closes it.
        provider.disconnect()
        provider.destroy()
        doc.destroy()
        await teammate.stop()
      }
    },
  )
})

/** Resolves with the text once `accept` returns true for it. */
function textWhen(text: Y.Text, accept: (text: string) => boolean): Promise<string> {
  return new Promise((resolve) => {
    const check = (): void => {
      if (!accept(text.toString())) return
      text.unobserve(check)
      resolve(text.toString())
    }
    text.observe(check)
    check()
  })
}
