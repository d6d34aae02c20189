import Collaboration from '@tiptap/extension-collaboration'
import { EditorContent, useEditor, useEditorState, type Editor } from '@tiptap/react'
import StarterKit from '@tiptap/starter-kit'
import { useEffect, useRef, type ReactNode } from 'react'
import type * as Y from 'yjs'
import type { SectionName } from '@shared/case/schema'

interface SectionEditorProps {
  name: SectionName
  title: string
  fragment: Y.XmlFragment
  /**
   * False while the text is not this member's to change (the customer update under review).
   * @default true
   */
  editable?: boolean
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
  const { name, title, fragment, editable = true, onSelectText } = props
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
          link: { openOnClick: true, autolink: true, protocols: ['http', 'https'] },
        }),
        Collaboration.configure({ fragment }),
      ],
      editable,
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
          role: 'textbox',
          class: 'section-editor__content',
          'data-section': name,
        }),
      },
    },
    [fragment],
  )

  useEffect(() => {
    readOnly.current = !editable
    if (editor && editor.isEditable !== editable) editor.setEditable(editable)
  }, [editor, editable])

  return (
    <section
      className={`section-editor ${props.className ?? ''}`}
      aria-labelledby={`section-${name}`}
    >
      <div className="section-editor__head">
        <h2 id={`section-${name}`}>{title}</h2>
        {editor && editable && <FormatBar editor={editor} />}
      </div>
      {props.banner}
      <EditorContent editor={editor} />
      {props.children}
    </section>
  )
}

function FormatBar({ editor }: { editor: Editor }): React.JSX.Element {
  const active = useEditorState({
    editor,
    selector: ({ editor: current }) => ({
      bold: current.isActive('bold'),
      italic: current.isActive('italic'),
      bulletList: current.isActive('bulletList'),
      orderedList: current.isActive('orderedList'),
    }),
  })
  const buttons = [
    {
      key: 'bold',
      label: 'Bold (Ctrl+B)',
      text: 'B',
      run: () => editor.chain().focus().toggleBold().run(),
    },
    {
      key: 'italic',
      label: 'Italic (Ctrl+I)',
      text: 'I',
      run: () => editor.chain().focus().toggleItalic().run(),
    },
    {
      key: 'bulletList',
      label: 'Bulleted list',
      text: '•',
      run: () => editor.chain().focus().toggleBulletList().run(),
    },
    {
      key: 'orderedList',
      label: 'Numbered list',
      text: '1.',
      run: () => editor.chain().focus().toggleOrderedList().run(),
    },
  ] as const
  return (
    <div className="format-bar" role="toolbar" aria-label="Formatting">
      {buttons.map((button) => (
        <button
          key={button.key}
          type="button"
          className="format-bar__button"
          aria-label={button.label}
          title={button.label}
          aria-pressed={active[button.key]}
          onMouseDown={(event) => event.preventDefault()}
          onClick={button.run}
        >
          {button.text}
        </button>
      ))}
    </div>
  )
}
