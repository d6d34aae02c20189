/** Live rooms: what a room connects with, invites, joining, the relay, network settings. */
import * as Y from 'yjs'
import { metaMap, readMeta } from '../../shared/case/case-doc'
import type { networkChannels, NetworkState } from '../../shared/channels/network'
import type { CaseSummary } from '../../shared/ipc'
import { AppError } from '../../shared/result'
import { formatInvite, parseInvite } from '../../shared/room/invite'
import { generateRoomId } from '../../shared/room/room-key'
import type { HandlersOf } from './ipc-dispatch'
import { keyUnavailable } from './room-keys'
import { mergeUpdates } from './room-store'
import type { Services } from './services'

const RELAY_TOKEN = 'relay-token'

export function createNetworkHandlers(services: Services): HandlersOf<typeof networkChannels> {
  const { app, rooms, keys, signaling, secrets } = services
  const now = services.now ?? (() => new Date())

  function findCase(roomId: string): CaseSummary {
    const entry = app.data.cases.find((item) => item.roomId === roomId)
    if (!entry) throw new AppError('not-found', 'That case is not on this computer any more.')
    return entry
  }

  /** The saved relay token; an unreadable one is sent as none, so the relay says it refused. */
  function relayToken(): string {
    try {
      return secrets.get(RELAY_TOKEN) ?? ''
    } catch (error) {
      console.warn('the relay token could not be read', error)
      return ''
    }
  }

  async function networkState(): Promise<NetworkState> {
    const state = await signaling.apply(app.data.settings)
    const { hostOnLan, signalingPort, signalingUrls, relayUrl } = app.data.settings
    return {
      settings: { hostOnLan, signalingPort, signalingUrls, relayUrl },
      relayTokenSaved: relayToken() !== '',
      signaling: {
        localUrl: state.localUrl,
        lanUrl: state.lanUrl ?? null,
        port: state.port,
        problem: state.problem ?? null,
      },
    }
  }

  return {
    'settings:getNetwork': () => networkState(),

    'app:takeDeepLink': () => ({ url: services.deepLinks.take() }),

    'settings:setNetwork': async ({ relayToken, ...settings }) => {
      await app.update((data) => {
        data.settings = { ...data.settings, ...settings }
      })
      if (relayToken === '') await secrets.delete(RELAY_TOKEN)
      else if (relayToken !== undefined) await secrets.set(RELAY_TOKEN, relayToken)
      return networkState()
    },

    'room:connection': async ({ roomId }) => {
      const entry = findCase(roomId)
      const state = await signaling.apply(app.data.settings)
      const { relayUrl, signalingUrls } = app.data.settings
      let key: string
      try {
        key = await keys.get(roomId)
      } catch (error) {
        throw keyUnavailable(error)
      }
      return {
        key,
        signalingUrls: unique([state.localUrl, ...entry.signalingUrls, ...signalingUrls]),
        relay: entry.relay && relayUrl ? { url: relayUrl, token: relayToken() } : null,
      }
    },

    'room:invite': async ({ roomId }) => {
      const entry = findCase(roomId)
      const state = await signaling.apply(app.data.settings)
      // Loopback addresses mean nothing on a teammate's computer.
      const servers = unique([
        ...(state.lanUrl ? [state.lanUrl] : []),
        ...entry.signalingUrls,
        ...app.data.settings.signalingUrls,
      ]).filter((url) => !/^wss?:\/\/(127\.|localhost|\[::1\])/.test(url))
      const key = await keys.get(roomId)
      return {
        link: formatInvite({ roomId, key, title: entry.title, signalingUrls: servers }),
      }
    },

    'room:setRelay': async ({ roomId, relay }) => {
      const entry = findCase(roomId)
      if (relay && !app.data.settings.relayUrl) {
        throw new AppError(
          'invalid-input',
          'No team relay is set up yet. Add its address and token in Settings → Network first.',
        )
      }
      await app.update(() => {
        entry.relay = relay
      })
      return entry
    },

    'cases:join': async ({ link }) => {
      const parsed = parseInvite(link)
      if (!parsed.ok) throw new AppError('invalid-input', parsed.problem)
      const { invite } = parsed
      const existing = app.data.cases.find((item) => item.roomId === invite.roomId)
      if (existing) {
        // A link for a case already here must carry its key: anyone who learned the room id
        // could otherwise swap in a key of theirs and receive the case from this computer.
        if (!keys.has(existing.roomId) || (await keys.get(existing.roomId)) !== invite.key) {
          throw new AppError(
            'invalid-input',
            `You already have “${existing.title}”, and this link carries a different room key. ` +
              'Ask the case owner for a new invite if the case moved to a new key.',
          )
        }
        await app.update(() => {
          existing.signalingUrls = unique([...existing.signalingUrls, ...invite.signalingUrls])
          existing.archived = false
        })
        return existing
      }
      await keys.set(invite.roomId, invite.key)
      // An empty document: the case arrives from the teammates once the room connects.
      rooms.create(invite.roomId, Y.encodeStateAsUpdate(new Y.Doc()))
      const at = now().toISOString()
      const summary: CaseSummary = {
        roomId: invite.roomId,
        title: invite.title || 'Case joined from an invite',
        ticket: { system: 'other', id: '', url: '' },
        customer: '',
        priority: 'normal',
        swarmType: 'other',
        status: 'triage',
        archived: false,
        createdAt: at,
        lastActivity: at,
        signalingUrls: invite.signalingUrls,
        relay: false,
      }
      await app.update((data) => {
        data.cases.push(summary)
      })
      return summary
    },

    'room:rotateKey': async ({ roomId }) => {
      const entry = findCase(roomId)
      const identity = app.data.identity
      const doc = new Y.Doc({ gc: false })
      Y.applyUpdate(doc, mergeUpdates([rooms.load(roomId).state]))
      if (!identity || readMeta(doc).ownerId !== identity.memberId) {
        throw new AppError('invalid-input', 'Only the case owner can move the case to a new key.')
      }
      // The copy carries everything but the old room's "moved" notice.
      metaMap(doc).delete('movedAt')
      metaMap(doc).delete('movedBy')
      const newRoomId = generateRoomId()
      rooms.create(newRoomId, Y.encodeStateAsUpdate(doc))
      doc.destroy()
      await keys.create(newRoomId)
      const moved: CaseSummary = { ...entry, roomId: newRoomId, lastActivity: now().toISOString() }
      await app.update((data) => {
        data.cases = data.cases.map((item) => (item.roomId === roomId ? moved : item))
      })
      rooms.delete(roomId)
      await keys.delete(roomId)
      return moved
    },
  }
}

function unique(urls: readonly string[]): string[] {
  return [...new Set(urls)]
}
