import { useEffect, useLayoutEffect, useRef, useState } from 'react'
import { CASE_STATUS_NAMES } from '@shared/case/schema'
import type { SearchHit, SearchResult } from '@shared/channels/search'
import { swarmroom } from '../api'
import { ticketLabel } from '../common/format'
import { takeSearchFocusRequest } from '../search-request'
import './case-search.css'

interface CaseSearchProps {
  onOpen: (roomId: string, place?: string) => void
}

type Found =
  | { state: 'idle' }
  | { state: 'searching' }
  | { state: 'done'; results: SearchResult[]; unreadable: string[] }
  | { state: 'failed'; message: string }

/** How long typing pauses before the search runs. */
const PAUSE_MS = 120

/**
 * Search across every case on this computer, offline, as you type. Ctrl+K (Cmd+K) focuses it;
 * arrow keys move through the hits and Enter opens the case at the chosen one.
 */
export function CaseSearch({ onOpen }: CaseSearchProps): React.JSX.Element {
  const input = useRef<HTMLInputElement>(null)
  const [query, setQuery] = useState('')
  const [found, setFound] = useState<Found>({ state: 'idle' })
  const [active, setActive] = useState(0)

  // A layout effect: the shortcut works from the moment the search box can be seen.
  useLayoutEffect(() => {
    if (takeSearchFocusRequest()) input.current?.focus()
    const onKeyDown = (event: KeyboardEvent): void => {
      if (event.key.toLowerCase() !== 'k' || !(event.ctrlKey || event.metaKey)) return
      event.preventDefault()
      input.current?.focus()
      input.current?.select()
    }
    window.addEventListener('keydown', onKeyDown)
    return () => window.removeEventListener('keydown', onKeyDown)
  }, [])

  const latest = useRef(0)
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined)
  useEffect(() => () => clearTimeout(timer.current), [])

  function search(next: string): void {
    setQuery(next)
    clearTimeout(timer.current)
    const asked = ++latest.current
    if (next.trim() === '') {
      setFound({ state: 'idle' })
      return
    }
    // The previous results stay up while the next ones come, instead of flickering.
    if (found.state !== 'done') setFound({ state: 'searching' })
    timer.current = setTimeout(() => {
      void swarmroom.search.cases({ query: next }).then((result) => {
        // An answer to an older query that arrives late is dropped.
        if (asked !== latest.current) return
        setActive(0)
        setFound(
          result.ok
            ? { state: 'done', ...result.value }
            : { state: 'failed', message: result.error.message },
        )
      })
    }, PAUSE_MS)
  }

  const options = found.state === 'done' ? flatten(found.results) : []

  function onKeyDown(event: React.KeyboardEvent): void {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault()
      const step = event.key === 'ArrowDown' ? 1 : -1
      if (options.length > 0) setActive((active + step + options.length) % options.length)
    } else if (event.key === 'Enter') {
      const option = options[active]
      if (option) onOpen(option.result.roomId, option.hit.place)
    } else if (event.key === 'Escape') {
      search('')
    }
  }

  const expanded = query.trim() !== ''
  return (
    <section className="case-search" aria-label="Search cases">
      <input
        ref={input}
        type="search"
        className="case-search__input"
        placeholder="Search all cases: words, ticket, customer (Ctrl+K)"
        aria-label="Search all cases"
        role="combobox"
        aria-expanded={expanded}
        aria-controls="case-search-results"
        aria-autocomplete="list"
        aria-activedescendant={options[active] ? optionId(active) : undefined}
        value={query}
        onChange={(event) => search(event.target.value)}
        onKeyDown={onKeyDown}
      />
      {expanded && (
        <div className="case-search__panel">
          {found.state === 'searching' && <p className="case-search__note">Searching…</p>}
          {found.state === 'failed' && (
            <p className="field-error" role="alert">
              {found.message}
            </p>
          )}
          {found.state === 'done' && found.results.length === 0 && (
            <p className="case-search__note" role="status">
              No case on this computer mentions all of “{query.trim()}”.
            </p>
          )}
          {found.state === 'done' && found.unreadable.length > 0 && (
            <p className="case-search__note">
              Not searched, their saved files could not be read: {found.unreadable.join(', ')}.
            </p>
          )}
          <ul id="case-search-results" className="case-search__results" role="listbox">
            {options.map((option, index) => (
              <li
                key={`${option.result.roomId}:${option.hit.place ?? option.hit.label}`}
                id={optionId(index)}
                role="option"
                aria-selected={index === active}
                className="case-search__hit"
                onMouseEnter={() => setActive(index)}
                onMouseDown={(event) => event.preventDefault()}
                onClick={() => onOpen(option.result.roomId, option.hit.place)}
              >
                {option.first && (
                  <span className="case-search__case">
                    <strong>{option.result.title}</strong>
                    <CaseWho result={option.result} />
                    <span>{ticketLabel(option.result.ticket)}</span>
                    <span className={`status status--${option.result.status}`}>
                      {CASE_STATUS_NAMES[option.result.status]}
                    </span>
                  </span>
                )}
                <span className="case-search__where">{option.hit.label}</span>
                <Snippet hit={option.hit} />
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  )
}

const day = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' })

/** The customer and the case's date: what tells two cases about the same thing apart. */
function CaseWho({ result }: { result: SearchResult }): React.JSX.Element {
  const { customer, requester, createdAt } = result
  const who = [customer, requester]
    .filter((name, index, names) => name !== '' && names.indexOf(name) === index)
    .join(', ')
  const opened = new Date(createdAt)
  return (
    <>
      {who !== '' && <span className="case-search__customer">{who}</span>}
      {!Number.isNaN(opened.getTime()) && (
        <span>
          Opened <time dateTime={createdAt}>{day.format(opened)}</time>
        </span>
      )}
    </>
  )
}

function Snippet({ hit }: { hit: SearchHit }): React.JSX.Element {
  const parts: React.ReactNode[] = []
  let at = 0
  for (const [start, end] of hit.highlights) {
    if (start > at) parts.push(hit.snippet.slice(at, start))
    parts.push(<mark key={start}>{hit.snippet.slice(start, end)}</mark>)
    at = end
  }
  parts.push(hit.snippet.slice(at))
  return (
    <span className="case-search__snippet">
      {hit.clippedStart && '…'}
      {parts}
      {hit.clippedEnd && '…'}
    </span>
  )
}

interface Option {
  result: SearchResult
  hit: SearchHit
  /** The first hit of its case, which shows the case's title. */
  first: boolean
}

function flatten(results: readonly SearchResult[]): Option[] {
  return results.flatMap((result) =>
    result.hits.map((hit, index) => ({ result, hit, first: index === 0 })),
  )
}

function optionId(index: number): string {
  return `case-search-option-${index}`
}
