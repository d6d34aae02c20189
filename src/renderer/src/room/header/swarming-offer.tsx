import type * as Y from 'yjs'
import { metaMap } from '@shared/case/case-doc'
import { membersMap } from '@shared/case/members'
import {
  acceptSwarmingOffer,
  declineSwarmingOffer,
  swarmingOfferFor,
} from '@shared/case/swarming-offer'
import { useAttempt } from '../../common/use-attempt'
import { useYRead } from '../hooks/use-y-read'
import './swarming-offer.css'

/**
 * For the owner of a case still in Triage once a teammate has joined: move it to Swarming, or
 * keep it where it is and not be asked again. It never blocks the room.
 */
export function SwarmingOffer({ doc, me }: { doc: Y.Doc; me: string }): React.JSX.Element | null {
  // Read again when the status or owner changes (meta) and when someone joins (members).
  useYRead(metaMap(doc), () => undefined)
  useYRead(membersMap(doc), () => undefined)
  const attempt = useAttempt()
  const names = swarmingOfferFor(doc, me)
  if (names.length === 0) return null
  return (
    <section className="swarming-offer" aria-label="Move to Swarming?">
      <p className="swarming-offer__text">
        <strong>{joinedText(names)}</strong> This case is still in Triage. Move it to Swarming?
      </p>
      <div className="swarming-offer__actions">
        <button
          className="button button--primary"
          onClick={() => attempt.run(() => acceptSwarmingOffer(doc, me))}
        >
          Move to Swarming
        </button>
        <button className="button" onClick={() => attempt.run(() => declineSwarmingOffer(doc, me))}>
          Keep in Triage
        </button>
      </div>
      {attempt.error && (
        <p className="field-error" role="alert">
          {attempt.error}
        </p>
      )}
    </section>
  )
}

function joinedText(names: readonly string[]): string {
  if (names.length === 1) return `${names[0]} joined.`
  if (names.length === 2) return `${names[0]} and ${names[1]} joined.`
  return `${names[0]} and ${names.length - 1} others joined.`
}
