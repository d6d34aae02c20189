import Collaboration from '@tiptap/extension-collaboration'
import type { Schema } from '@tiptap/pm/model'
import { EditorContent, useEditor, type Editor } from '@tiptap/react'
import StarterKit from '@tiptap/starter-kit'
import { useEffect } from 'react'
import type * as Y from 'yjs'
import { permanentUserData } from '@shared/case/authorship'
import { safeHref } from '@shared/case/fragments/fragment-nodes'
import type { SectionName } from '@shared/case/schema'
import { CommentHighlights, type CommentHighlight } from './comment-highlights'
import { useSnapshotRender, type SnapshotView } from './use-snapshot-render'
import { YChange } from './ychange-mark'
import './comment-highlights.css'
import { caseMembers, memberMention } from '../mentions/mention-extension'

interface ReviewSectionProps {
  name: SectionName
  title: string
  fragment: Y.XmlFragment
  view: SnapshotView
  /** The class for a member's text (`author author--3`); read at every render. */
  classFor: (user: unknown) => string
  onEditor: (name: SectionName, editor: Editor | null) => void
  /** The open review comments' words to highlight, as the section is shown now. */
  highlightsFor: (name: SectionName, schema: Schema) => CommentHighlight[]
  /** A highlighted comment's words were clicked. */
  onHighlight: (commentId: string) => void
  /** Shown in the head when text of this section is selected (the "Add comment" button). */
  action?: React.ReactNode
  children?: React.ReactNode
}

/** One section in review mode: who wrote what, at the chosen moment; live text when editing. */
export function ReviewSection(props: ReviewSectionProps): React.JSX.Element {
  const { name, title, fragment, view, classFor, onEditor } = props
  const doc = fragment.doc
  // The editor is created once per fragment: `highlightsFor` must stay the same function.
  const { highlightsFor } = props
  const editor = useEditor(
    {
      injectCSS: false,
      editable: false,
      extensions: [
        StarterKit.configure({
          undoRedo: false,
          link: {
            openOnClick: false,
            autolink: true,
            protocols: ['http', 'https', 'mailto'],
            // What a peer writes into a link mark is shown as a link only if it is one.
            isAllowedUri: (url) => safeHref(url) !== undefined,
          },
        }),
        Collaboration.configure({
          fragment,
          // Maps each Yjs client id to the member who wrote with it.
          ySyncOptions: doc ? { permanentUserData: permanentUserData(doc) } : {},
        }),
        YChange.configure({ classFor }),
        CommentHighlights.configure({ rangesFor: (schema) => highlightsFor(name, schema) }),
        // Without the node, y-prosemirror would take a picked mention for unknown content.
        memberMention(() => caseMembers(doc ?? null)),
      ],
      editorProps: {
        attributes: {
          'aria-label': title,
          'aria-multiline': 'true',
          role: 'textbox',
          class: 'section-editor__content review-section__content',
          'data-review-section': name,
        },
      },
    },
    [fragment],
  )
  useSnapshotRender(editor, fragment, view)

  useEffect(() => {
    onEditor(name, editor)
    return () => onEditor(name, null)
  }, [name, editor, onEditor])

  return (
    <section
      className={`section-editor review-section${view.editing ? ' review-section--editing' : ''}`}
      aria-labelledby={`review-section-${name}`}
      onClick={(event) => {
        const target = event.target instanceof Element ? event.target : null
        const id = target?.closest('[data-comment-id]')?.getAttribute('data-comment-id')
        if (id) props.onHighlight(id)
      }}
    >
      <div className="section-editor__head">
        <h2 id={`review-section-${name}`}>{title}</h2>
        {props.action}
      </div>
      {props.children}
      <EditorContent editor={editor} />
    </section>
  )
}
