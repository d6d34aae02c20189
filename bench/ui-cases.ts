/**
 * The cases bench/ui.ts opens, written through main's real services: 1,000 cases with a few
 * sentences in every section, the first of them with a 2,000-entry timeline.
 */
import * as prng from 'lib0/prng'
import * as Y from 'yjs'
import type { MainServices } from '../src/main/services/create-services'
import { section } from '../src/shared/case/case-doc'
import { appendParagraphs } from '../src/shared/case/rich-text'
import {
  PERSON_ACTION_KINDS,
  PRIORITIES,
  SECTION_NAMES,
  SWARM_TYPES,
} from '../src/shared/case/schema'
import { addAction } from '../src/shared/case/timeline'

const WORDS = ['refund', 'proration', 'invoice', 'renewal', 'outage', 'sso', 'webhook', 'export']

function sentence(gen: prng.PRNG, words: number): string {
  return Array.from({ length: words }, () => prng.word(gen, 3, 9)).join(' ')
}

/** Changes a case's document through `change` and appends the difference to its log. */
function edit(services: MainServices, roomId: string, change: (doc: Y.Doc) => void): void {
  const doc = new Y.Doc({ gc: false })
  Y.applyUpdate(doc, services.rooms.state(roomId))
  const before = Y.encodeStateVector(doc)
  change(doc)
  services.rooms.append(roomId, Y.encodeStateAsUpdate(doc, before))
  doc.destroy()
}

/** Returns the room ids, the 2,000-entry case first. */
export async function createCases(
  services: MainServices,
  count: number,
  timelineEntries: number,
): Promise<string[]> {
  const identity = await services.handlers['identity:set']({ name: 'Bench' })
  const gen = prng.create(17)
  const roomIds: string[] = []
  for (let index = 0; index < count; index++) {
    const created = await services.handlers['cases:create']({
      title: `Case ${index}: ${prng.oneOf(gen, WORDS)} for Acme ${index}`,
      ticket: { system: 'zendesk', id: String(10_000 + index), url: '' },
      customer: `Customer ${index % 97}`,
      // Varied, so sorting and filtering the lobby move rows about as a real team's would.
      priority: prng.oneOf(gen, [...PRIORITIES]),
      swarmType: prng.oneOf(gen, [...SWARM_TYPES]),
    })
    edit(services, created.roomId, (doc) => {
      for (const name of SECTION_NAMES) appendParagraphs(section(doc, name), [sentence(gen, 40)])
      if (index > 0) return
      const start = Date.UTC(2026, 10, 1)
      for (let entry = 0; entry < timelineEntries; entry++) {
        addAction(
          doc,
          identity.memberId,
          {
            kind: prng.oneOf(gen, [...PERSON_ACTION_KINDS]),
            text: sentence(gen, 14),
            outcome: prng.bool(gen) ? sentence(gen, 4) : '',
          },
          new Date(start + entry * 60_000),
        )
      }
    })
    roomIds.push(created.roomId)
  }
  return roomIds
}
