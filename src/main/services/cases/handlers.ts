/** The foundation's channels: identity, the case list, a room's saved history, the app. */
import * as Y from 'yjs'
import { registerAuthor } from '../../shared/case/authorship'
import { initializeCase } from '../../shared/case/case-doc'
import { randomMemberColor } from '../../shared/case/member-colors'
import { generateRoomId } from '../../shared/room/room-key'
import type { CaseSummary, Identity, Notice } from '../../shared/ipc'
import { AppError } from '../../shared/result'
import { isSafeExternalUrl } from './external-links'
import type { HandlersOf } from './ipc-dispatch'
import type { coreChannels } from '../../shared/channels/core'
import type { LogDamage } from './room-log'
import type { Services } from './services'

export function createCoreHandlers(services: Services): HandlersOf<typeof coreChannels> {
  const { app, rooms } = services
  const now = services.now ?? (() => new Date())

  function findCase(roomId: string): CaseSummary {
    const entry = app.data.cases.find((item) => item.roomId === roomId)
    if (!entry) {
      throw new AppError(
        'not-found',
        'That case is not on this computer any more. It may have been deleted.',
      )
    }
    return entry
  }

  function requireIdentity(): Identity {
    if (!app.data.identity) throw new AppError('invalid-input', 'Choose your display name first.')
    return app.data.identity
  }

  return {
    'identity:get': () => app.data.identity,

    'identity:set': async ({ name }) => {
      const current = app.data.identity
      const identity: Identity = current
        ? { ...current, name }
        : { memberId: globalThis.crypto.randomUUID(), name, color: randomMemberColor() }
      await app.update((data) => {
        data.identity = identity
      })
      return identity
    },

    'cases:list': () =>
      [...app.data.cases].sort((a, b) => b.lastActivity.localeCompare(a.lastActivity)),

    'cases:create': async (input) => {
      const identity = requireIdentity()
      const roomId = generateRoomId()
      // The key first: without secure storage there is no case to half-create.
      await services.keys.create(roomId)
      const createdAt = now()
      const doc = new Y.Doc({ gc: false })
      registerAuthor(doc, identity.memberId)
      initializeCase(doc, input, identity, createdAt)
      rooms.create(roomId, Y.encodeStateAsUpdate(doc))
      doc.destroy()
      const summary: CaseSummary = {
        roomId,
        title: input.title,
        ticket: input.ticket,
        customer: input.customer,
        priority: input.priority,
        swarmType: input.swarmType,
        status: 'triage',
        archived: false,
        createdAt: createdAt.toISOString(),
        lastActivity: createdAt.toISOString(),
        signalingUrls: [],
        relay: false,
      }
      try {
        await app.update((data) => {
          data.cases.push(summary)
        })
      } catch (error) {
        await app
          .update((data) => {
            data.cases = data.cases.filter((item) => item.roomId !== roomId)
          })
          .catch(() => undefined)
        rooms.delete(roomId)
        throw error
      }
      return summary
    },

    'cases:updateSummary': ({ roomId, ...changes }) => {
      const entry = findCase(roomId)
      app.updateSoon(() => Object.assign(entry, changes))
      return entry
    },

    'cases:setArchived': async ({ roomId, archived }) => {
      const entry = findCase(roomId)
      await app.update(() => {
        entry.archived = archived
      })
      return entry
    },

    'cases:delete': async ({ roomId }) => {
      findCase(roomId)
      await app.update((data) => {
        data.cases = data.cases.filter((item) => item.roomId !== roomId)
      })
      rooms.delete(roomId)
      await services.keys.delete(roomId)
      return null
    },

    'room:load': ({ roomId }) => {
      const entry = findCase(roomId)
      const { state, damage } = rooms.load(roomId)
      const notices: Notice[] = damage ? [damageNotice(entry.title, damage)] : []
      return { state, notices }
    },

    'room:append': ({ roomId, update }) => {
      const entry = findCase(roomId)
      rooms.append(roomId, update)
      app.updateSoon(() => {
        entry.lastActivity = now().toISOString()
      })
      return null
    },

    'room:close': ({ roomId }) => {
      findCase(roomId)
      rooms.close(roomId)
      return null
    },

    'app:notices': () => app.notices,

    'app:openExternal': async ({ url }) => {
      if (!isSafeExternalUrl(url)) {
        throw new AppError('invalid-input', 'Only web links (http or https) can be opened.')
      }
      await services.openInBrowser(url)
      return null
    },
  }
}

function damageNotice(title: string, damage: LogDamage): Notice {
  const what =
    damage.reason === 'not-a-log'
      ? 'The saved file of this case was not a Swarmroom case file, so the case opened empty.'
      : `The last ${damage.bytes} bytes of its saved history were damaged (most likely cut off ` +
        'by a crash or power loss) and could not be read; everything saved before them opened.'
  return {
    id: `damaged-${damage.keptAs}`,
    level: 'warning',
    message: `Case "${title}": ${what} The unreadable part was kept as ${damage.keptAs}.`,
  }
}
