import { useEffect, useState } from 'react'
import { swarmroom } from '../../api'

/** Whether this case also syncs through the team relay configured in Settings. */
export function RelayChoice(props: { roomId: string; onChanged: () => void }): React.JSX.Element {
  const [relay, setRelay] = useState<boolean>()
  const [configured, setConfigured] = useState<boolean>()
  const [error, setError] = useState<string>()

  useEffect(() => {
    void Promise.all([swarmroom.cases.list(), swarmroom.settings.getNetwork()]).then(
      ([cases, network]) => {
        if (cases.ok) setRelay(cases.value.find((item) => item.roomId === props.roomId)?.relay)
        if (network.ok) setConfigured(network.value.settings.relayUrl !== '')
      },
    )
  }, [props.roomId])

  async function change(next: boolean): Promise<void> {
    const result = await swarmroom.room.setRelay({ roomId: props.roomId, relay: next })
    if (!result.ok) return setError(result.error.message)
    setError(undefined)
    setRelay(result.value.relay)
    props.onChanged()
  }

  return (
    <div className="invite__relay">
      <label className="checkbox">
        <input
          type="checkbox"
          checked={relay ?? false}
          disabled={relay === undefined || (!configured && !relay)}
          onChange={(event) => void change(event.target.checked)}
        />
        Also sync through the team relay (for big swarms, and so the case is there when everyone is
        offline)
      </label>
      {configured === false && (
        <p className="invite__hint">No team relay is set up. An admin can add one in Settings.</p>
      )}
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
    </div>
  )
}
