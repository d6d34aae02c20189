/**
 * The embedded signaling server: peers of a room find each other through it before they talk
 * directly over WebRTC. It speaks y-webrtc's protocol exactly as y-webrtc's `bin/server.js`
 * does (JSON `subscribe`, `unsubscribe`, `publish`, `ping` over WebSocket), so any stock
 * y-webrtc client works with it. It only relays what peers publish; with a room password
 * (always, in Swarmroom) that is encrypted and means nothing to the server.
 *
 * Unlike the reference server it expects hostile neighbours on a LAN: every limit in
 * `SignalingLimits` closes or refuses only the client that breaks it.
 */
import { createServer, type IncomingMessage } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { Duplex } from 'node:stream'
import { WebSocketServer, type RawData, type ServerOptions, type WebSocket } from 'ws'
import { SignalingAdmission } from './signaling-admission'
import { resolveLimits, type SignalingLimits } from './signaling-limits'
import { SignalingHub, type SignalingStats } from './signaling-hub'

export { browserOrigin } from './signaling-admission'
export { DEFAULT_SIGNALING_LIMITS, type SignalingLimits } from './signaling-limits'
export type { SignalingStats } from './signaling-hub'

export interface SignalingServerOptions {
  /**
   * Network address to listen on: loopback serves this computer's windows only; `'0.0.0.0'`
   * serves the LAN when the user hosts rooms for the office.
   * @default '127.0.0.1'
   */
  host?: string
  /**
   * Port to listen on; 0 picks any free port.
   * @default 0
   */
  port?: number
  /**
   * The Origins of Swarmroom's own pages, exactly as a browser sends them (see `browserOrigin`),
   * e.g. `'file://'` for the packaged app. A WebSocket request from any other web page is
   * refused (HTTP 403); requests without an Origin, from programs, are not affected.
   * Connections from this computer with one of these Origins have their own pool (see
   * `SignalingAdmission`), so strangers cannot take their place.
   * @default [] (no web page may connect)
   */
  allowedOrigins?: readonly string[]
  /** Overrides of the defaults in `DEFAULT_SIGNALING_LIMITS`. */
  limits?: Partial<SignalingLimits>
  /** Receives connection-level events (refused, closed for abuse, idle); never message text. */
  log?: (event: string, detail?: unknown) => void
}

export interface SignalingServer {
  /** Where this computer's windows connect: `ws://host:port`, loopback when bound to all. */
  readonly url: string
  readonly port: number
  readonly host: string
  stats(): SignalingStats
  /** Cuts every connection and resolves once the port is free again. */
  close(): Promise<void>
}

/** A peer that ignores our close frame is cut off after this long (ws waits 30 s). */
const CLOSE_HANDSHAKE_MS = 2000

/** Starts the server; rejects with a message a support agent can act on if the port is taken. */
export async function startSignalingServer(
  options: SignalingServerOptions = {},
): Promise<SignalingServer> {
  const host = options.host ?? '127.0.0.1'
  const requestedPort = options.port ?? 0
  if (!Number.isInteger(requestedPort) || requestedPort < 0 || requestedPort > 65535) {
    throw new Error(
      `The signaling port must be a whole number from 0 to 65535, not ${requestedPort}.`,
    )
  }
  const limits = resolveLimits(options.limits)
  const log = options.log ?? ((): void => {})
  const hub = new SignalingHub(limits, log)

  const wsOptions: ServerOptions & { closeTimeout: number } = {
    noServer: true,
    clientTracking: false,
    // Frames above the limit are refused while their header is read, never buffered whole.
    maxPayload: limits.maxMessageBytes,
    // Compression would let a small frame inflate to a large message.
    perMessageDeflate: false,
    closeTimeout: CLOSE_HANDSHAKE_MS,
  }
  const wss = new WebSocketServer(wsOptions)
  // Short header and request timeouts so half-open HTTP requests cannot pile up.
  const http = createServer({ headersTimeout: 10_000, requestTimeout: 10_000 }, (_, response) => {
    response.writeHead(200, { 'Content-Type': 'text/plain' }).end('okay')
  })
  let closing = false
  let refused = 0
  // One log line per run of refusals; the next is written once a connection has closed.
  let refusalLogged = false
  const admission = new SignalingAdmission(
    limits,
    options.allowedOrigins ?? [],
    () => (refusalLogged = false),
  )

  http.on('upgrade', (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    socket.on('error', () => socket.destroy())
    const address = request.socket.remoteAddress ?? 'unknown'
    const refusal = closing
      ? { status: 503, reason: 'Swarmroom is shutting down its signaling server.' }
      : admission.admit(request, socket, address)
    if (refusal) {
      refused += 1
      if (!refusalLogged) {
        log('connection-refused', { address, origin: request.headers.origin, ...refusal })
      }
      refusalLogged = true
      refuseUpgrade(socket, refusal.status, refusal.reason)
      return
    }
    wss.handleUpgrade(request, socket, head, (webSocket) => accept(webSocket, address))
  })

  function accept(socket: WebSocket, address: string): void {
    const client = hub.add(socket, address)
    socket.on('message', (data: RawData, isBinary: boolean) => {
      hub.receive(client, isBinary ? undefined : textOf(data))
    })
    socket.on('pong', () => hub.heard(client))
    // ws reports only protocol violations here (a frame too big, bad UTF-8); it closes itself.
    socket.on('error', (error) => hub.closedForProtocolError(client, error))
    socket.on('close', () => hub.remove(client))
  }

  await listen(http, host, requestedPort)
  http.on('error', (error) => log('server-error', error))
  const sweep = setInterval(() => hub.sweep(), Math.max(10, limits.idleTimeoutMs / 4))
  sweep.unref()
  const port = (http.address() as AddressInfo).port
  log('listening', { host, port })

  let closed: Promise<void> | undefined
  return {
    url: `ws://${urlHost(host)}:${port}`,
    port,
    host,
    stats: () => ({ ...hub.stats(), refused }),
    close(): Promise<void> {
      closed ??= new Promise<void>((resolve) => {
        closing = true
        clearInterval(sweep)
        hub.terminateAll()
        wss.close()
        http.close(() => resolve())
        http.closeAllConnections()
      })
      return closed
    },
  }
}

function textOf(data: RawData): string {
  if (Array.isArray(data)) return Buffer.concat(data).toString('utf8')
  return (Buffer.isBuffer(data) ? data : Buffer.from(data)).toString('utf8')
}

function refuseUpgrade(socket: Duplex, status: number, reason: string): void {
  const titles: Record<number, string> = { 403: 'Forbidden', 429: 'Too Many Requests' }
  const title = titles[status] ?? 'Service Unavailable'
  socket.end(
    `HTTP/1.1 ${status} ${title}\r\nConnection: close\r\nContent-Type: text/plain\r\n` +
      `Content-Length: ${Buffer.byteLength(reason)}\r\n\r\n${reason}`,
    () => socket.destroy(),
  )
}

function listen(http: ReturnType<typeof createServer>, host: string, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException): void => {
      http.close()
      reject(new Error(listenFailure(error, host, port), { cause: error }))
    }
    http.once('error', onError)
    http.listen({ host, port }, () => {
      http.off('error', onError)
      resolve()
    })
  })
}

function listenFailure(error: NodeJS.ErrnoException, host: string, port: number): string {
  switch (error.code) {
    case 'EADDRINUSE':
      return `Port ${port} is already in use by another program; Swarmroom could not host rooms on it.`
    case 'EACCES':
      return `This computer does not let Swarmroom use port ${port}; choose a port above 1023.`
    case 'EADDRNOTAVAIL':
    case 'ENOTFOUND':
      return `The address ${host} does not belong to this computer, so Swarmroom could not host rooms on it.`
    default:
      return `Swarmroom could not host rooms on ${host} port ${port}: ${error.message}`
  }
}

/** The address this computer's own windows use; a wildcard bind is reached through loopback. */
function urlHost(host: string): string {
  if (host === '0.0.0.0') return '127.0.0.1'
  if (host === '::') return '[::1]'
  return host.includes(':') ? `[${host}]` : host
}
