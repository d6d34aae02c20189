import Collaboration from '@tiptap/extension-collaboration'
import CollaborationCaret from '@tiptap/extension-collaboration-caret'
import { EditorContent, useEditor } from '@tiptap/react'
import StarterKit from '@tiptap/starter-kit'
import type { Awareness } from 'y-protocols/awareness'
import type * as Y from 'yjs'
import { memberColorClass } from '@shared/case/member-colors'
import type { SectionName } from '@shared/case/schema'
import { setLocalSection, type PresenceUser } from '@shared/room/presence'
import { FormatBar } from './format-bar'

interface SectionEditorProps {
  name: SectionName
  title: string
  fragment: Y.XmlFragment
  awareness: Awareness
  /** This member as teammates see them beside the caret. */
  user: PresenceUser
}

/** A rich-text section bound to its XmlFragment: every keystroke is a Yjs update. */
export function SectionEditor(props: SectionEditorProps): React.JSX.Element {
  const { name, title, fragment, awareness, user } = props
  const editor = useEditor(
    {
      // TipTap would inject a <style> tag, which the CSP forbids; styles.css carries its rules.
      injectCSS: false,
      extensions: [
        // Yjs has its own undo history (Collaboration adds it); ProseMirror's would fight it.
        StarterKit.configure({
          undoRedo: false,
          link: { openOnClick: true, autolink: true, protocols: ['http', 'https'] },
        }),
        Collaboration.configure({ fragment }),
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
      onFocus: () => setLocalSection(awareness, name),
      onBlur: () => setLocalSection(awareness, null),
      editorProps: {
        attributes: {
          'aria-label': title,
          'aria-multiline': 'true',
          role: 'textbox',
          class: 'section-editor__content',
          'data-section': name,
        },
      },
    },
    // The caret's user is read when the editor starts; later role changes reach the awareness
    // through the room connection, so `user` is deliberately not a dependency.
    [fragment, awareness],
  )

  return (
    <section
      className="section-editor"
      aria-labelledby={`section-${name}-title`}
      id={`section-${name}`}
    >
      <div className="section-editor__head">
        <h2 id={`section-${name}-title`}>{title}</h2>
        {editor && <FormatBar editor={editor} />}
      </div>
      <EditorContent editor={editor} />
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
