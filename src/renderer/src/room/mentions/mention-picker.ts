/**
 * The list that opens on @ in an editor: the case's members, narrowed as the name is typed.
 * The keyboard stays in the editor; arrows move through the list (announced through
 * aria-activedescendant on the editor), Enter or Tab picks, Escape closes.
 */
import type { SuggestionKeyDownProps, SuggestionProps } from '@tiptap/suggestion'
import type { NamedMember } from '@shared/case/mentions'
import './mention-picker.css'

/** What TipTap's Mention node keeps: the member id, and the name shown in the pill. */
export interface MentionPick {
  id: string
  label: string
}

type PickerProps = SuggestionProps<NamedMember, MentionPick>

interface Picker {
  onStart: (props: PickerProps) => void
  onUpdate: (props: PickerProps) => void
  onKeyDown: (props: SuggestionKeyDownProps) => boolean
  onExit: () => void
}

let pickers = 0

export function createMentionPicker(): Picker {
  const listId = `mention-picker-${++pickers}`
  const list = document.createElement('ul')
  list.id = listId
  list.className = 'mention-picker'
  list.setAttribute('role', 'listbox')
  list.setAttribute('aria-label', 'Mention a teammate')
  let current: PickerProps | undefined
  let active = 0
  let unmount: (() => void) | undefined

  function pick(index: number): void {
    const member = current?.items[index]
    if (member) current?.command({ id: member.memberId, label: member.name })
  }

  function draw(): void {
    const items = current?.items ?? []
    const options = items.map((member, index) => {
      const option = document.createElement('li')
      option.id = `${listId}-${index}`
      option.className = 'mention-picker__option'
      option.setAttribute('role', 'option')
      option.setAttribute('aria-selected', String(index === active))
      option.textContent = member.name
      // Keeps the editor's focus and selection: the click picks, the editor goes on.
      option.addEventListener('mousedown', (event) => event.preventDefault())
      option.addEventListener('click', () => pick(index))
      return option
    })
    if (options.length === 0) {
      const none = document.createElement('li')
      none.className = 'mention-picker__none'
      none.setAttribute('role', 'option')
      none.setAttribute('aria-disabled', 'true')
      none.setAttribute('aria-selected', 'false')
      none.textContent = `No one in this case is called “${current?.query ?? ''}”`
      options.push(none)
    }
    list.replaceChildren(...options)
    const editor = current?.editor.view.dom
    if (items.length > 0) editor?.setAttribute('aria-activedescendant', `${listId}-${active}`)
    else editor?.removeAttribute('aria-activedescendant')
    keepInView(list.querySelector<HTMLElement>('[aria-selected="true"]'), list)
  }

  return {
    onStart: (props) => {
      current = props
      active = 0
      props.editor.view.dom.setAttribute('aria-controls', listId)
      draw()
      unmount = props.mount(list)
    },
    onUpdate: (props) => {
      current = props
      active = Math.min(active, Math.max(0, props.items.length - 1))
      draw()
    },
    onKeyDown: ({ event }) => {
      const count = current?.items.length ?? 0
      if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
        if (count > 0) active = (active + (event.key === 'ArrowDown' ? 1 : -1) + count) % count
        draw()
        return true
      }
      if (event.key === 'Enter' || event.key === 'Tab') {
        if (count === 0) return false
        pick(active)
        return true
      }
      return false
    },
    onExit: () => {
      const editor = current?.editor.view.dom
      editor?.removeAttribute('aria-activedescendant')
      editor?.removeAttribute('aria-controls')
      unmount?.()
      unmount = undefined
      current = undefined
    },
  }
}

/** Scrolls the list, never the page, so the chosen name can be seen. */
function keepInView(option: HTMLElement | null, list: HTMLElement): void {
  if (!option) return
  if (option.offsetTop < list.scrollTop) list.scrollTop = option.offsetTop
  const bottom = option.offsetTop + option.offsetHeight
  if (bottom > list.scrollTop + list.clientHeight) list.scrollTop = bottom - list.clientHeight
}
