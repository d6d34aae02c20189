/**
 * The one IPC contract. Every channel is declared once, with zod schemas for what the renderer
 * may send and what main answers; the channels of each feature live in `channels/`, one file
 * per handler folder of main's services, and are gathered here. Main validates against it, the
 * preload and the e2e harness build `window.swarmroom` from it, and the renderer's types are
 * derived from it.
 *
 * Events go the other way: main tells the renderer something happened (a deep link was opened,
 * an export finished). They are declared here too, with the schema of their payload.
 */
import type { z } from 'zod'
import { casesChannels, casesEvents } from './channels/cases'
import { desktopChannels, desktopEvents } from './channels/desktop'
import { exportChannels, exportEvents } from './channels/export'
import { identityChannels } from './channels/identity'
import { insightsChannels } from './channels/insights'
import { roomsChannels, roomsEvents } from './channels/rooms'
import { searchChannels } from './channels/search'
import { ticketsChannels } from './channels/tickets'
import type { Result } from './result'

export * from './channels/schemas'

export const contract = {
  ...casesChannels,
  ...roomsChannels,
  ...searchChannels,
  ...insightsChannels,
  ...desktopChannels,
  ...exportChannels,
  ...identityChannels,
  ...ticketsChannels,
} as const

export const events = {
  ...casesEvents,
  ...desktopEvents,
  ...roomsEvents,
  ...exportEvents,
} as const
export type Events = typeof events
export type EventName = keyof Events
export type EventPayload<E extends EventName> = z.output<Events[E]>
export const EVENT_NAMES = Object.keys(events) as EventName[]

export interface EventsApi {
  /** Calls `listener` for each `event` from main until the returned function is called. */
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void
}

export type Contract = typeof contract
export type Channel = keyof Contract
export type ChannelInput<C extends Channel> = z.input<Contract[C]['input']>
export type ChannelOutput<C extends Channel> = z.output<Contract[C]['output']>

export const CHANNELS = Object.keys(contract) as Channel[]

export function isChannel(name: unknown): name is Channel {
  return typeof name === 'string' && Object.hasOwn(contract, name)
}

type Namespace<C extends string> = C extends `${infer N}:${string}` ? N : never
type Call<C extends Channel> =
  ChannelInput<C> extends undefined
    ? () => Promise<Result<ChannelOutput<C>>>
    : (input: ChannelInput<C>) => Promise<Result<ChannelOutput<C>>>

/** `window.swarmroom`: `cases:list` becomes `swarmroom.cases.list()`; events under `events`. */
export type SwarmroomApi = {
  [N in Namespace<Channel>]: {
    [C in Channel as C extends `${N}:${infer M}` ? M : never]: Call<C>
  }
} & { events: EventsApi }
