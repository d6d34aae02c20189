/** Channels of search across the cases on this computer. */
import { z } from 'zod'
import { CASE_STATUSES, ticketSchema } from '../case/schema'
import { roomIdSchema } from './schemas'

export const searchHitSchema = z.object({
  /** Where the hit is (`section:summary`, `action:<id>`); absent for the title, ticket, customer. */
  place: z.string().optional(),
  /** What the place is called, e.g. `Case summary`, `Timeline: Found`. */
  label: z.string(),
  /** The words around the hit, on one line. */
  snippet: z.string(),
  /** `[start, end)` offsets in `snippet` of each query word found. */
  highlights: z.array(z.tuple([z.number(), z.number()])),
  /** Whether the snippet starts or ends inside the text (show "…"). */
  clippedStart: z.boolean(),
  clippedEnd: z.boolean(),
})
export type SearchHit = z.infer<typeof searchHitSchema>

export const searchResultSchema = z.object({
  roomId: roomIdSchema,
  title: z.string(),
  ticket: ticketSchema,
  customer: z.string(),
  /** Who asked, as the help desk last named them ('' when the ticket was never read). */
  requester: z.string(),
  /** When the case was opened, so two cases about the same thing can be told apart. */
  createdAt: z.string(),
  status: z.enum(CASE_STATUSES),
  archived: z.boolean(),
  hits: z.array(searchHitSchema),
})
export type SearchResult = z.infer<typeof searchResultSchema>

export const searchChannels = {
  'search:cases': {
    input: z.object({ query: z.string().max(500, 'Keep the search under 500 characters.') }),
    output: z.object({
      results: z.array(searchResultSchema),
      /** Titles of cases whose saved file could not be read, so they were not searched. */
      unreadable: z.array(z.string()),
    }),
  },
} as const
