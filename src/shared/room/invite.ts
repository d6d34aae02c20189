/**
 * Invite links: `swarmroom://join/<roomId>?title=…&signal=ws://…#key=<key>`.
 * The key is only ever in the fragment; `signal` (repeatable) names signaling servers beyond
 * the app's own, such as a teammate's app hosting the room on the office LAN.
 */
import { isRoomKey } from './room-key'

export interface Invite {
  roomId: string
  key: string
  /** The case title as the inviter saw it, shown until the document arrives. */
  title: string
  signalingUrls: string[]
}

const ROOM_ID_PATTERN = /^[A-Za-z0-9_-]{8,64}$/
const MAX_LINK_LENGTH = 4096
const MAX_SIGNALING_URLS = 8

export function formatInvite(invite: Invite): string {
  const query = new URLSearchParams()
  if (invite.title) query.set('title', invite.title.slice(0, 200))
  for (const url of invite.signalingUrls) query.append('signal', url)
  const search = query.size > 0 ? `?${query.toString()}` : ''
  return `swarmroom://join/${invite.roomId}${search}#key=${invite.key}`
}

export type InviteResult = { ok: true; invite: Invite } | { ok: false; problem: string }

/** Reads a pasted or deep-linked invite, saying what is wrong with it in plain words. */
export function parseInvite(text: string): InviteResult {
  const link = text.trim()
  if (link.length === 0) return problem('Paste the invite link a teammate sent you.')
  if (link.length > MAX_LINK_LENGTH) return problem('That link is too long to be an invite.')
  let url: URL
  try {
    url = new URL(link)
  } catch {
    return problem('That is not a link. An invite starts with swarmroom://join/.')
  }
  if (url.protocol !== 'swarmroom:') {
    return problem('That is not a Swarmroom invite. An invite starts with swarmroom://join/.')
  }
  // `swarmroom://join/<id>` parses with host "join"; accept `swarmroom:join/<id>` too.
  const path = `${url.host}${url.pathname}`.replace(/^\/+/, '')
  const [action, roomId, ...rest] = path.split('/')
  if (action !== 'join' || rest.length > 0 || !roomId) {
    return problem('That Swarmroom link is not an invite to a case.')
  }
  if (!ROOM_ID_PATTERN.test(roomId)) return problem('The case id in that invite is damaged.')
  const key = new URLSearchParams(url.hash.slice(1)).get('key') ?? ''
  if (!key) {
    return problem(
      'That invite has no room key (the part after #key=). Ask for the link again and copy all of it.',
    )
  }
  if (!isRoomKey(key)) return problem('The room key in that invite is damaged or cut off.')
  const signalingUrls = url.searchParams.getAll('signal')
  if (signalingUrls.length > MAX_SIGNALING_URLS)
    return problem('That invite names too many servers.')
  const badServer = signalingUrls.find((server) => !isSignalingUrl(server))
  if (badServer !== undefined) {
    return problem(`The invite names a server Swarmroom cannot use: "${badServer.slice(0, 100)}".`)
  }
  const title = (url.searchParams.get('title') ?? '').trim().slice(0, 200)
  return { ok: true, invite: { roomId, key, title, signalingUrls } }
}

/** A WebSocket address with a host: `ws://192.168.1.20:4444` or `wss://signal.example.com`. */
export function isSignalingUrl(text: string): boolean {
  try {
    const url = new URL(text)
    return (url.protocol === 'ws:' || url.protocol === 'wss:') && url.hostname.length > 0
  } catch {
    return false
  }
}

function problem(message: string): InviteResult {
  return { ok: false, problem: message }
}
