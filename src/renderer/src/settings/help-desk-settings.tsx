import { useEffect, useRef, useState } from 'react'
import type { ConnectionView } from '@shared/channels/export'
import { swarmroom } from '../api'
import { ConnectionForm } from './connection-form'
import { ConnectionRow, type TestOutcome } from './connection-row'
import './help-desks.css'

type Editing = { kind: 'none' } | { kind: 'new' } | { kind: 'existing'; connection: ConnectionView }

interface HelpDeskSettingsProps {
  /** A connection to open for editing once the list is read, and scroll to. */
  open?: string | undefined
}

/** Connections to the help desks cases are exported to; their secrets stay in main. */
export function HelpDeskSettings({ open }: HelpDeskSettingsProps): React.JSX.Element {
  const [connections, setConnections] = useState<ConnectionView[]>()
  const opened = useRef(false)
  const list = useRef<HTMLUListElement>(null)
  const [error, setError] = useState<string>()
  const [editing, setEditing] = useState<Editing>({ kind: 'none' })
  const [outcomes, setOutcomes] = useState<Record<string, TestOutcome | 'testing'>>({})

  async function reload(): Promise<void> {
    show(await swarmroom.connections.list())
  }

  function show(result: Awaited<ReturnType<typeof swarmroom.connections.list>>): void {
    if (result.ok) setConnections(result.value)
    else setError(result.error.message)
  }

  useEffect(() => {
    void swarmroom.connections.list().then(show)
  }, [])

  useEffect(() => {
    const connection = connections?.find((candidate) => candidate.id === open)
    if (!connection || opened.current) return
    opened.current = true
    setEditing({ kind: 'existing', connection })
  }, [connections, open])

  useEffect(() => {
    if (editing.kind === 'existing' && editing.connection.id === open) {
      list.current?.scrollIntoView({ block: 'start' })
    }
  }, [editing, open])

  async function test(id: string): Promise<void> {
    setOutcomes((current) => ({ ...current, [id]: 'testing' }))
    const result = await swarmroom.connections.test({ id })
    const outcome = result.ok ? result.value : { ok: false, message: result.error.message }
    setOutcomes((current) => ({ ...current, [id]: outcome }))
  }

  async function saved(connection: ConnectionView): Promise<void> {
    setEditing({ kind: 'none' })
    await reload()
    await test(connection.id)
  }

  return (
    <div className="help-desks">
      <p className="help-desks__intro">
        Connect the help desk your team uses, so the case owner can post the internal note and the
        approved reply to the ticket. Without a connection you can still copy them or save them as
        files.
      </p>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      {connections && connections.length === 0 && editing.kind === 'none' && (
        <p className="help-desks__empty">No help desk connected yet.</p>
      )}
      <ul className="help-desks__list" ref={list}>
        {connections?.map((connection) =>
          editing.kind === 'existing' && editing.connection.id === connection.id ? (
            <li key={connection.id}>
              <ConnectionForm
                editing={connection}
                onSaved={(changed) => void saved(changed)}
                onCancel={() => setEditing({ kind: 'none' })}
              />
            </li>
          ) : (
            <ConnectionRow
              key={connection.id}
              connection={connection}
              outcome={outcomes[connection.id]}
              onTest={() => void test(connection.id)}
              onEdit={() => setEditing({ kind: 'existing', connection })}
              onRemoved={() => void reload()}
            />
          ),
        )}
      </ul>
      {editing.kind === 'new' ? (
        <ConnectionForm
          onSaved={(added) => void saved(added)}
          onCancel={() => setEditing({ kind: 'none' })}
        />
      ) : (
        <button className="button" onClick={() => setEditing({ kind: 'new' })}>
          Add a help desk
        </button>
      )}
    </div>
  )
}
