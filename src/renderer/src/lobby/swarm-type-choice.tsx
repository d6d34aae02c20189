import { SWARM_TYPES, SWARM_TYPE_NAMES, type SwarmType } from '@shared/case/schema'

/** What each swarm type is for, in one line, so the choice is an informed one. */
export const SWARM_TYPE_DESCRIPTIONS: Record<SwarmType, string> = {
  'vip-incident': 'A key account is hurt right now and needs fast, regular updates.',
  'cross-functional-blocker': 'The answer needs billing, product or engineering working together.',
  'sensitive-complaint': 'An escalated, legal or privacy complaint where every word counts.',
  'emerging-pattern': 'Several customers report the same problem: find the cause once.',
  other: 'Any other case that needs more than one person.',
}

interface SwarmTypeChoiceProps {
  value: SwarmType | undefined
  onChange: (type: SwarmType) => void
  invalid: boolean
  errorId: string
}

/** The swarm types as radio buttons, none chosen until the user chooses. */
export function SwarmTypeChoice(props: SwarmTypeChoiceProps): React.JSX.Element {
  const { value, onChange, invalid, errorId } = props
  return (
    <fieldset
      className={invalid ? 'field swarm-types--invalid' : 'field'}
      aria-describedby={invalid ? errorId : undefined}
    >
      <legend>Swarm type</legend>
      <div className="swarm-types">
        {SWARM_TYPES.map((type) => (
          <label key={type} className="choice swarm-type">
            <input
              type="radio"
              name="swarm-type"
              value={type}
              checked={value === type}
              onChange={() => onChange(type)}
              aria-labelledby={`swarm-type-${type}`}
              aria-describedby={`swarm-type-${type}-description`}
            />
            <span>
              <span id={`swarm-type-${type}`} className="swarm-type__name">
                {SWARM_TYPE_NAMES[type]}
              </span>
              <span id={`swarm-type-${type}-description`} className="swarm-type__description">
                {SWARM_TYPE_DESCRIPTIONS[type]}
              </span>
            </span>
          </label>
        ))}
      </div>
    </fieldset>
  )
}
