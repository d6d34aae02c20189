/**
 * Members' colours: each member of a case gets one nobody else there has, keeps it, and every
 * teammate's screen agrees on who shows in which colour, even after two members took the same
 * colour at the same moment. Text on every colour has to stay readable (WCAG AA, 4.5:1).
 */
import { readFileSync } from 'node:fs'
import * as Y from 'yjs'
import { describe, expect, it } from 'vitest'
import {
  chooseMemberColor,
  MEMBER_COLORS,
  memberColorSlots,
  UNKNOWN_MEMBER_COLOR,
} from '../../../src/shared/case/member-colors'
import {
  ensureMember,
  joinCase,
  readMembers,
  settleOwnColor,
  withShownColors,
} from '../../../src/shared/case/members'
import type { CaseMember } from '../../../src/shared/case/schema'
import { initializeCase } from '../../../src/shared/case/case-doc'
import { acmeCase, copyOf, dana, omar, priya, sync } from './case-fixture'

function member(name: string, color: string, colorSince?: string): CaseMember {
  return { name, color, role: 'contributor', expertise: '', ...(colorSince ? { colorSince } : {}) }
}

/** WCAG 2 relative luminance of `#rrggbb`. */
function luminance(hex: string): number {
  const channels = [1, 3, 5].map((at) => Number.parseInt(hex.slice(at, at + 2), 16) / 255)
  const [r = 0, g = 0, b = 0] = channels.map((value) =>
    value <= 0.04045 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4,
  )
  return 0.2126 * r + 0.7152 * g + 0.0722 * b
}

function contrast(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x)
  return ((light ?? 0) + 0.05) / ((dark ?? 0) + 0.05)
}

/** `color` at `percent`% over white, as `color-mix(in srgb, color N%, white)` paints it. */
function tint(hex: string, percent: number): string {
  const mixed = [1, 3, 5].map((at) => {
    const value = Number.parseInt(hex.slice(at, at + 2), 16)
    return Math.round(255 + (value - 255) * (percent / 100))
  })
  return `#${mixed.map((value) => value.toString(16).padStart(2, '0')).join('')}`
}

/** Dana's case, before anyone else has joined it. */
function danaCase(): Y.Doc {
  const doc = new Y.Doc({ gc: false })
  initializeCase(doc, acmeCase, dana, new Date('2026-03-01T08:00:00Z'))
  return doc
}

function syncAll(...docs: Y.Doc[]): void {
  for (const a of docs) for (const b of docs) if (a !== b) sync(a, b)
}

const INK = '#111827'
const WHITE = '#ffffff'
/** The app's error red (`--danger`) and its "saved" green: no member should look like either. */
const DANGER = '#b91c1c'
const SAVED = '#047857'

describe('the member palette', () => {
  it.each(MEMBER_COLORS.map((color) => [color]))(
    'keeps white text on %s readable (at least 4.5:1)',
    (color) => {
      expect(contrast(WHITE, color)).toBeGreaterThanOrEqual(4.5)
    },
  )

  it.each(MEMBER_COLORS.map((color) => [color]))(
    'keeps the ink readable on review mode’s tint of %s, and %s on the page',
    (color) => {
      // review-mode.css: `.author` is a 16% tint; away faces draw their letters in the colour.
      expect(contrast(INK, tint(color, 16))).toBeGreaterThanOrEqual(4.5)
      expect(contrast(color, WHITE)).toBeGreaterThanOrEqual(4.5)
    },
  )

  it('is the palette the stylesheet paints, class for class', () => {
    const css = readFileSync('src/renderer/src/common/member-colors.css', 'utf8')
    const painted = [...css.matchAll(/\.member-color-(\d+) \{\s*--member-color: (#[0-9a-f]{6});/g)]
    expect(painted.map((match) => [Number(match[1]), match[2]])).toEqual(
      MEMBER_COLORS.map((color, slot) => [slot, color]),
    )
  })

  it('has no two colours alike and none that reads as an error or as "saved"', () => {
    expect(new Set(MEMBER_COLORS).size).toBe(MEMBER_COLORS.length)
    expect(MEMBER_COLORS).not.toContain(DANGER)
    expect(MEMBER_COLORS).not.toContain(SAVED)
    expect(MEMBER_COLORS).not.toContain('#dc2626')
    expect(contrast(WHITE, UNKNOWN_MEMBER_COLOR)).toBeGreaterThanOrEqual(4.5)
  })
})

describe('choosing a colour for a member who joins', () => {
  it('gives their own first choice when nobody in the case has it', () => {
    const members = new Map([['dana', member('Dana', MEMBER_COLORS[0])]])
    expect(chooseMemberColor(members, MEMBER_COLORS[4])).toBe(MEMBER_COLORS[4])
  })

  it('gives the first free colour when their first choice is taken', () => {
    const members = new Map([
      ['dana', member('Dana', MEMBER_COLORS[0])],
      ['omar', member('Omar', MEMBER_COLORS[1])],
    ])
    expect(chooseMemberColor(members, MEMBER_COLORS[0])).toBe(MEMBER_COLORS[2])
    expect(chooseMemberColor(members, '#123456')).toBe(MEMBER_COLORS[2])
  })

  it('counts a colour as taken by whoever shows in it, not by what their entry says', () => {
    // Two entries hold colour 0; the second shows in colour 1, so 1 is not free either.
    const members = new Map([
      ['dana', member('Dana', MEMBER_COLORS[0], '2026-01-01T00:00:00.000Z')],
      ['omar', member('Omar', MEMBER_COLORS[0], '2026-01-02T00:00:00.000Z')],
    ])
    expect(chooseMemberColor(members, undefined)).toBe(MEMBER_COLORS[2])
  })

  it('gives grey once every palette colour is someone’s', () => {
    const members = new Map(
      MEMBER_COLORS.map((color, index) => [`m${index}`, member(`M${index}`, color)]),
    )
    expect(chooseMemberColor(members, MEMBER_COLORS[0])).toBe(UNKNOWN_MEMBER_COLOR)
  })

  it('writes the chosen colour into the new member’s entry, and keeps it there', () => {
    const doc = danaCase()
    joinCase(doc, { ...omar, color: readMembers(doc).get('dana')?.color ?? '' }, 'contributor')
    const colorOf = (id: string): string | undefined => readMembers(doc).get(id)?.color
    expect(colorOf('omar')).not.toBe(colorOf('dana'))
    const omarColor = colorOf('omar')
    // A new name or a new first choice in the settings keeps the colour the case gave.
    ensureMember(doc, { ...omar, name: 'Omar H.', color: MEMBER_COLORS[9] }, 'contributor')
    expect(colorOf('omar')).toBe(omarColor)
    expect(readMembers(doc).get('omar')?.name).toBe('Omar H.')
  })
})

describe('who shows in which colour', () => {
  it('shows each member in their own colour when nobody shares it', () => {
    const slots = memberColorSlots(
      new Map([
        ['dana', member('Dana', MEMBER_COLORS[3])],
        ['omar', member('Omar', MEMBER_COLORS[1].toUpperCase())],
      ]),
    )
    expect(slots).toEqual(
      new Map([
        ['dana', 3],
        ['omar', 1],
      ]),
    )
  })

  it('keeps the colours cases of earlier versions gave, slot for slot', () => {
    const slots = memberColorSlots(
      new Map([
        ['dana', member('Dana', '#2563eb')],
        ['omar', member('Omar', '#dc2626')],
      ]),
    )
    expect(slots).toEqual(
      new Map([
        ['dana', 0],
        ['omar', 5],
      ]),
    )
  })

  it('leaves a shared colour to whoever had it first, and moves the other to a free one', () => {
    const slots = memberColorSlots(
      new Map([
        ['aaron', member('Aaron', MEMBER_COLORS[0], '2026-03-02T10:00:00.000Z')],
        ['dana', member('Dana', MEMBER_COLORS[0], '2026-03-01T09:00:00.000Z')],
        ['guest', member('Guest', '#123456', '2026-03-01T09:30:00.000Z')],
      ]),
    )
    // Dana had colour 0 first, although Aaron's id sorts before hers.
    expect(slots).toEqual(
      new Map([
        ['dana', 0],
        ['guest', 1],
        ['aaron', 2],
      ]),
    )
  })

  it('breaks a tie of the same moment by member id, the same on every screen', () => {
    const at = '2026-03-01T09:00:00.000Z'
    const one = new Map([
      ['omar', member('Omar', MEMBER_COLORS[2], at)],
      ['dana', member('Dana', MEMBER_COLORS[2], at)],
    ])
    const other = new Map([...one].reverse())
    expect(memberColorSlots(one)).toEqual(
      new Map([
        ['dana', 2],
        ['omar', 0],
      ]),
    )
    expect(memberColorSlots(other)).toEqual(memberColorSlots(one))
  })

  it('leaves members beyond the palette without a colour of their own (grey)', () => {
    const many = new Map(
      Array.from({ length: MEMBER_COLORS.length + 2 }, (_, index) => [
        `member-${String(index).padStart(2, '0')}`,
        member(`Member ${index}`, MEMBER_COLORS[0]),
      ]),
    )
    const slots = memberColorSlots(many)
    expect(slots.size).toBe(MEMBER_COLORS.length)
    expect(new Set(slots.values()).size).toBe(MEMBER_COLORS.length)
    expect(withShownColors(many).get(`member-${MEMBER_COLORS.length + 1}`)?.color).toBe(
      UNKNOWN_MEMBER_COLOR,
    )
  })
})

describe('two members who join at the same moment', () => {
  it('end up in different colours on both screens, the earlier one keeping theirs', () => {
    // Omar and Priya both join Dana's case while offline from each other, wanting one colour.
    const danaDoc = danaCase()
    const omarDoc = copyOf(danaDoc)
    const priyaDoc = copyOf(danaDoc)
    const wanted = MEMBER_COLORS[6]
    joinCase(omarDoc, { ...omar, color: wanted }, 'contributor', new Date('2026-03-01T09:00:00Z'))
    joinCase(priyaDoc, { ...priya, color: wanted }, 'contributor', new Date('2026-03-01T09:00:05Z'))
    expect(readMembers(omarDoc).get('omar')?.color).toBe(wanted)
    expect(readMembers(priyaDoc).get('priya')?.color).toBe(wanted)
    syncAll(danaDoc, omarDoc, priyaDoc)

    const shown = (doc: Y.Doc): Map<string, number> => memberColorSlots(readMembers(doc))
    expect(shown(danaDoc)).toEqual(shown(omarDoc))
    expect(shown(danaDoc)).toEqual(shown(priyaDoc))
    expect(new Set(shown(danaDoc).values()).size).toBe(3)
    expect(shown(danaDoc).get('omar')).toBe(6)
    const priyaShown = shown(danaDoc).get('priya')

    // Priya's app writes the colour she is shown in, so it is hers from now on.
    expect(settleOwnColor(omarDoc, 'omar')).toBe(false)
    expect(settleOwnColor(priyaDoc, 'priya')).toBe(true)
    syncAll(danaDoc, omarDoc, priyaDoc)
    expect(readMembers(danaDoc).get('priya')?.color).toBe(MEMBER_COLORS[priyaShown ?? 0])
    expect(shown(danaDoc).get('priya')).toBe(priyaShown)
    expect(shown(danaDoc).get('omar')).toBe(6)
    expect(settleOwnColor(priyaDoc, 'priya')).toBe(false)
  })

  it('never takes a colour from a member who had it before, whoever’s id sorts first', () => {
    const doc = danaCase()
    const danaSlot = memberColorSlots(readMembers(doc)).get('dana')
    // An app that joined before the case arrived from Dana took the same colour as hers.
    const early = new Y.Doc({ gc: false })
    const color = MEMBER_COLORS[danaSlot ?? 0] ?? ''
    joinCase(early, { memberId: 'aaa', name: 'Aaron', color }, 'contributor')
    sync(doc, early)
    expect(memberColorSlots(readMembers(doc)).get('dana')).toBe(danaSlot)
    expect(memberColorSlots(readMembers(doc)).get('aaa')).not.toBe(danaSlot)
  })
})
