import type { Awareness } from 'y-protocols/awareness'
import type * as Y from 'yjs'
import { memberColorSlots, slotClass } from '@shared/case/member-colors'
import { membersMap, readMembers } from '@shared/case/members'
import { MEMBER_ROLE_NAMES, SECTION_TITLES, type SectionName } from '@shared/case/schema'
import type { Identity } from '@shared/ipc'
import type { Presence } from '@shared/room/presence'
import { describeRelay, describeRoute, describeStatus } from '@shared/room/room-status'
import type { RoomLink } from '../../sync/live-room'
import { initials } from '../../common/initials'
import { useYRead } from '../hooks/use-y-read'
import { splitFacepile } from '@shared/room/facepile'
import { PresenceFace } from './presence-face'
import { usePresence } from './use-presence'
import './presence.css'

interface PresenceBarProps {
  doc: Y.Doc
  awareness: Awareness
  identity: Identity
  link: RoomLink
}

/**
 * Who is here, as a compact facepile (this member first, as "You"), and how this window is
 * connected to them. Each face is in the colour its member has in the case.
 */
export function PresenceBar({
  doc,
  awareness,
  identity,
  link,
}: PresenceBarProps): React.JSX.Element {
  const people = usePresence(awareness, identity.memberId)
  const members = useYRead(membersMap(doc), () => readMembers(doc))
  const slots = memberColorSlots(members)
  const { shown, folded } = splitFacepile(people)
  const ownRole = MEMBER_ROLE_NAMES[members.get(identity.memberId)?.role ?? 'contributor']
  const relay = describeRelay(link.status.relay)
  const route = link.problem ? undefined : describeRoute(link.status)
  return (
    <div className="presence">
      <div className="presence__pile">
        <PresenceFace
          variant="you"
          text="You"
          label={`You: ${identity.name}`}
          details={[`You: ${identity.name}`, ownRole]}
          colorClass={slotClass(slots.get(identity.memberId))}
        />
        <ul className="presence__people" aria-label="People in this case">
          {people.map((person) => {
            const isShown = shown.includes(person)
            const className = `presence__person${person.away ? ' presence__person--away' : ''}${
              isShown ? '' : ' presence__person--folded'
            }`
            return (
              <li key={person.memberId} className={className} aria-label={presenceLabel(person)}>
                {isShown && (
                  <PresenceFace
                    text={initials(person.name)}
                    label={person.name}
                    details={presenceDetails(person)}
                    colorClass={slotClass(slots.get(person.memberId))}
                    away={person.away}
                  />
                )}
              </li>
            )
          })}
        </ul>
        {folded.length > 0 && (
          <PresenceFace
            variant="more"
            text={`+${folded.length}`}
            label={`${folded.length} more`}
            details={folded.map(presenceLabel)}
            colorClass="member-color-unknown"
          />
        )}
      </div>
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

/** "Omar Haddad, Contributor, in Case summary", as the list reads it out. */
function presenceLabel(person: Presence): string {
  const where = whereLabel(person)
  return `${person.name}, ${MEMBER_ROLE_NAMES[person.role]}${where ? `, ${where}` : ''}`
}

function presenceDetails(person: Presence): string[] {
  const where = whereLabel(person)
  const capitalised = where ? where[0]?.toUpperCase() + where.slice(1) : 'Not in a section'
  return [person.name, MEMBER_ROLE_NAMES[person.role], capitalised]
}

function whereLabel(person: Presence): string | undefined {
  if (person.away) return 'syncing in the background'
  const section = placeName(person.section)
  return section ? `in ${section}` : undefined
}

function placeName(section: string | null): string | undefined {
  if (!section) return undefined
  return Object.hasOwn(SECTION_TITLES, section) ? SECTION_TITLES[section as SectionName] : undefined
}
