import type * as Y from 'yjs'
import { authorShares, UNKNOWN_AUTHOR } from '@shared/case/authorship'
import { readMembers } from '@shared/case/members'
import { authorClass } from './author-class'

interface AuthorshipLegendProps {
  /** The case at the moment shown. */
  doc: Y.Doc
  slots: ReadonlyMap<string, number>
}

/** Who wrote the sections at this moment: each member's colour and share of the characters. */
export function AuthorshipLegend({ doc, slots }: AuthorshipLegendProps): React.JSX.Element {
  const members = readMembers(doc)
  const rows = authorShares(doc)
  const nameOf = (memberId: string): string =>
    memberId === UNKNOWN_AUTHOR
      ? 'Not attributed'
      : (members.get(memberId)?.name ?? 'Unknown member')
  return (
    <section className="review-panel" aria-labelledby="legend-heading">
      <h3 id="legend-heading">Who wrote it</h3>
      {rows.length === 0 ? (
        <p className="review-panel__empty">Nothing is written in the sections yet.</p>
      ) : (
        <ul className="authorship-legend">
          {rows.map((row) => (
            <li key={row.memberId} className="authorship-legend__row">
              <span
                className={`authorship-legend__swatch ${authorClass(slots.get(row.memberId))}`}
              />
              <span className="authorship-legend__name">{nameOf(row.memberId)}</span>
              <span className="authorship-legend__share" title={`${row.characters} characters`}>
                {row.percent}%
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}
