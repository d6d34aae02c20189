/**
 * The insights read every case from its room log on disk: real cases in a temp data folder,
 * created and edited through the handlers as the renderer does, reported through the
 * `insights:report` handler and saved as CSV through `insights:saveCsv`.
 */
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { createServices, type MainServices } from '../../../../src/main/services/create-services'
import { createHandlers } from '../../../../src/main/services/handlers'
import {
  createDispatcher,
  isFromRenderer,
  type Handlers,
} from '../../../../src/main/services/ipc-dispatch'
import { saveFileWith } from '../../../../src/main/services/desktop/save-file'
import { setCauses } from '../../../../src/shared/case/causes'
import type { NewCase, SwarmType } from '../../../../src/shared/case/schema'
import { setStatus } from '../../../../src/shared/case/status'
import { NodeEncryptor } from '../../../fixtures/node-encryptor'
import { useTempFolder } from '../../../fixtures/temp-folder'

const tempFolder = useTempFolder()
const everything = { includeArchived: true }
const RENDERER = 'file:///opt/Swarmroom/resources/app/out/renderer/index.html'

function newCase(title: string, swarmType: SwarmType): NewCase {
  return {
    title,
    ticket: { system: 'zendesk', id: '1', url: '' },
    customer: 'Acme',
    priority: 'high',
    swarmType,
  }
}

describe('insights across the cases on this computer', () => {
  let services: MainServices
  let handlers: Handlers
  let folder: string
  let clock: Date
  let memberId: string
  let keychain: NodeEncryptor

  beforeEach(async () => {
    folder = tempFolder()
    keychain = new NodeEncryptor()
    clock = new Date('2026-11-23T09:00:00.000Z')
    services = await start()
    memberId = (await handlers['identity:set']({ name: 'Dana Whitfield' })).memberId
  })

  afterEach(async () => {
    await services.shutdown()
  })

  async function start(): Promise<MainServices> {
    const started = await createServices({
      dataFolder: folder,
      keychain,
      openInBrowser: async () => undefined,
      saveFile: saveFileWith(async (name) => join(folder, name)),
    })
    started.now = () => clock
    handlers = createHandlers(started)
    return started
  }

  /** Opens the case as the renderer does and appends what `edit` changes to its log. */
  async function edit(roomId: string, change: (doc: Y.Doc) => void): Promise<void> {
    const { state } = await handlers['room:load']({ roomId })
    const doc = new Y.Doc({ gc: false })
    Y.applyUpdate(doc, state)
    const before = Y.encodeStateVector(doc)
    change(doc)
    await handlers['room:append']({ roomId, update: Y.encodeStateAsUpdate(doc, before) })
    doc.destroy()
  }

  async function create(title: string, swarmType: SwarmType): Promise<string> {
    return (await handlers['cases:create'](newCase(title, swarmType))).roomId
  }

  it('reports each case saved here, by swarm type, with times from its timeline', async () => {
    const acme = await create('Acme: double charges', 'vip-incident')
    await create('Globex: SSO fails', 'emerging-pattern')
    clock = new Date('2026-11-23T11:00:00.000Z')
    await edit(acme, (doc) => {
      setStatus(doc, memberId, 'resolved', clock)
      setCauses(doc, memberId, ['Proration bug'])
    })
    const report = await handlers['insights:report']({ groupBy: 'swarmType', filter: everything })
    expect(report.unreadable).toEqual([])
    expect(report.rows.map((row) => [row.key, row.cases, row.medianTimeToResolve])).toEqual([
      ['vip-incident', 1, 2 * 3_600_000],
      ['emerging-pattern', 1, null],
    ])
    expect(report.causes).toEqual([{ cause: 'Proration bug', cases: 1 }])
  })

  it('reads a case again once its log changed, and works open cases out at the time asked', async () => {
    const acme = await create('Acme: double charges', 'vip-incident')
    const first = await handlers['insights:report']({ groupBy: 'week', filter: everything })
    expect(first.total.timeOpen).toBe(0)
    clock = new Date('2026-11-23T10:00:00.000Z')
    const later = await handlers['insights:report']({ groupBy: 'week', filter: everything })
    expect(later.total.timeOpen).toBe(3_600_000)
    await edit(acme, (doc) => setCauses(doc, memberId, ['Legacy plan']))
    const tagged = await handlers['insights:report']({ groupBy: 'cause', filter: everything })
    expect(tagged.rows.map((row) => row.label)).toEqual(['Legacy plan'])
  })

  it('leaves out archived cases unless asked, and a case whose saved file holds nothing readable', async () => {
    const acme = await create('Acme: double charges', 'vip-incident')
    const globex = await create('Globex: SSO fails', 'emerging-pattern')
    await handlers['cases:setArchived']({ roomId: globex, archived: true })
    const active = await handlers['insights:report']({
      groupBy: 'week',
      filter: { includeArchived: false },
    })
    expect(active.total.cases).toBe(1)
    // Written while the app is closed, so the next start finds the damaged file.
    await services.shutdown()
    writeFileSync(services.rooms.pathOf(acme), 'this is not a Swarmroom log')
    services = await start()
    const damaged = await handlers['insights:report']({ groupBy: 'week', filter: everything })
    // The room log recovers what it can from a damaged file; here nothing, so no case to count.
    expect(damaged.unreadable).toEqual([])
    expect(damaged.total.cases).toBe(1)
    expect(damaged.rows[0]?.cases).toBe(1)
  })

  it('saves the filtered cases as a CSV file where the user chooses', async () => {
    await create('Acme: double charges', 'vip-incident')
    await create('Globex: SSO fails', 'emerging-pattern')
    const saved = await handlers['insights:saveCsv']({
      filter: { includeArchived: true, swarmTypes: ['emerging-pattern'] },
    })
    expect(saved).toEqual({
      saved: true,
      path: join(folder, 'swarmroom-insights-2026-11-23.csv'),
      cases: 1,
    })
    const lines = readFileSync(saved.path, 'utf8').trim().split('\r\n')
    expect(lines).toHaveLength(2)
    expect(lines[1]).toMatch(
      /^Globex: SSO fails,2026-11-23T09:00:00\.000Z,Emerging pattern,High,Triage,/,
    )
  })

  it('answers a malformed request with plain words', async () => {
    const dispatch = createDispatcher(services.handlers, isFromRenderer(RENDERER))
    const answer = await dispatch(
      'insights:report',
      { groupBy: 'week', filter: { includeArchived: true, since: 'last Tuesday' } },
      { url: RENDERER, isMainFrame: true },
    )
    expect(answer).toMatchObject({
      ok: false,
      error: { code: 'invalid-input', message: 'Pick a start date.' },
    })
  })
})
