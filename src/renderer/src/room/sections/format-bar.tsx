import { useEditorState, type Editor } from '@tiptap/react'
import { useRef, useState, type KeyboardEvent } from 'react'

/**
 * Bold, italic and lists for one section; the buttons keep the editor's focus. The bar is one
 * tab stop (a roving tabindex): arrow keys, Home and End move between its buttons.
 */
export function FormatBar({ editor }: { editor: Editor }): React.JSX.Element {
  const [current, setCurrent] = useState(0)
  const refs = useRef<(HTMLButtonElement | null)[]>([])
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

  function onKeyDown(event: KeyboardEvent): void {
    const moves: Partial<Record<string, number>> = {
      ArrowRight: current + 1,
      ArrowLeft: current - 1,
      Home: 0,
      End: buttons.length - 1,
    }
    const target = moves[event.key]
    if (target === undefined) return
    // Past either end the arrows wrap around.
    const next = (target + buttons.length) % buttons.length
    event.preventDefault()
    setCurrent(next)
    refs.current[next]?.focus()
  }

  return (
    <div className="format-bar" role="toolbar" aria-label="Formatting" onKeyDown={onKeyDown}>
      {buttons.map((button, index) => (
        <button
          key={button.key}
          ref={(element) => {
            refs.current[index] = element
          }}
          tabIndex={index === current ? 0 : -1}
          onFocus={() => setCurrent(index)}
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
