import { useEffect, useState } from 'react'
import { swarmroom } from '../api'

/** "A new version is ready": shown once an update has downloaded, with Restart to update. */
export function UpdateBanner(): React.JSX.Element | null {
  const [version, setVersion] = useState<string>()
  const [problem, setProblem] = useState<string>()

  useEffect(() => {
    void swarmroom.app.updates().then((result) => {
      if (result.ok && result.value.status.state === 'ready')
        setVersion(result.value.status.version)
    })
    return swarmroom.events.on('app:updateReady', (event) => setVersion(event.version))
  }, [])

  if (!version) return null
  return (
    <div className="notice notice--info update-banner" role="status">
      <p>
        Swarmroom {version} is ready. It is installed the next time you quit
        {problem ? `. ${problem}` : ', or now:'}
      </p>
      <button
        type="button"
        className="button button--primary"
        onClick={() =>
          void swarmroom.app.installUpdate().then((result) => {
            if (!result.ok) setProblem(result.error.message)
          })
        }
      >
        Restart to update
      </button>
    </div>
  )
}
