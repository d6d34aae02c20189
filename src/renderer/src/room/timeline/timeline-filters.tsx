import {
  ACTION_KIND_NAMES,
  EVENT_KINDS,
  PERSON_ACTION_KINDS,
  type ActionKind,
  type CaseMember,
} from '@shared/case/schema'
import type { ActionFilter } from '@shared/case/timeline'

/** `all`, people's entries, app events, or one kind. */
export type KindChoice = 'all' | 'people' | 'events' | ActionKind

export interface TimelineFilterState {
  kind: KindChoice
  /** `all` or a member id. */
  person: string
}

export const NO_FILTER: TimelineFilterState = { kind: 'all', person: 'all' }

/** The filter for `filterActions`; `undefined` parts let every entry through. */
export function toActionFilter(state: TimelineFilterState): ActionFilter {
  const kinds =
    state.kind === 'all'
      ? undefined
      : state.kind === 'people'
        ? PERSON_ACTION_KINDS
        : state.kind === 'events'
          ? EVENT_KINDS
          : [state.kind]
  return {
    ...(kinds ? { kinds } : {}),
    ...(state.person === 'all' ? {} : { authors: [state.person] }),
  }
}

interface TimelineFiltersProps {
  value: TimelineFilterState
  members: ReadonlyMap<string, CaseMember>
  shown: number
  total: number
  onChange: (value: TimelineFilterState) => void
}

export function TimelineFilters(props: TimelineFiltersProps): React.JSX.Element {
  const { value, members, shown, total, onChange } = props
  const filtered = value.kind !== 'all' || value.person !== 'all'
  return (
    <div className="timeline-filters" role="group" aria-label="Filter the timeline">
      <label className="inline-field">
        Show
        <select
          aria-label="Filter by kind"
          value={value.kind}
          onChange={(event) => onChange({ ...value, kind: event.target.value as KindChoice })}
        >
          <option value="all">Everything</option>
          <option value="people">People&apos;s entries</option>
          <option value="events">App events</option>
          <optgroup label="Entries">
            {PERSON_ACTION_KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {ACTION_KIND_NAMES[kind]}
              </option>
            ))}
          </optgroup>
          <optgroup label="Events">
            {EVENT_KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {ACTION_KIND_NAMES[kind]}
              </option>
            ))}
          </optgroup>
        </select>
      </label>
      <label className="inline-field">
        by
        <select
          aria-label="Filter by person"
          value={value.person}
          onChange={(event) => onChange({ ...value, person: event.target.value })}
        >
          <option value="all">anyone</option>
          {[...members].map(([memberId, member]) => (
            <option key={memberId} value={memberId}>
              {member.name}
            </option>
          ))}
        </select>
      </label>
      {filtered && (
        <>
          <span className="timeline-filters__count">
            {shown} of {total}
          </span>
          <button className="button button--quiet" onClick={() => onChange(NO_FILTER)}>
            Show all
          </button>
        </>
      )}
    </div>
  )
}
