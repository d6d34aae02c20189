import type * as Y from 'yjs'
import { readMembers } from '@shared/case/members'
import { commentedText, listReviewComments } from '@shared/case/review'
import { SECTION_TITLES, type ReviewComment } from '@shared/case/schema'
import { clockTime } from '../../common/format'

interface ReviewCommentsProps {
  doc: Y.Doc
  /** The comment whose words were last shown or clicked; marked in the list. */
  active: string | null
  onShow: (comment: ReviewComment) => void
  onResolve: (comment: ReviewComment) => void
}

/**
 * Review comments, open ones first; clicking one selects the text it is about, which is
 * highlighted in its section (comment-highlights.ts), and clicking the highlight marks it here.
 */
export function ReviewComments(props: ReviewCommentsProps): React.JSX.Element {
  const { doc, active, onShow, onResolve } = props
  const members = readMembers(doc)
  const comments = listReviewComments(doc).sort((a, b) => Number(a.resolved) - Number(b.resolved))
  return (
    <section className="review-panel" aria-labelledby="comments-heading">
      <h3 id="comments-heading">Review comments</h3>
      {comments.length === 0 ? (
        <p className="review-panel__empty">Select text in a section, then choose “Add comment”.</p>
      ) : (
        <ul className="review-comments">
          {comments.map((comment) => {
            const current = commentedText(doc, comment)
            return (
              <li
                key={comment.id}
                id={`review-comment-${comment.id}`}
                className={`review-comment${comment.resolved ? ' review-comment--resolved' : ''}${comment.id === active ? ' review-comment--active' : ''}`}
              >
                <button
                  type="button"
                  aria-current={comment.id === active ? 'true' : undefined}
                  className="review-comment__quote"
                  title="Show the text in the section"
                  onClick={() => onShow(comment)}
                >
                  <span className="review-comment__section">{SECTION_TITLES[comment.section]}</span>
                  {current === null || current === '' ? (
                    <s>“{comment.quote}” (since removed)</s>
                  ) : (
                    <q>{current}</q>
                  )}
                </button>
                <p className="review-comment__text">{comment.text}</p>
                <div className="review-comment__meta">
                  <span>{members.get(comment.by)?.name ?? 'Unknown member'}</span>
                  <time dateTime={comment.at}>{clockTime(comment.at)}</time>
                  {comment.resolved ? (
                    <span className="badge">Resolved</span>
                  ) : (
                    <button
                      type="button"
                      className="button button--quiet"
                      onClick={() => onResolve(comment)}
                    >
                      Resolve
                    </button>
                  )}
                </div>
              </li>
            )
          })}
        </ul>
      )}
    </section>
  )
}
