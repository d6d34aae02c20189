/**
 * A stock y-webrtc client (test/fixtures/stock-client/, written from docs/case-schema.md alone)
 * joins a Swarmroom case by its invite, over real WebRTC and the embedded signaling server.
 * It reads no chunks, and a data channel closes on a message over 256 KiB: a typical case is
 * larger than that, so before Swarmroom sent stock peers ordinary Yjs messages such a client
 * got nothing of it, and after one large paste nothing more.
 */
import { fromBase64 } from 'lib0/buffer'
import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { DATA_CHANNEL_LIMIT } from '../../../src/shared/room/data-channel-limit'
import { formatInvite } from '../../../src/shared/room/invite'
import type { RoomPeer } from '../../fixtures/room-peer/room-peer'
import { useRoomPeers } from '../../fixtures/room-peer/use-room-peers'
import { StockClient } from '../../fixtures/stock-client/stock-client'

const peers = useRoomPeers()
let stock: StockClient | undefined

afterEach(async () => {
  await stock?.stop()
  stock = undefined
})

const SECTIONS = ['summary', 'impact', 'history', 'expertise', 'customerUpdate']

/** Each section of the app's copy, as Yjs writes it out, for comparing with the stock client. */
async function appSections(app: RoomPeer): Promise<Record<string, string>> {
  const copy = new Y.Doc({ gc: false })
  Y.applyUpdate(copy, fromBase64((await app.call('state')).update))
  return Object.fromEntries(SECTIONS.map((name) => [name, copy.getXmlFragment(name).toString()]))
}

describe('a stock y-webrtc client in a Swarmroom case', () => {
  it('joins a 300 KB case by its invite, gets all of it and a 40 KB paste, and writes back', async () => {
    const room = peers.newRoom()
    const [app] = await peers.start(1, room, ['Dana in Swarmroom'])
    if (!app) throw new Error('the app peer did not start')
    await app.call('createCase', { title: 'Acme: invoices fail to export', memberId: 'dana' })
    await app.call('randomEdits', { seed: 13, count: 60, memberId: 'dana' })
    for (let index = 0; index < 30; index += 1) {
      const line = `Gateway log ${index}: invoice export timed out after 30 s. `
      await app.call('appendParagraph', { section: 'history', text: line.repeat(190) })
    }
    const whole = await app.call('state')
    expect(fromBase64(whole.update).byteLength).toBeGreaterThan(DATA_CHANNEL_LIMIT)
    const invite = formatInvite({
      roomId: room.roomId,
      key: room.key,
      title: 'Acme: invoices fail to export',
      signalingUrls: room.signalingUrls,
    })

    stock = await StockClient.start()
    await stock.call('join', { invite, memberId: 'omar', name: 'Omar, stock client' })
    await stock.call('waitForState', { stateVector: whole.stateVector })

    const received = await stock.call('read')
    expect(received.title).toBe('Acme: invoices fail to export')
    expect(received.sections).toEqual(await appSections(app))
    expect(received.sections['history']).toContain('Gateway log 29')

    const paste = 'Stack trace line from the payment gateway log. '.repeat(900)
    expect(paste.length).toBeGreaterThan(40_000)
    await app.call('appendParagraph', { section: 'impact', text: paste })
    await stock.call('waitForState', { stateVector: (await app.call('state')).stateVector })
    expect((await stock.call('read')).sections['impact']).toContain(paste)

    await stock.call('appendParagraph', { section: 'summary', text: 'Omar: export fixed by v2.3' })
    await expect
      .poll(() => app.call('sectionText', { section: 'summary' }), { timeout: 20_000 })
      .toContain('Omar: export fixed by v2.3')
    expect((await app.call('presence')).shown).toBe(1)
    // One connection throughout: nothing the app sent closed the data channel.
    expect(await stock.call('connections')).toEqual({ open: 1, lost: 0 })
  }, 120_000)

  it('gets a paste larger than one data-channel message on the connection it has', async () => {
    const room = peers.newRoom()
    const [app] = await peers.start(1, room, ['Dana in Swarmroom'])
    if (!app) throw new Error('the app peer did not start')
    await app.call('createCase', { title: 'Acme: gateway timeouts', memberId: 'dana' })
    stock = await StockClient.start()
    const invite = formatInvite({ ...room, title: '' })
    await stock.call('join', { invite, memberId: 'omar', name: 'Omar, stock client' })
    await stock.call('waitForState', { stateVector: (await app.call('state')).stateVector })

    const paste = 'Stack trace line from the payment gateway log. '.repeat(6500)
    expect(paste.length).toBeGreaterThan(DATA_CHANNEL_LIMIT)
    await app.call('appendParagraph', { section: 'history', text: paste })

    await stock.call('waitForState', { stateVector: (await app.call('state')).stateVector })
    expect((await stock.call('read')).sections).toEqual(await appSections(app))
    expect(await stock.call('connections')).toEqual({ open: 1, lost: 0 })
  }, 120_000)
})
