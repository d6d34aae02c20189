import { defaultRangeExtractor, useVirtualizer, type Range } from '@tanstack/react-virtual'
import {
  useCallback,
  useEffect,
  useLayoutEffect,
  useRef,
  useState,
  type CSSProperties,
  type Ref,
} from 'react'
import type { ActionEntry } from '@shared/case/schema'
import { onEntryReveal } from './entry-reveal'
import { scrollParent } from './scroll-parent'

/** What each entry's `<li>` carries so the list can measure it and say where it stands. */
export interface TimelineItemProps {
  ref: Ref<HTMLLIElement>
  'data-index': number
  'aria-posinset': number
  'aria-setsize': number
  style: CSSProperties
}

interface TimelineListProps {
  /** Newest first, as shown. */
  entries: readonly ActionEntry[]
  /** Entries kept in the page wherever the list is scrolled (those being edited). */
  pinned: ReadonlySet<string>
  renderEntry: (entry: ActionEntry, item: TimelineItemProps) => React.JSX.Element
}

/** Most entries are two lines of text and a line of details. */
const ESTIMATED_HEIGHT = 84
const GAP = 8
/** Entries kept in the page beyond each edge, so Tab reaches the next one before it scrolls in. */
const OVERSCAN = 6

/**
 * The timeline's entries, rendered only near the part of the list in view: a case with
 * thousands of entries otherwise builds and lays out every one of them on open and on every
 * change. The entry holding the keyboard focus, and any being edited, stay in the page while
 * they scroll away.
 */
export function TimelineList(props: TimelineListProps): React.JSX.Element {
  const { entries, pinned, renderEntry } = props
  const list = useRef<HTMLOListElement>(null)
  const [scroller, setScroller] = useState<HTMLElement | null>(null)
  const [offset, setOffset] = useState(0)
  const focused = useRef<number | undefined>(undefined)
  const kept = useRef({ entries, pinned })
  useLayoutEffect(() => {
    kept.current = { entries, pinned }
  }, [entries, pinned])

  useLayoutEffect(() => {
    if (!list.current) return
    const parent = scrollParent(list.current)
    setScroller(parent)
    // Where the list starts within what scrolls: the form and filters sit above it.
    setOffset(
      list.current.getBoundingClientRect().top -
        parent.getBoundingClientRect().top +
        parent.scrollTop,
    )
  }, [])

  const keepFocused = useCallback((range: Range): number[] => {
    const shown = new Set(defaultRangeExtractor(range))
    if (focused.current !== undefined && focused.current < range.count) shown.add(focused.current)
    if (kept.current.pinned.size > 0) {
      kept.current.entries.forEach((entry, index) => {
        if (kept.current.pinned.has(entry.id)) shown.add(index)
      })
    }
    return [...shown].sort((a, b) => a - b)
  }, [])

  // Nothing here is compiled by React Compiler; the virtualizer is read afresh every render.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: entries.length,
    getScrollElement: () => scroller,
    estimateSize: () => ESTIMATED_HEIGHT,
    getItemKey: (index) => entries[index]?.id ?? index,
    gap: GAP,
    overscan: OVERSCAN,
    scrollMargin: offset,
    rangeExtractor: keepFocused,
    // A screenful before the panel is measured, so the first paint already shows entries.
    initialRect: { width: 0, height: window.innerHeight },
    useFlushSync: false,
  })

  useEffect(
    () =>
      onEntryReveal((actionId) => {
        const index = entries.findIndex((entry) => entry.id === actionId)
        if (index >= 0) virtualizer.scrollToIndex(index, { align: 'center' })
      }),
    [entries, virtualizer],
  )

  const items = virtualizer.getVirtualItems()

  return (
    <ol
      ref={list}
      className="timeline__list timeline__list--virtual"
      reversed
      style={{ height: virtualizer.getTotalSize() }}
      onFocus={(event) => {
        const item = (event.target as HTMLElement).closest<HTMLElement>('[data-index]')
        focused.current = item ? Number(item.dataset['index']) : undefined
      }}
      onBlur={() => {
        focused.current = undefined
      }}
    >
      {items.map((item) => {
        const entry = entries[item.index]
        if (!entry) return null
        return renderEntry(entry, {
          ref: virtualizer.measureElement,
          'data-index': item.index,
          'aria-posinset': item.index + 1,
          'aria-setsize': entries.length,
          // Placed, not in flow: an entry kept in the page (focused, being edited) may be far
          // from the others.
          style: { transform: `translateY(${item.start - offset}px)` },
        })
      })}
    </ol>
  )
}
