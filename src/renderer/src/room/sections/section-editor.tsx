import Collaboration from '@tiptap/extension-collaboration'
import CollaborationCaret from '@tiptap/extension-collaboration-caret'
import { Placeholder } from '@tiptap/extensions'
import { EditorContent, useEditor } from '@tiptap/react'
import StarterKit from '@tiptap/starter-kit'
import { useEffect, useRef, type ReactNode } from 'react'
import type { Awareness } from 'y-protocols/awareness'
import type * as Y from 'yjs'
import { memberColorClass } from '@shared/case/member-colors'
import { holdsOnlyNodes, safeHref } from '@shared/case/fragments/fragment-nodes'
import type { SectionName } from '@shared/case/schema'
import { setLocalSection, type PresenceUser } from '@shared/room/presence'
import { caseMembers, memberMention } from '../mentions/mention-extension'
import { FormatBar } from './format-bar'
import './section-editor.css'

interface SectionEditorProps {
  name: SectionName
  title: string
  fragment: Y.XmlFragment
  awareness: Awareness
  /** This member as teammates see them beside the caret. */
  user: PresenceUser
  /**
   * False while the text is not this member's to change (the customer update under review).
   * @default true
   */
  editable?: boolean
  /**
   * What the empty section shows until someone writes (the swarm type's prompt); it is the
   * editor's placeholder, never part of the document.
   * @default ''
   */
  prompt?: string
  /** Shown between the section's title and its text (the customer update's approval bar). */
  banner?: ReactNode
  /** Shown below the text. */
  children?: ReactNode
  /** Told the selected text (blocks joined by a line break) whenever the selection moves. */
  onSelectText?: (text: string) => void
  className?: string
}

/** A rich-text section bound to its XmlFragment: every keystroke is a Yjs update. */
export function SectionEditor(props: SectionEditorProps): React.JSX.Element {
  const { name, title, fragment, awareness, user, editable = true, onSelectText } = props
  const prompt = props.prompt ?? ''
  // Thrown before the editor exists, for the section's error boundary: an editor bound to it
  // would fail halfway and leave its listeners on the case.
  if (!holdsOnlyNodes(fragment)) {
    throw new Error(`${title} holds values a teammate's app wrote that are not text.`)
  }
  // The editor is created once per fragment; the latest callback is read through a ref.
  const selectListener = useRef(onSelectText)
  const readOnly = useRef(!editable)
  useEffect(() => {
    selectListener.current = onSelectText
  }, [onSelectText])
  const editor = useEditor(
    {
      // TipTap would inject a <style> tag, which the CSP forbids; styles.css carries its rules.
      injectCSS: false,
      extensions: [
        // Yjs has its own undo history (Collaboration adds it); ProseMirror's would fight it.
        StarterKit.configure({
          undoRedo: false,
          link: {
            openOnClick: true,
            autolink: true,
            protocols: ['http', 'https', 'mailto'],
            // What a peer writes into a link mark is shown as a link only if it is one.
            isAllowedUri: (url) => safeHref(url) !== undefined,
          },
        }),
        Collaboration.configure({ fragment }),
        // Shown only while the whole section is empty, as the first line's grey hint.
        Placeholder.configure({ placeholder: prompt }),
        memberMention(() => caseMembers(fragment.doc)),
        CollaborationCaret.configure({
          provider: { awareness },
          user,
          render: renderCaret,
          // Classes, not the default inline style: the CSP refuses style attributes.
          selectionRender: (caretUser: { color?: string }) => ({
            class: `collaboration-carets__selection ${memberColorClass(caretUser.color)}`,
          }),
        }),
      ],
      editable,
      onFocus: () => setLocalSection(awareness, name),
      onBlur: () => setLocalSection(awareness, null),
      onSelectionUpdate: ({ editor: current }) => {
        const { from, to } = current.state.selection
        selectListener.current?.(current.state.doc.textBetween(from, to, '\n'))
      },
      editorProps: {
        // A function, so ProseMirror re-reads it after setEditable below.
        attributes: () => ({
          'aria-readonly': String(readOnly.current),
          'aria-label': title,
          'aria-multiline': 'true',
          ...(prompt ? { 'aria-placeholder': prompt } : {}),
          role: 'textbox',
          class: 'section-editor__content',
          'data-section': name,
        }),
      },
    },
    // The caret's user is read when the editor starts; later role changes reach the awareness
    // through the room connection, so `user` is deliberately not a dependency.
    [fragment, awareness, prompt],
  )

  useEffect(() => {
    readOnly.current = !editable
    if (editor && editor.isEditable !== editable) editor.setEditable(editable)
  }, [editor, editable])

  return (
    <section
      className={`section-editor ${props.className ?? ''}`}
      aria-labelledby={`section-${name}-title`}
      id={`section-${name}`}
    >
      <div className="section-editor__head">
        <h2 id={`section-${name}-title`}>{title}</h2>
        {editor && editable && <FormatBar editor={editor} />}
      </div>
      {props.banner}
      <EditorContent editor={editor} />
      {props.children}
    </section>
  )
}

function renderCaret(caretUser: { name?: string; color?: string }): HTMLElement {
  const caret = document.createElement('span')
  caret.className = `collaboration-carets__caret ${memberColorClass(caretUser.color)}`
  const label = document.createElement('span')
  label.className = 'collaboration-carets__label'
  label.textContent = caretUser.name ?? 'Teammate'
  caret.append(label)
  return caret
}
