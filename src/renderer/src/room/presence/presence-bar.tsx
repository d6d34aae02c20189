import type { Awareness } from 'y-protocols/awareness'
import { memberColorClass } from '@shared/case/member-colors'
import { MEMBER_ROLE_NAMES, SECTION_TITLES, type SectionName } from '@shared/case/schema'
import type { Identity } from '@shared/ipc'
import { describeRelay, describeRoute, describeStatus } from '@shared/room/room-status'
import type { RoomLink } from '../../sync/live-room'
import { usePresence } from './use-presence'
import './presence.css'

interface PresenceBarProps {
  awareness: Awareness
  identity: Identity
  link: RoomLink
}

/** Who else is here and where, and how this window is connected to them. */
export function PresenceBar({ awareness, identity, link }: PresenceBarProps): React.JSX.Element {
  const people = usePresence(awareness, identity.memberId)
  const relay = describeRelay(link.status.relay)
  const route = link.problem ? undefined : describeRoute(link.status)
  return (
    <div className="presence">
      <ul className="presence__people" aria-label="People in this case">
        {people.map((person) => {
          const where = person.away ? 'syncing in the background' : placeName(person.section)
          const label = `${person.name}, ${MEMBER_ROLE_NAMES[person.role]}${
            where ? (person.away ? `, ${where}` : `, in ${where}`) : ''
          }`
          const className = `presence__person${person.away ? ' presence__person--away' : ''}`
          return (
            <li key={person.memberId} className={className} title={label} aria-label={label}>
              <span className={`presence__avatar ${memberColorClass(person.color)}`}>
                {initials(person.name)}
              </span>
              <span className="presence__where">
                {firstName(person.name)}
                <span className="presence__role"> · {MEMBER_ROLE_NAMES[person.role]}</span>
                {where && ` · ${person.away ? 'away' : where}`}
              </span>
            </li>
          )
        })}
      </ul>
      <span
        className={`presence__status presence__status--${link.status.state}`}
        role="status"
        aria-label="Connection"
      >
        {link.problem ?? describeStatus(link.status, link.everConnected, people.length)}
      </span>
      {route && (
        <span className={`presence__route presence__route--${link.status.route}`}>{route}</span>
      )}
      {relay && (
        <span className={`presence__relay presence__relay--${link.status.relay}`}>{relay}</span>
      )}
    </div>
  )
}

function placeName(section: string | null): string | undefined {
  if (!section) return undefined
  return Object.hasOwn(SECTION_TITLES, section) ? SECTION_TITLES[section as SectionName] : undefined
}

function firstName(name: string): string {
  return name.trim().split(/\s+/)[0] ?? name
}

function initials(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean)
  const letters = parts.length > 1 ? [parts[0], parts[parts.length - 1]] : parts
  return letters.map((part) => part?.[0]?.toUpperCase() ?? '').join('') || '?'
}
