import { appendFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import * as Y from 'yjs'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createServices, type MainServices } from '../../../../src/main/services/create-services'
import type { Handlers } from '../../../../src/main/services/ipc-dispatch'
import { readMeta, section } from '../../../../src/shared/case/case-doc'
import { appendParagraphs, fragmentToPlainText } from '../../../../src/shared/case/rich-text'
import type { NewCase } from '../../../../src/shared/case/schema'
import { NodeEncryptor } from '../../../fixtures/node-encryptor'

const acme: NewCase = {
  title: 'Acme: double charges',
  ticket: { system: 'zendesk', id: '48213', url: '' },
  customer: 'Acme',
  priority: 'high',
  swarmType: 'vip-incident',
}

describe('the case handlers over a real data folder', () => {
  let folder: string
  let services: MainServices
  let handlers: Handlers
  let clock: Date
  /** This computer's keychain; it outlives a restart of main. */
  let keychain: NodeEncryptor

  beforeEach(async () => {
    folder = mkdtempSync(join(tmpdir(), 'swarmroom-handlers-'))
    keychain = new NodeEncryptor()
    services = await createServices({
      dataFolder: folder,
      keychain,
      openInBrowser: async () => undefined,
    })
    clock = new Date('2026-11-20T09:00:00Z')
    services.now = () => clock
    handlers = (await import('../../../../src/main/services/handlers')).createHandlers(services)
    await handlers['identity:set']({ name: 'Dana' })
  })

  afterEach(async () => {
    await services.shutdown()
    rmSync(folder, { recursive: true, force: true })
  })

  it('refuses to create a case before the user has a display name', async () => {
    await services.app.update((data) => {
      data.identity = null
    })
    await expect(handlers['cases:create'](acme)).rejects.toThrow(/display name/)
  })

  it('creates a case whose saved state holds the case document', async () => {
    const summary = await handlers['cases:create'](acme)
    const { state, notices } = await handlers['room:load']({ roomId: summary.roomId })
    const doc = new Y.Doc()
    Y.applyUpdate(doc, state)
    expect(readMeta(doc)).toMatchObject({ title: 'Acme: double charges', status: 'triage' })
    expect(notices).toEqual([])
  })

  it('lists cases by last activity, newest first', async () => {
    const older = await handlers['cases:create'](acme)
    clock = new Date('2026-11-20T10:00:00Z')
    const newer = await handlers['cases:create']({ ...acme, title: 'Globex: SSO outage' })
    clock = new Date('2026-11-20T11:00:00Z')
    const doc = new Y.Doc()
    doc.on('update', (update: Uint8Array) =>
      handlers['room:append']({ roomId: older.roomId, update }),
    )
    appendParagraphs(section(doc, 'summary'), ['new activity'])
    const list = await handlers['cases:list'](undefined)
    expect(list.map((item) => item.roomId)).toEqual([older.roomId, newer.roomId])
    expect(list[0]?.lastActivity).toBe('2026-11-20T11:00:00.000Z')
  })

  it('keeps appended edits across a restart of main', async () => {
    const { roomId } = await handlers['cases:create'](acme)
    const doc = new Y.Doc()
    Y.applyUpdate(doc, (await handlers['room:load']({ roomId })).state)
    doc.on('update', (update: Uint8Array) => handlers['room:append']({ roomId, update }))
    appendParagraphs(section(doc, 'impact'), ['Finance cannot close the month.'])
    await services.shutdown()

    services = await createServices({
      dataFolder: folder,
      keychain,
      openInBrowser: async () => undefined,
    })
    const reopened = new Y.Doc()
    Y.applyUpdate(reopened, (await services.handlers['room:load']({ roomId })).state)
    expect(fragmentToPlainText(section(reopened, 'impact'))).toContain(
      'Finance cannot close the month.',
    )
  })

  it('archives and unarchives a case', async () => {
    const { roomId } = await handlers['cases:create'](acme)
    expect((await handlers['cases:setArchived']({ roomId, archived: true })).archived).toBe(true)
    expect((await handlers['cases:list'](undefined))[0]?.archived).toBe(true)
    expect((await handlers['cases:setArchived']({ roomId, archived: false })).archived).toBe(false)
  })

  it('deletes a case and its saved history', async () => {
    const { roomId } = await handlers['cases:create'](acme)
    const log = services.rooms.pathOf(roomId)
    expect(existsSync(log)).toBe(true)
    await handlers['cases:delete']({ roomId })
    expect(existsSync(log)).toBe(false)
    expect(await handlers['cases:list'](undefined)).toEqual([])
    expect(() => handlers['room:load']({ roomId })).toThrow(/not on this computer/)
  })

  it('names the case in the notice when its saved history has a damaged tail', async () => {
    const { roomId } = await handlers['cases:create'](acme)
    await handlers['room:close']({ roomId })
    appendFileSync(services.rooms.pathOf(roomId), Buffer.from([200, 0, 0, 0, 1, 2]))
    const { state, notices } = await handlers['room:load']({ roomId })
    expect(notices).toHaveLength(1)
    expect(notices[0]?.message).toContain('Case "Acme: double charges"')
    expect(notices[0]?.message).toContain('6 bytes')
    const doc = new Y.Doc()
    Y.applyUpdate(doc, state)
    expect(readMeta(doc).title).toBe('Acme: double charges')
  })
})
