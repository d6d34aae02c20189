/**
 * The signaling server's state: who is connected, which topics (rooms) each one follows, and
 * what each connection is still allowed to send. The WebSocket and HTTP plumbing lives in
 * `signaling-server.ts`; everything here acts on one connection at a time, so a client that
 * breaks a limit is the only one closed.
 */
import type { WebSocket } from 'ws'
import { parseSignalingMessage } from './signaling-messages'
import type { SignalingLimits } from './signaling-limits'
import { TokenBucket } from './token-bucket'

export interface SignalingClient {
  readonly socket: WebSocket
  readonly address: string
  readonly topics: Set<string>
  readonly allowance: TokenBucket
  /** When the client last sent a message or answered a ping. */
  heardAt: number
  /** Set once the server has decided to close it: it gets and sends nothing more. */
  closed: boolean
  /** The topic limit is logged once per connection, not on every subscribe. */
  toldTopicLimit: boolean
}

export interface SignalingStats {
  /** Open WebSocket connections. */
  connections: number
  /** Topics (rooms) with at least one subscriber. */
  topics: number
  /** Messages ignored: not JSON, not an object, unknown type, wrong field types, binary. */
  dropped: number
  /** Connections closed for breaking a limit or the WebSocket protocol. */
  closedForAbuse: number
  /** Connection attempts refused by the connection limits. */
  refused: number
}

type Closing = { code: number; reason: string } | 'terminate'

const PONG = Buffer.from(JSON.stringify({ type: 'pong' }))

export class SignalingHub {
  private readonly clients = new Set<SignalingClient>()
  private readonly topics = new Map<string, Set<SignalingClient>>()
  private dropped = 0
  private closedForAbuse = 0

  constructor(
    private readonly limits: SignalingLimits,
    private readonly log: (event: string, detail?: unknown) => void,
    private readonly now: () => number = () => performance.now(),
  ) {}

  add(socket: WebSocket, address: string): SignalingClient {
    const client: SignalingClient = {
      socket,
      address,
      topics: new Set(),
      allowance: new TokenBucket(this.limits.messagesPerWindow, this.limits.windowMs, this.now),
      heardAt: this.now(),
      closed: false,
      toldTopicLimit: false,
    }
    this.clients.add(client)
    this.log('connected', { address })
    return client
  }

  /** Handles one message; `text` is undefined for a binary frame, which means nothing here. */
  receive(client: SignalingClient, text: string | undefined): void {
    // A message that breaks the server in a way not foreseen costs only that message.
    try {
      this.handle(client, text)
    } catch (error) {
      this.dropped += 1
      this.log('message-failed', { address: client.address, reason: String(error) })
    }
  }

  private handle(client: SignalingClient, text: string | undefined): void {
    if (client.closed) return
    this.heard(client)
    if (!client.allowance.take()) {
      this.closeForAbuse(client, 'sent too many messages', {
        code: 1008,
        reason: 'Too many messages',
      })
      return
    }
    const message =
      text === undefined ? undefined : parseSignalingMessage(text, this.limits.maxTopicLength)
    switch (message?.type) {
      case 'subscribe':
        this.subscribe(client, message.topics)
        break
      case 'unsubscribe':
        for (const topic of message.topics) this.leave(client, topic)
        break
      case 'publish': {
        const receivers = this.topics.get(message.topic)
        if (!receivers) break
        // As y-webrtc's server: to every subscriber, the sender included, with their count.
        // The text is forwarded as it came, never encoded again: JSON.stringify throws on a
        // message nested deeper than its stack (JSON.parse does not), and this is cheaper.
        const frame = Buffer.from(withClients(message.text, receivers.size))
        for (const receiver of receivers) this.send(receiver, frame)
        break
      }
      case 'ping':
        this.send(client, PONG)
        break
      case undefined:
        this.dropped += 1
    }
  }

  heard(client: SignalingClient): void {
    client.heardAt = this.now()
  }

  /** ws found a protocol violation (a frame over the size limit, bad UTF-8) and is closing. */
  closedForProtocolError(client: SignalingClient, error: Error): void {
    if (client.closed) return
    client.closed = true
    this.leaveAll(client)
    this.closedForAbuse += 1
    this.log('closed-for-abuse', { address: client.address, reason: error.message })
  }

  remove(client: SignalingClient): void {
    client.closed = true
    this.leaveAll(client)
    if (this.clients.delete(client)) this.log('disconnected', { address: client.address })
  }

  /** Pings quiet connections and closes those that stayed silent for the idle timeout. */
  sweep(): void {
    const now = this.now()
    for (const client of this.clients) {
      if (client.closed) continue
      const quiet = now - client.heardAt
      if (quiet >= this.limits.idleTimeoutMs) {
        this.log('closed-idle', { address: client.address })
        this.close(client, { code: 1001, reason: 'Idle connection' })
      } else if (quiet >= this.limits.idleTimeoutMs / 2 && isOpen(client.socket)) {
        client.socket.ping()
      }
    }
  }

  terminateAll(): void {
    for (const client of this.clients) this.close(client, 'terminate')
  }

  stats(): Omit<SignalingStats, 'refused'> {
    return {
      connections: this.clients.size,
      topics: this.topics.size,
      dropped: this.dropped,
      closedForAbuse: this.closedForAbuse,
    }
  }

  private subscribe(client: SignalingClient, topics: readonly string[]): void {
    let ignored = 0
    for (const topic of topics) {
      if (client.topics.has(topic)) continue
      if (client.topics.size >= this.limits.maxTopicsPerConnection) {
        ignored += 1
        continue
      }
      client.topics.add(topic)
      let subscribers = this.topics.get(topic)
      if (!subscribers) this.topics.set(topic, (subscribers = new Set()))
      subscribers.add(client)
    }
    if (ignored > 0 && !client.toldTopicLimit) {
      client.toldTopicLimit = true
      this.log('topics-limited', { address: client.address, ignored })
    }
  }

  private send(client: SignalingClient, frame: Buffer): void {
    if (client.closed || !isOpen(client.socket)) return
    if (client.socket.bufferedAmount > this.limits.maxBufferedBytes) {
      // Its queue will not drain, so a close frame behind it would never arrive: cut it off.
      this.closeForAbuse(client, 'stopped reading its messages', 'terminate')
      return
    }
    client.socket.send(frame, { binary: false })
  }

  private closeForAbuse(client: SignalingClient, reason: string, closing: Closing): void {
    if (client.closed) return
    this.closedForAbuse += 1
    this.log('closed-for-abuse', { address: client.address, reason })
    this.close(client, closing)
  }

  private close(client: SignalingClient, closing: Closing): void {
    if (client.closed) return
    client.closed = true
    this.leaveAll(client)
    if (closing === 'terminate') client.socket.terminate()
    else client.socket.close(closing.code, closing.reason)
  }

  private leave(client: SignalingClient, topic: string): void {
    if (!client.topics.delete(topic)) return
    const subscribers = this.topics.get(topic)
    subscribers?.delete(client)
    if (subscribers?.size === 0) this.topics.delete(topic)
  }

  private leaveAll(client: SignalingClient): void {
    for (const topic of client.topics) this.leave(client, topic)
  }
}

/**
 * A publish's text with `clients` added as its last member. The text parsed as an object with
 * a type and a topic, so it ends with `}` and has members before it; a `clients` the sender
 * put in is overridden, as the last of two equal names wins in JSON.parse.
 */
function withClients(text: string, clients: number): string {
  const end = text.lastIndexOf('}')
  return `${text.slice(0, end)},"clients":${clients}}`
}

function isOpen(socket: WebSocket): boolean {
  return socket.readyState === socket.OPEN
}
