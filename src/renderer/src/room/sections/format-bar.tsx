import { useEditorState, type Editor } from '@tiptap/react'

/** Bold, italic and lists for one section; the buttons keep the editor's focus. */
export function FormatBar({ editor }: { editor: Editor }): React.JSX.Element {
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
          {/* Drawn by CSS, so the button's visible text is its name alone (WCAG 2.5.3). */}
          <span className="format-bar__glyph" data-glyph={button.text} aria-hidden="true" />
        </button>
      ))}
    </div>
  )
}
