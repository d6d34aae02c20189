/**
 * The bare baseline bench/ui.ts measures the app against: the same libraries (TipTap with
 * y-tiptap through its Collaboration extension, on a plain Y.Doc) and the same data from main's
 * real services, with no Swarmroom code: lobby rows and timeline entries as plain DOM.
 */
import { Editor } from '@tiptap/core'
import Collaboration from '@tiptap/extension-collaboration'
import StarterKit from '@tiptap/starter-kit'
import * as Y from 'yjs'
import './bare.css'

type Result<T> = { ok: true; value: T } | { ok: false; error: { message: string } }
interface CaseLine {
  roomId: string
  title: string
  status: string
  priority: string
  swarmType: string
  ownerName: string
  customerWaitingSince: string
  unread: boolean
  lastActivity: string
}
interface Bridge {
  cases: { list(): Promise<Result<CaseLine[]>> }
  room: {
    load(input: { roomId: string }): Promise<Result<{ state: Uint8Array }>>
    close(input: { roomId: string }): Promise<Result<null>>
  }
}
const bridge = (window as unknown as { swarmroom: Bridge }).swarmroom
const root = document.getElementById('root') as HTMLElement
const SECTIONS = ['summary', 'impact', 'history', 'expertise', 'customerUpdate', 'postIncident']
const clock = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' })

function value<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(result.error.message)
  return result.value
}

function element(tag: string, text?: string): HTMLElement {
  const node = document.createElement(tag)
  if (text !== undefined) node.textContent = text
  return node
}

let lines: CaseLine[] = []
let shown: CaseLine[] = []

/** Every row as plain DOM, the same columns as the app's lobby, rebuilt on each change. */
function renderRows(): void {
  const body = element('tbody')
  for (const item of shown) {
    const row = element('tr')
    row.append(
      element('td', item.title),
      element('td', item.priority),
      element('td', item.ownerName),
      element('td', item.status),
      element('td', item.customerWaitingSince),
      element('td', item.unread ? 'New activity' : ''),
      element('td', item.lastActivity),
    )
    body.append(row)
  }
  document.querySelector('#cases tbody')?.replaceWith(body)
}

async function lobby(): Promise<void> {
  lines = value(await bridge.cases.list())
  shown = lines
  const table = element('table')
  table.id = 'cases'
  table.append(element('tbody'))
  root.replaceChildren(table)
  renderRows()
}

const PRIORITY_ORDER = ['low', 'normal', 'high', 'urgent']
let descending = false

/** Sorts the rows by priority, the other way round each time (the lobby's heading click). */
function sortLobby(): void {
  descending = !descending
  const sign = descending ? -1 : 1
  shown = [...shown].sort(
    (a, b) => sign * (PRIORITY_ORDER.indexOf(a.priority) - PRIORITY_ORDER.indexOf(b.priority)),
  )
  renderRows()
}

/** Keeps the rows of one swarm type, or all of them for `any`. */
function filterLobby(swarmType: string): void {
  shown = lines.filter((item) => swarmType === 'any' || item.swarmType === swarmType)
  renderRows()
}

let open: { roomId: string; doc: Y.Doc; editors: Editor[] } | undefined

async function openCase(roomId: string): Promise<void> {
  const doc = new Y.Doc({ gc: false })
  Y.applyUpdate(doc, value(await bridge.room.load({ roomId })).state)
  const room = element('div')
  room.className = 'room'
  const sections = element('div')
  sections.className = 'room__sections'
  const sidebar = element('aside')
  sidebar.className = 'room__timeline'
  room.append(sections, sidebar)
  root.replaceChildren(room)
  const editors = SECTIONS.map((name) => {
    const holder = element('section')
    sections.append(holder)
    return new Editor({
      element: holder,
      injectCSS: false,
      extensions: [
        StarterKit.configure({ undoRedo: false }),
        Collaboration.configure({ fragment: doc.getXmlFragment(name) }),
      ],
      editorProps: { attributes: { 'data-section': name } },
    })
  })
  const list = element('ol')
  list.id = 'timeline'
  const entries = doc.getArray<Y.Map<string>>('actions').toArray()
  for (const entry of entries.reverse()) {
    const item = element('li')
    item.dataset['actionId'] = entry.get('id') ?? ''
    const time = entry.get('time') ?? ''
    item.append(
      element('span', entry.get('kind')),
      element('time', clock.format(new Date(time))),
      element('p', entry.get('text')),
      element('p', entry.get('outcome')),
    )
    list.append(item)
  }
  sidebar.append(list)
  open = { roomId, doc, editors }
}

async function closeCase(): Promise<void> {
  if (!open) return
  for (const editor of open.editors) editor.destroy()
  open.doc.destroy()
  root.replaceChildren()
  await bridge.room.close({ roomId: open.roomId })
  open = undefined
}

Object.assign(window, { __bare: { lobby, openCase, closeCase, sortLobby, filterLobby } })
if (location.hash === '#lobby') void lobby()
