/**
 * Search reads every case from its room log on disk: these tests create real cases in a temp
 * data folder through the handlers, type into them as the renderer does (updates appended to
 * the log), and search through the `search:cases` handler.
 */
import { writeFileSync } from 'node:fs'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { createServices, type MainServices } from '../../../../src/main/services/create-services'
import { createHandlers } from '../../../../src/main/services/handlers'
import type { Handlers } from '../../../../src/main/services/ipc-dispatch'
import { section } from '../../../../src/shared/case/case-doc'
import { appendParagraphs } from '../../../../src/shared/case/rich-text'
import type { NewCase, SectionName } from '../../../../src/shared/case/schema'
import { writeTicketSeen } from '../../../../src/shared/case/ticket-seen'
import { addAction } from '../../../../src/shared/case/timeline'
import type { SearchResult } from '../../../../src/shared/channels/search'
import { NodeEncryptor } from '../../../fixtures/node-encryptor'
import { useTempFolder } from '../../../fixtures/temp-folder'

const tempFolder = useTempFolder()

function newCase(title: string, customer: string, ticketId: string): NewCase {
  return {
    title,
    ticket: { system: 'zendesk', id: ticketId, url: '' },
    customer,
    priority: 'high',
    swarmType: 'cross-functional-blocker',
  }
}

describe('search across the cases on this computer', () => {
  let services: MainServices
  let handlers: Handlers

  beforeEach(async () => {
    services = await createServices({
      dataFolder: tempFolder(),
      keychain: new NodeEncryptor(),
      openInBrowser: async () => undefined,
    })
    handlers = createHandlers(services)
    await handlers['identity:set']({ name: 'Dana Whitfield' })
  })

  afterEach(async () => {
    await services.shutdown()
  })

  /** Opens the case as the renderer does and appends what `edit` changes to its log. */
  async function type(roomId: string, edit: (doc: Y.Doc) => void): Promise<void> {
    const { state } = await handlers['room:load']({ roomId })
    const doc = new Y.Doc({ gc: false })
    Y.applyUpdate(doc, state)
    const before = Y.encodeStateVector(doc)
    edit(doc)
    await handlers['room:append']({ roomId, update: Y.encodeStateAsUpdate(doc, before) })
    doc.destroy()
  }

  function writeSection(doc: Y.Doc, name: SectionName, text: string): void {
    const fragment = section(doc, name)
    fragment.delete(0, fragment.length)
    appendParagraphs(fragment, [text])
  }

  async function search(query: string): Promise<SearchResult[]> {
    const { results, unreadable } = await handlers['search:cases']({ query })
    expect(unreadable).toEqual([])
    return results
  }

  async function twoCases(): Promise<{ acme: string; globex: string }> {
    const acme = (await handlers['cases:create'](newCase('Acme: double charges', 'Acme', '48213')))
      .roomId
    const globex = (
      await handlers['cases:create'](newCase('Globex: SSO logins fail', 'Globex', '51002'))
    ).roomId
    await type(acme, (doc) => {
      writeSection(doc, 'summary', 'Acme was charged twice after the plan migration.')
      writeSection(doc, 'history', 'The proration job misbehaved once before, in March.')
    })
    await type(globex, (doc) => {
      writeSection(doc, 'summary', 'SAML logins fail since the certificate rotation.')
      addAction(doc, 'dana', {
        kind: 'found',
        text: 'The IdP still signs with the old certificate',
        outcome: 'Asked Globex IT to re-import the metadata',
      })
    })
    return { acme, globex }
  }

  it('finds a case by a word in a section, with the words around it and the section', async () => {
    const { acme } = await twoCases()
    const [result, ...others] = await search('proration')
    expect(others).toEqual([])
    expect(result).toMatchObject({ roomId: acme, title: 'Acme: double charges', status: 'triage' })
    expect(result?.hits).toEqual([
      {
        place: 'section:history',
        label: 'Relevant history',
        snippet: 'The proration job misbehaved once before, in March.',
        highlights: [[4, 13]],
        clippedStart: false,
        clippedEnd: false,
      },
    ])
  })

  it('tells two hits apart by the customer, the requester and the day the case opened', async () => {
    const { acme } = await twoCases()
    await type(acme, (doc) =>
      writeTicketSeen(doc, {
        ticketId: '48213',
        subject: 'Double charges',
        requester: 'Maria Customer',
        status: 'open',
        updatedAt: '',
        readAt: '2026-12-02T09:00:00Z',
        lastCommentId: '',
      }),
    )
    const [hit] = await search('double charges')
    const created = services.app.data.cases.find((item) => item.roomId === acme)?.createdAt
    expect(hit).toMatchObject({
      roomId: acme,
      customer: 'Acme',
      requester: 'Maria Customer',
      createdAt: created,
    })
  })

  it('finds cases by title, ticket id, customer and timeline entry', async () => {
    const { acme, globex } = await twoCases()
    expect((await search('double')).map((result) => result.roomId)).toEqual([acme])
    expect((await search('51002')).map((result) => result.hits[0]?.label)).toEqual(['Ticket'])
    expect((await search('acme')).map((result) => result.roomId)).toEqual([acme])
    const [found] = await search('metadata')
    expect(found?.roomId).toBe(globex)
    expect(found?.hits[0]).toMatchObject({ label: 'Timeline: Found' })
    expect(found?.hits[0]?.place).toMatch(/^action:/)
  })

  it('needs every word, in any place of the case, ignoring case and accents', async () => {
    const { globex } = await twoCases()
    expect((await search('CERTIFICATE globex')).map((result) => result.roomId)).toEqual([globex])
    expect(await search('certificate acme')).toEqual([])
    expect((await search('rotátion')).map((result) => result.roomId)).toEqual([globex])
    expect(await search('   ')).toEqual([])
  })

  it('cuts a long text around the hit and marks every word found in the snippet', async () => {
    const { acme } = await twoCases()
    const filler = 'Finance cannot close the month until the duplicate charges are gone. '
    await type(acme, (doc) =>
      writeSection(doc, 'impact', `${filler.repeat(3)}Their renewal call is on Friday. ${filler}`),
    )
    const [result] = await search('renewal friday')
    const hit = result?.hits[0]
    expect(hit).toMatchObject({ place: 'section:impact', clippedStart: true, clippedEnd: true })
    const marked = hit?.highlights.map(([start, end]) => hit.snippet.slice(start, end))
    expect(marked).toEqual(['renewal', 'Friday'])
    expect(hit?.snippet.startsWith(' ')).toBe(false)
  })

  it('sees what was typed since the last search, and forgets what was deleted', async () => {
    const { acme } = await twoCases()
    expect(await search('chargeback')).toEqual([])
    await type(acme, (doc) => writeSection(doc, 'summary', 'The bank opened a chargeback.'))
    expect((await search('chargeback')).map((result) => result.roomId)).toEqual([acme])
    expect(await search('migration')).toEqual([])

    await handlers['cases:delete']({ roomId: acme })
    expect(await search('chargeback')).toEqual([])
  })

  it('searches a case that is open in the window while it is being typed in', async () => {
    const { globex } = await twoCases()
    await handlers['room:load']({ roomId: globex })
    await type(globex, (doc) => writeSection(doc, 'expertise', 'Identity engineer for Okta.'))
    expect((await search('okta')).map((result) => result.roomId)).toEqual([globex])
  })

  it('still searches the other cases when one saved file is not a case file', async () => {
    const { acme, globex } = await twoCases()
    writeFileSync(services.rooms.pathOf(acme), 'this is not a Swarmroom log')
    const { results } = await handlers['search:cases']({ query: 'certificate' })
    expect(results.map((result) => result.roomId)).toEqual([globex])
    // The case's title is still known from the case list.
    expect((await search('double')).map((result) => result.roomId)).toEqual([acme])
  })
})
