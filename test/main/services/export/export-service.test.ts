/**
 * Exporting a case to its ticket, through main's real services, outbox and room logs, to a
 * fake Zendesk (and Jira) on loopback. What it guards: a preview that differs from what is
 * posted, an unapproved reply reaching a customer without the owner's logged say-so, a reply
 * posted over someone else's answer unseen, and results that never reach the case.
 */
import { readFileSync } from 'node:fs'
import * as Y from 'yjs'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { AppError } from '../../../../src/shared/result'
import { approvalStatus } from '../../../../src/shared/case/approval'
import { readMeta, updateMeta } from '../../../../src/shared/case/case-doc'
import { listExports } from '../../../../src/shared/case/exports'
import { filterActions, listActions } from '../../../../src/shared/case/timeline'
import { readTicketSeen } from '../../../../src/shared/case/ticket-seen'
import { listUpdates } from '../../../../src/shared/case/updates'
import type { ExportPreview } from '../../../../src/shared/channels/export'
import { CONNECTOR_KINDS, helpDeskOf } from '../../../../src/shared/help-desk-connections'
import { ExportBench } from '../../../fixtures/export-bench'
import { ZendeskServer } from '../../../fixtures/help-desks/zendesk-server'
import { JiraServer } from '../../../fixtures/help-desks/jira-server'
import { useTempFolder } from '../../../fixtures/temp-folder'

const REPLY = 'Hi Maria, the duplicate charges are reversed and exports work again.'
const SUMMARY = 'Invoices were charged twice after the plan change.'

const tempFolder = useTempFolder()
let bench: ExportBench
let zendesk: ZendeskServer
let roomId: string

beforeEach(async () => {
  zendesk = await new ZendeskServer().listen()
  bench = await ExportBench.start(tempFolder())
  roomId = await bench.createCase()
  await bench.writeSection(roomId, 'summary', SUMMARY)
  await bench.writeSection(roomId, 'customerUpdate', REPLY)
})

afterEach(async () => {
  await bench.stop()
  await zendesk.close()
})

async function addZendesk(label = 'Acme Zendesk'): Promise<string> {
  const added = await bench.services.connections.add({
    kind: 'zendesk',
    label,
    config: { baseUrl: zendesk.url, email: zendesk.email },
    secret: zendesk.token,
  })
  return added.id
}

async function linkToTicket(id = '48213'): Promise<void> {
  const result = await bench.services.tickets.link(roomId, `${zendesk.url}/agent/tickets/${id}`)
  expect(result.state).toBe('linked')
}

async function preview(): Promise<ExportPreview> {
  return bench.services.exports.preview(roomId)
}

async function settled(): Promise<void> {
  await bench.services.exports.whenIdle()
}

describe('linking a case to its ticket', () => {
  it('recognises a pasted URL on the local Zendesk and shows the ticket in the case', async () => {
    await addZendesk()
    const result = await bench.services.tickets.link(roomId, `${zendesk.url}/agent/tickets/48213`)
    expect(result).toMatchObject({
      state: 'linked',
      ticket: { system: 'zendesk', id: '48213', url: `${zendesk.url}/agent/tickets/48213` },
      message: 'Linked to Zendesk ticket 48213: “Invoices fail to export”.',
    })
    // The open room got it live, and the log holds it for every later start.
    for (const doc of [bench.liveCase(roomId), bench.savedCase(roomId)]) {
      expect(readMeta(doc).ticket.id).toBe('48213')
      expect(readTicketSeen(doc)).toMatchObject({
        subject: 'Invoices fail to export',
        requester: 'Maria Customer',
        status: 'open',
        updatedAt: '2026-03-02T09:00:00Z',
        lastCommentId: '1',
      })
    }
  })

  it('asks which connection to use when two reach the same help desk', async () => {
    await addZendesk('Dana’s token')
    const other = await addZendesk('Shared token')
    const url = `${zendesk.url}/agent/tickets/48213`
    const asked = await bench.services.tickets.link(roomId, url)
    expect(asked).toMatchObject({ state: 'choose-connection' })
    expect(asked.state === 'choose-connection' && asked.choices.map((c) => c.label)).toEqual([
      'Dana’s token',
      'Shared token',
    ])
    expect((await bench.services.tickets.link(roomId, url, other)).state).toBe('linked')
  })

  it('links without reading when there is no connection, and says how to add one', async () => {
    const result = await bench.services.tickets.link(
      roomId,
      'https://acme.zendesk.com/agent/tickets/9',
    )
    expect(result).toMatchObject({ state: 'linked', seen: null })
    expect(result.state === 'linked' && result.message).toMatch(
      /add a Zendesk connection in Settings/,
    )
  })

  it('reads the ticket a case was created with, once a connection is added', async () => {
    await bench.edit(roomId, (doc) =>
      updateMeta(doc, { ticket: { system: 'zendesk', id: '48213', url: '' } }),
    )
    const before = await bench.services.tickets.refresh(roomId)
    expect(before.state === 'linked' && before.message).toMatch(/^To show its subject/)
    await addZendesk()
    const after = await bench.services.tickets.refresh(roomId)
    expect(after).toMatchObject({ state: 'linked', seen: { subject: 'Invoices fail to export' } })
    expect(readTicketSeen(bench.liveCase(roomId))?.requester).toBe('Maria Customer')
  })

  it('refuses an address that is not a ticket, and one of a ticket that does not exist', async () => {
    await addZendesk()
    await expect(bench.services.tickets.link(roomId, 'https://example.com/x')).rejects.toThrow(
      /does not recognise that as a ticket’s address/,
    )
    await expect(linkToTicket('99999')).rejects.toThrow(/99999 was not found|not found/i)
    expect(readMeta(bench.savedCase(roomId)).ticket.id).toBe('')
  })
})

describe('the export preview', () => {
  const configs = {
    zendesk: { baseUrl: 'https://acme.zendesk.com', email: 'dana@acme.test' },
    freshdesk: { baseUrl: 'https://acme.freshdesk.com' },
    helpscout: { baseUrl: 'https://api.helpscout.net', appId: 'app' },
    intercom: { baseUrl: 'https://api.intercom.io', adminId: '42' },
    jira: { baseUrl: 'https://acme.atlassian.net', email: 'dana@acme.test' },
    zammad: { baseUrl: 'https://help.acme.com' },
    webhook: { url: 'https://hooks.acme.com/swarm' },
  }

  it.each(CONNECTOR_KINDS)('shows exactly what %s receives', async (kind) => {
    await bench.services.connections.add({ kind, label: kind, config: configs[kind], secret: 's' })
    await bench.edit(roomId, (doc) =>
      updateMeta(doc, { ticket: { system: helpDeskOf(kind), id: 'T-1', url: '' } }),
    )
    const shown = await preview()
    expect(shown.problems).toEqual([])
    expect(shown.connection?.kind).toBe(kind)
    if (kind === 'jira') {
      expect(shown.format).toBe('text')
      expect(shown.reply.posted).toBe(REPLY)
      expect(shown.note.posted).not.toContain('<')
      expect(shown.note.posted).toContain(`Case summary\n------------\n\n${SUMMARY}`)
    } else {
      expect(shown.format).toBe('html')
      expect(shown.reply.posted).toBe(`<p>${REPLY}</p>`)
      expect(shown.note.posted).toContain(`<h2>Case summary</h2><p>${SUMMARY}</p>`)
    }
    expect(shown.note.posted).toContain('Swarm case: Acme: invoices charged twice')
  })

  it('says what stands in the way: no ticket, no connection', async () => {
    expect((await preview()).problems).toEqual([
      expect.stringMatching(/^Link the case to its ticket first/),
      expect.stringMatching(/^There is no Webhook connection on this computer/),
    ])
  })

  it('tells a member who does not own the case that only the owner exports', async () => {
    await bench.services.app.update((data) => {
      if (data.identity) data.identity = { ...data.identity, memberId: 'someone-else' }
    })
    expect((await preview()).problems[0]).toBe(
      'Only the case owner, Dana Whitfield, can export to the ticket. You can copy the note and the reply, or save them as files.',
    )
  })
})

describe('exporting to the ticket', () => {
  beforeEach(async () => {
    await addZendesk()
    await linkToTicket()
  })

  it('refuses to export the same approved reply again while the first is on its way', async () => {
    await bench.approveUpdate(roomId)
    // The help desk is slow to answer: the first export is still on its way.
    zendesk.misbehave({ kind: 'slow', delayMs: 300 })
    const shown = await preview()
    const first = await bench.services.exports.send({
      roomId,
      parts: 'reply',
      previewHash: shown.hash,
    })
    expect(first.state).toBe('queued')

    await expect(
      bench.services.exports.send({ roomId, parts: 'reply', previewHash: (await preview()).hash }),
    ).rejects.toThrow(/already on its way to the ticket/)
    await settled()
    expect(zendesk.posted.filter((post) => post.public)).toHaveLength(1)
    await expect(
      bench.services.exports.send({
        roomId,
        parts: 'reply',
        previewHash: (await preview()).hash,
        overrideUnapproved: true,
      }),
    ).rejects.toThrow(/already reached the ticket/)
  })

  it('posts the note and the approved reply, and writes the results into the case', async () => {
    await bench.approveUpdate(roomId)
    const shown = await preview()
    expect(shown.reply.approval.valid).toBe(true)
    const sent = await bench.services.exports.send({
      roomId,
      parts: 'both',
      previewHash: shown.hash,
    })
    expect(sent.state).toBe('queued')
    await settled()

    expect(zendesk.posted.map(({ public: visible, body }) => ({ visible, body }))).toEqual([
      { visible: false, body: shown.note.posted },
      { visible: true, body: shown.reply.posted },
    ])
    const [note, reply] = zendesk.comments.get(48213)?.slice(-2) ?? []
    for (const doc of [bench.liveCase(roomId), bench.savedCase(roomId)]) {
      const [record] = listExports(doc)
      expect(record).toMatchObject({
        by: bench.memberId,
        system: 'zendesk',
        ticketId: '48213',
        parts: 'both',
        state: 'sent',
        noteId: String(note?.id),
        replyId: String(reply?.id),
      })
      expect(record?.error).toBeUndefined()
      expect(listUpdates(doc)).toMatchObject([
        {
          text: REPLY,
          via: 'zendesk',
          ticketResult: { ticketId: '48213', commentId: String(reply?.id) },
        },
      ])
      const events = filterActions(listActions(doc), { kinds: ['export', 'update-sent'] })
      expect(events.map((entry) => entry.text)).toEqual([
        'Dana Whitfield sent the customer update through Zendesk.',
        'The internal note and the customer reply reached Zendesk ticket 48213 (exported by Dana Whitfield).',
      ])
      expect(approvalStatus(doc).state).toBe('draft')
    }
    expect(bench.events('export:changed').map((event) => `${event.part} ${event.state}`)).toEqual(
      expect.arrayContaining(['note queued', 'note sending', 'note sent', 'reply sent']),
    )
  })

  it('sends neither the note nor the reply when saving them to the outbox fails', async () => {
    await bench.approveUpdate(roomId)
    const app = bench.services.app
    const update = app.update.bind(app)
    // The write that saves the reply into the outbox fails as on a full disk; every other
    // write (the note's, if it is saved on its own) goes through.
    app.update = async (change) => {
      let savesReply = false
      await update((data) => {
        const before = data.outbox.length
        change(data)
        savesReply = data.outbox
          .slice(before)
          .some(
            (entry) =>
              typeof entry === 'object' &&
              entry !== null &&
              'part' in entry &&
              entry.part === 'reply',
          )
        if (savesReply) data.outbox.length = before
      })
      if (savesReply) throw new AppError('storage-failed', 'The disk is full.')
    }
    await expect(
      bench.services.exports.send({ roomId, parts: 'both', previewHash: (await preview()).hash }),
    ).rejects.toThrow('The disk is full.')
    app.update = update
    await settled()

    expect(zendesk.posted).toEqual([])
    expect(bench.services.outbox.list(roomId)).toEqual([])
    expect(listExports(bench.savedCase(roomId))[0]).toMatchObject({
      state: 'failed',
      error: 'Not queued: The disk is full.',
    })
  })

  it('asks before posting to a ticket a teammate put in the case, for the note alone too', async () => {
    // A peer points the case at another customer's ticket; nobody linked it on this computer.
    await bench.edit(roomId, (doc) =>
      updateMeta(doc, {
        ticket: { system: 'zendesk', id: '48000', url: `${zendesk.url}/agent/tickets/48000` },
      }),
    )
    const asked = await bench.services.exports.send({
      roomId,
      parts: 'note',
      previewHash: (await preview()).hash,
    })
    expect(asked).toEqual({
      state: 'confirm-ticket',
      reason: 'relinked',
      message:
        'This case now points to Zendesk ticket 48000, not to Zendesk ticket 48213 that you ' +
        'linked. A teammate changed it. Make sure it is this customer’s ticket before you ' +
        'export to it.',
      changes: [
        `Exports would go to: Zendesk ticket 48000 (${zendesk.url}/agent/tickets/48000)`,
        'You linked: Zendesk ticket 48213',
      ],
      token: 'relinked:zendesk:48000',
    })
    await settled()
    expect(zendesk.posted).toEqual([])

    // Going ahead is the owner's confirmation, remembered: the next export does not ask.
    const sent = await bench.services.exports.send({
      roomId,
      parts: 'note',
      previewHash: (await preview()).hash,
      ticketLinkToken: 'relinked:zendesk:48000',
    })
    expect(sent.state).toBe('queued')
    expect(bench.services.outbox.list(roomId).map((entry) => entry.ticketId)).toEqual(['48000'])
    const again = await bench.services.exports.send({
      roomId,
      parts: 'note',
      previewHash: (await preview()).hash,
    })
    expect(again.state).toBe('queued')
  })

  it('posts the note alone without reading the ticket again or touching the reply', async () => {
    const requestsBefore = zendesk.exchanges.length
    await bench.services.exports.send({
      roomId,
      parts: 'note',
      previewHash: (await preview()).hash,
    })
    await settled()
    expect(zendesk.posted.map((item) => item.public)).toEqual([false])
    expect(zendesk.exchanges[requestsBefore]?.request.method).toBe('PUT')
    expect(listUpdates(bench.savedCase(roomId))).toEqual([])
  })

  it('posts an unapproved reply only with the owner’s override, and logs the override', async () => {
    const hash = (await preview()).hash
    const refused = await bench.services.exports.send({ roomId, parts: 'reply', previewHash: hash })
    expect(refused).toEqual({
      state: 'needs-override',
      message: expect.stringMatching(/^The customer update is still a draft that nobody approved/),
    })
    expect(zendesk.posted).toEqual([])

    const sent = await bench.services.exports.send({
      roomId,
      parts: 'reply',
      previewHash: hash,
      overrideUnapproved: true,
    })
    expect(sent).toMatchObject({ state: 'queued', record: { unapprovedOverride: true } })
    await settled()
    expect(zendesk.posted.map((item) => item.public)).toEqual([true])
    const doc = bench.savedCase(roomId)
    expect(listExports(doc)).toMatchObject([{ state: 'sent', unapprovedOverride: true }])
    expect(filterActions(listActions(doc), { kinds: ['export'] }).map((e) => e.text)).toEqual([
      'Dana Whitfield chose to send a customer reply that was not approved to Zendesk ticket 48213.',
      'The customer reply reached Zendesk ticket 48213 (exported by Dana Whitfield). The customer reply was not approved; Dana Whitfield sent it anyway.',
    ])
  })

  it('shows what changed on the ticket since the case read it, and posts once the owner goes ahead', async () => {
    await bench.approveUpdate(roomId)
    const customerWrote = '<p>Any news? Our finance team is waiting.</p>'
    zendesk.comments.get(48213)?.push({
      id: 6001,
      type: 'Comment',
      author_id: 501,
      body: 'Any news? Our finance team is waiting.',
      html_body: customerWrote,
      plain_body: 'Any news? Our finance team is waiting.',
      public: true,
      created_at: '2026-03-02T10:15:00Z',
    })
    const ticket = zendesk.tickets.get(48213)
    if (ticket) Object.assign(ticket, { status: 'pending', updated_at: '2026-03-02T10:15:00Z' })

    const hash = (await preview()).hash
    const asked = await bench.services.exports.send({ roomId, parts: 'reply', previewHash: hash })
    expect(asked).toMatchObject({ state: 'confirm-ticket', reason: 'changed' })
    if (asked.state !== 'confirm-ticket') return
    expect(asked.changes).toEqual([
      expect.stringMatching(
        /^A public comment was added at .*: “Any news\? Our finance team is waiting\.”$/,
      ),
      'The status changed from “open” to “pending”.',
    ])
    expect(zendesk.posted).toEqual([])

    const sent = await bench.services.exports.send({
      roomId,
      parts: 'reply',
      previewHash: hash,
      ticketToken: asked.token,
    })
    expect(sent.state).toBe('queued')
    await settled()
    expect(zendesk.posted.map((item) => item.public)).toEqual([true])
    expect(readTicketSeen(bench.savedCase(roomId))?.status).toBe('pending')
  })

  it('asks for a fresh look when the case changed after the preview', async () => {
    await bench.approveUpdate(roomId)
    const hash = (await preview()).hash
    await bench.writeSection(roomId, 'summary', 'A teammate added this after the preview.')
    const result = await bench.services.exports.send({ roomId, parts: 'note', previewHash: hash })
    expect(result.state).toBe('preview-outdated')
    expect(zendesk.posted).toEqual([])
  })

  it('refuses to post an empty customer update as the reply', async () => {
    await bench.writeSection(roomId, 'customerUpdate', '')
    const hash = (await preview()).hash
    await expect(
      bench.services.exports.send({ roomId, parts: 'both', previewHash: hash }),
    ).rejects.toThrow(/The customer update is empty/)
  })
})

describe('without a connection', () => {
  it('saves the note as Markdown and the reply as an HTML page', async () => {
    const note = await bench.services.exports.saveFile(roomId, 'note', 'markdown')
    const reply = await bench.services.exports.saveFile(roomId, 'reply', 'html')
    expect(note.path).toMatch(/Acme invoices charged twice - internal note\.md$/)
    expect(readFileSync(note.path, 'utf8')).toContain(`## Case summary\n\n${SUMMARY}`)
    const page = readFileSync(reply.path, 'utf8')
    expect(page).toMatch(/^<!doctype html>/)
    expect(page).toContain(`<p>${REPLY}</p>`)
  })

  it('saves nothing when the save dialog is cancelled', async () => {
    bench.saveAs = () => undefined
    expect(await bench.services.exports.saveFile(roomId, 'note', 'html')).toEqual({
      saved: false,
      path: '',
    })
  })
})

describe('exporting to Jira Service Management', () => {
  it('posts plain text comments to the request linked by its URL', async () => {
    const jira = await new JiraServer().listen()
    try {
      await bench.services.connections.add({
        kind: 'jira',
        label: 'Acme JSM',
        config: { baseUrl: jira.url, email: jira.email },
        secret: jira.token,
      })
      await bench.services.tickets.link(roomId, `${jira.url}/browse/SUP-112`)
      await bench.approveUpdate(roomId)
      const shown = await preview()
      await bench.services.exports.send({ roomId, parts: 'both', previewHash: shown.hash })
      await settled()
      expect(jira.posted.map(({ public: visible, body }) => ({ visible, body }))).toEqual([
        { visible: false, body: shown.note.text },
        { visible: true, body: REPLY },
      ])
      expect(listExports(bench.savedCase(roomId))).toMatchObject([
        { system: 'jira', state: 'sent' },
      ])
    } finally {
      await jira.close()
    }
  })
})

describe('the case as main writes it', () => {
  it('reaches the open room as the same document the log holds', async () => {
    await addZendesk()
    await linkToTicket()
    await bench.services.exports.send({
      roomId,
      parts: 'note',
      previewHash: (await preview()).hash,
    })
    await settled()
    const live = Y.encodeStateVector(bench.liveCase(roomId))
    expect(live).toEqual(Y.encodeStateVector(bench.savedCase(roomId)))
  })
})
