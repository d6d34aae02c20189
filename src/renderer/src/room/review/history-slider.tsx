import type { SnapshotRecord } from '@shared/case/schema'
import { clockTime } from '../../common/format'

interface HistorySliderProps {
  records: readonly SnapshotRecord[]
  /** Index in `records`; null for now. */
  selected: number | null
  disabled: boolean
  onSelect: (index: number | null) => void
}

/** Moves through the moments the case kept (events, typing) up to now; arrow keys step. */
export function HistorySlider(props: HistorySliderProps): React.JSX.Element {
  const { records, selected, disabled } = props
  const now = records.length
  const value = selected ?? now
  const record = selected === null ? undefined : records[selected]
  const label = record ? `${clockTime(record.at)}: ${record.label || 'Snapshot'}` : 'Now'
  return (
    <div className="history-slider">
      <label className="history-slider__label" htmlFor="history-slider">
        History
      </label>
      <input
        id="history-slider"
        type="range"
        min={0}
        max={now}
        step={1}
        value={value}
        disabled={disabled || now === 0}
        aria-valuetext={label}
        onChange={(event) => {
          const index = Number(event.target.value)
          props.onSelect(index >= now ? null : index)
        }}
      />
      <output className="history-slider__moment" htmlFor="history-slider" aria-live="polite">
        {label}
        <span className="history-slider__count">
          {now === 0 ? 'No earlier moments kept yet' : `moment ${value + 1} of ${now + 1}`}
        </span>
      </output>
    </div>
  )
}
