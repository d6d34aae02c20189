import { EditorContent, useEditor } from '@tiptap/react'
import StarterKit, { type StarterKitOptions } from '@tiptap/starter-kit'
import { useEffect, useRef } from 'react'
import type * as Y from 'yjs'
import { contentToEntry, entryToContent, type EntryText } from './entry-text'
import { caseMembers, memberMention } from './mention-extension'
import './mention-field.css'

/** Everything of StarterKit but the document, paragraphs, text, line breaks and undo. */
const PLAIN_TEXT = {
  blockquote: false,
  bold: false,
  bulletList: false,
  code: false,
  codeBlock: false,
  dropcursor: false,
  gapcursor: false,
  heading: false,
  horizontalRule: false,
  italic: false,
  link: false,
  listItem: false,
  listKeymap: false,
  orderedList: false,
  strike: false,
  trailingNode: false,
  underline: false,
} satisfies Partial<StarterKitOptions>

interface MentionFieldProps {
  /** The field's accessible name, e.g. "What happened". */
  label: string
  value: EntryText
  onChange: (value: EntryText) => void
  /** The case, whose members @ offers. */
  doc: Y.Doc
  placeholder?: string
  /** Id of the hint that describes the field. */
  describedBy?: string
  /** Marks the field that a shortcut puts the keyboard in (see keyboard/shortcuts.ts). */
  shortcutTarget?: string
}

/**
 * A plain-text field where @ picks a member of the case, shown as a name pill. It is a small
 * editor of its own, not bound to the case document: the text reaches the case on submit.
 */
export function MentionField(props: MentionFieldProps): React.JSX.Element {
  const { value, onChange } = props
  const changed = useRef(onChange)
  useEffect(() => {
    changed.current = onChange
  })
  const editor = useEditor({
    injectCSS: false,
    extensions: [
      // Plain paragraphs and line breaks only: the entry is stored as text.
      StarterKit.configure(PLAIN_TEXT),
      memberMention(() => caseMembers(props.doc)),
    ],
    content: entryToContent(value),
    onUpdate: ({ editor: current }) => changed.current(contentToEntry(current.getJSON())),
    editorProps: {
      // A function of the state: the placeholder shows while the field is empty.
      attributes: (state) => ({
        'data-empty': String(state.doc.textContent === '' && state.doc.childCount <= 1),
        'data-placeholder': props.placeholder ?? '',
        ...(props.placeholder ? { 'aria-placeholder': props.placeholder } : {}),
        role: 'textbox',
        'aria-multiline': 'true',
        'aria-label': props.label,
        ...(props.describedBy ? { 'aria-describedby': props.describedBy } : {}),
        ...(props.shortcutTarget ? { 'data-shortcut-target': props.shortcutTarget } : {}),
        class: 'mention-field',
      }),
    },
  })

  // The form cleared or replaced the text (after adding an entry): the editor follows.
  useEffect(() => {
    if (!editor || contentToEntry(editor.getJSON()).text === value.text) return
    editor.commands.setContent(entryToContent(value), { emitUpdate: false })
  }, [editor, value])

  return <EditorContent editor={editor} />
}
