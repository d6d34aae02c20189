import type { Editor } from '@tiptap/core'
import type { Schema } from '@tiptap/pm/model'
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react'
import type * as Y from 'yjs'
import { readMeta } from '@shared/case/case-doc'
import { memberColorSlots } from '@shared/case/member-colors'
import { readMember, readMembers } from '@shared/case/members'
import { isOwner } from '@shared/case/permissions'
import { knowledgeBaseArticle } from '@shared/case/documents/knowledge-base'
import { addReviewComment, listReviewComments, resolveReviewComment } from '@shared/case/review'
import { signOffSigned } from '@shared/case/signatures/signed-decisions'
import { useRoomTrust } from '../trust/trust-context'
import {
  CASE_STATUS_NAMES,
  SECTION_NAMES,
  SECTION_TITLES,
  type ReviewComment,
  type SectionName,
  type SnapshotRecord,
} from '@shared/case/schema'
import { listSnapshots } from '@shared/case/snapshots'
import type { Identity } from '@shared/ipc'
import { useAttempt } from '../../common/use-attempt'
import { authorClass } from './author-class'
import { AuthorshipLegend } from './authorship-legend'
import { CaseMetricsPanel } from './case-metrics-panel'
import { CausesPanel } from './causes-panel'
import {
  anchorFromRange,
  rangeOfComment,
  rangesOfComments,
  type CommentAnchor,
} from './comment-anchors'
import { commentHighlightsKey, type CommentHighlight } from './comment-highlights'
import { CommentForm } from './comment-form'
import { HistorySlider } from './history-slider'
import { KnowledgeBaseDialog } from './knowledge-base-dialog'
import { ReviewComments } from './review-comments'
import { ReviewSection } from './review-section'
import { ReviewTimeline } from './review-timeline'
import { selectInEditor, selectionInSections, type SectionSelection } from './section-selection'
import { SignOffPanel } from './sign-off-panel'
import { useDocVersion } from './use-doc-version'
import { useReviewMoment } from './use-review-moment'
import './review-mode.css'

interface ReviewModeProps {
  roomId: string
  doc: Y.Doc
  identity: Identity
}

/**
 * The lead's review: every section coloured by who wrote it, at any moment the case kept;
 * comments anchored to text; metrics, the knowledge-base draft and the sign-off. Read-only
 * unless a lead or the owner chooses to edit.
 */
export function ReviewMode({ roomId, doc, identity }: ReviewModeProps): React.JSX.Element {
  useDocVersion(doc)
  const me = identity.memberId
  const [chosen, setChosen] = useState<SnapshotRecord | null>(null)
  const [editing, setEditing] = useState(false)
  const [selection, setSelection] = useState<SectionSelection | null>(null)
  const [draft, setDraft] = useState<{ section: SectionName; anchor: CommentAnchor } | null>(null)
  const attempt = useAttempt()
  const { signing } = useRoomTrust()
  const [article, setArticle] = useState<string | null>(null)
  const [activeComment, setActiveComment] = useState<string | null>(null)
  const editors = useRef(new Map<SectionName, Editor>())

  const records = listSnapshots(doc)
  const moment = useReviewMoment(doc, chosen)
  const snapshot = moment.kind === 'earlier' ? moment.snapshot : null
  const slots = memberColorSlots(readMembers(doc))
  const colors = JSON.stringify([...slots])
  const slotsRef = useRef(slots)
  // The marks read the slots when the sections render, which is after this effect.
  useLayoutEffect(() => {
    slotsRef.current = slots
  })
  const classFor = useCallback(
    (user: unknown) =>
      authorClass(typeof user === 'string' ? slotsRef.current.get(user) : undefined),
    [],
  )
  const view = useMemo(() => ({ snapshot, editing, colors }), [snapshot, editing, colors])
  const member = readMember(doc, me)
  const canEdit = member?.role === 'lead' || isOwner(doc, me)
  const atNow = moment.kind !== 'earlier'

  // Read by the sections' highlight plugins whenever they redraw, which is after this effect.
  const highlighting = useRef({ atNow, activeComment })
  useLayoutEffect(() => {
    highlighting.current = { atNow, activeComment }
  })
  const highlightsFor = useCallback(
    (name: SectionName, schema: Schema): CommentHighlight[] => {
      const { atNow: showingNow, activeComment: active } = highlighting.current
      // An earlier moment's text is not the text the anchors point into now.
      if (!showingNow) return []
      const open = listReviewComments(doc, name).filter((comment) => !comment.resolved)
      const ranges = rangesOfComments(doc.getXmlFragment(name), schema, open)
      return [...ranges].map(([id, range]) => ({ id, ...range, active: id === active }))
    },
    [doc],
  )
  // Comments are added, resolved or chosen without the section's text changing: redraw.
  useEffect(() => {
    for (const editor of editors.current.values()) {
      if (!editor.isDestroyed) {
        editor.view.dispatch(editor.state.tr.setMeta(commentHighlightsKey, true))
      }
    }
  })

  const onEditor = useCallback((name: SectionName, editor: Editor | null) => {
    if (editor) editors.current.set(name, editor)
    else editors.current.delete(name)
  }, [])

  useEffect(() => {
    const onChange = (): void => setSelection(selectionInSections(editors.current))
    document.addEventListener('selectionchange', onChange)
    return () => document.removeEventListener('selectionchange', onChange)
  }, [])

  function startComment(current: SectionSelection): void {
    const editor = editors.current.get(current.section)
    if (!editor) return
    const fragment = doc.getXmlFragment(current.section)
    attempt.run(() =>
      setDraft({
        section: current.section,
        anchor: anchorFromRange(fragment, editor.schema, current.range),
      }),
    )
  }

  function showComment(comment: ReviewComment): void {
    setActiveComment(comment.id)
    const editor = editors.current.get(comment.section)
    if (!editor || !atNow) {
      attempt.fail('Move the history slider to now to see where a comment is.')
      return
    }
    const range = rangeOfComment(doc.getXmlFragment(comment.section), editor.schema, comment)
    if (!range) attempt.fail('The text this comment is about has been deleted since.')
    else attempt.run(() => selectInEditor(editor, range))
  }

  /** The words of a comment were clicked in a section: the comment in the list is brought up. */
  function showCommentInList(commentId: string): void {
    setActiveComment(commentId)
    const item = document.getElementById(`review-comment-${commentId}`)
    item?.scrollIntoView({ block: 'nearest', behavior: 'smooth' })
    item?.querySelector<HTMLElement>('.review-comment__quote')?.focus({ preventScroll: true })
  }

  const meta = readMeta(moment.doc)
  return (
    <div className="review">
      <div className="review__bar" role="toolbar" aria-label="Review">
        <strong className="review__title">Review</strong>
        <HistorySlider
          records={records}
          selected={chosen ? indexOf(records, chosen) : null}
          disabled={editing}
          onSelect={(index) => setChosen(index === null ? null : (records[index] ?? null))}
        />
        <span className={`status status--${meta.status}`} title="Status at this moment">
          {CASE_STATUS_NAMES[meta.status]}
        </span>
        <span className="review__spacer" />
        {canEdit && (
          <button
            className="button"
            aria-pressed={editing}
            onClick={() => {
              setChosen(null)
              setEditing(!editing)
            }}
          >
            {editing ? 'Stop editing' : 'Edit'}
          </button>
        )}
        <button className="button" onClick={() => setArticle(knowledgeBaseArticle(doc))}>
          Draft knowledge-base article
        </button>
      </div>
      {moment.kind === 'unavailable' && (
        <p className="notice notice--warning" role="alert">
          {moment.message}
        </p>
      )}
      {attempt.error && (
        <p className="notice notice--error" role="alert">
          {attempt.error}
        </p>
      )}
      <div className="review__body">
        <div className="review__sections">
          {SECTION_NAMES.map((name) => (
            <ReviewSection
              key={name}
              name={name}
              title={SECTION_TITLES[name]}
              fragment={doc.getXmlFragment(name)}
              view={view}
              classFor={classFor}
              onEditor={onEditor}
              highlightsFor={highlightsFor}
              onHighlight={showCommentInList}
              action={
                selection?.section === name && atNow && !draft ? (
                  <button
                    className="button review-section__comment"
                    onMouseDown={(event) => event.preventDefault()}
                    onClick={() => startComment(selection)}
                  >
                    Add comment
                  </button>
                ) : null
              }
            >
              {draft?.section === name && (
                <CommentForm
                  quote={draft.anchor.quote}
                  onCancel={() => setDraft(null)}
                  onSubmit={(text) => {
                    const added = attempt.run(() => {
                      addReviewComment(doc, me, { section: name, ...draft.anchor, text })
                    })
                    if (added) setDraft(null)
                  }}
                />
              )}
            </ReviewSection>
          ))}
        </div>
        <aside className="review__side">
          <AuthorshipLegend doc={moment.doc} slots={slots} />
          <ReviewComments
            doc={doc}
            active={activeComment}
            onShow={showComment}
            onResolve={(comment) => attempt.run(() => resolveReviewComment(doc, me, comment.id))}
          />
          <SignOffPanel
            doc={doc}
            memberId={me}
            onSignOff={() => void attempt.runAsync(() => signOffSigned(doc, me, signing))}
          />
          <CausesPanel doc={doc} memberId={me} />
          <CaseMetricsPanel doc={doc} />
          <ReviewTimeline doc={moment.doc} />
        </aside>
      </div>
      {article !== null && (
        <KnowledgeBaseDialog
          markdown={article}
          caseTitle={readMeta(doc).title}
          roomId={roomId}
          ticket={readMeta(doc).ticket}
          onClose={() => setArticle(null)}
        />
      )}
    </div>
  )
}

function indexOf(records: readonly SnapshotRecord[], record: SnapshotRecord): number | null {
  const index = records.findIndex(
    (item) => item.at === record.at && item.snapshot === record.snapshot,
  )
  return index < 0 ? null : index
}
