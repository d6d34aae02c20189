import type { CheckItem, CompletenessCheck, Gap } from '@shared/case/completeness'

const GAP_NAMES: Record<Gap, string> = {
  missing: 'Missing',
  incomplete: 'Not there yet',
}

interface CompletenessListProps {
  title: string
  check: CompletenessCheck
}

/** One check (handoff or escalation): every part it needs, done or with what is wrong. */
export function CompletenessList({ title, check }: CompletenessListProps): React.JSX.Element {
  const open = check.items.filter((item) => !item.ok).length
  return (
    <div className="completeness">
      <p className="completeness__title">
        <strong>{title}</strong>
        <span
          className={`completeness__verdict completeness__verdict--${check.complete ? 'ok' : 'gaps'}`}
        >
          {check.complete ? 'Ready' : open === 1 ? '1 gap' : `${open} gaps`}
        </span>
      </p>
      <ul className="completeness__items" aria-label={title}>
        {check.items.map((item) => (
          <CompletenessItem key={item.key} item={item} />
        ))}
      </ul>
    </div>
  )
}

function CompletenessItem({ item }: { item: CheckItem }): React.JSX.Element {
  return (
    <li className={`completeness__item completeness__item--${item.ok ? 'ok' : 'gap'}`}>
      <span className="completeness__mark" aria-hidden="true">
        {item.ok ? '✓' : '!'}
      </span>
      <span className="completeness__label">
        {item.label}
        {item.gap && <span className={`gap-tag gap-tag--${item.gap}`}>{GAP_NAMES[item.gap]}</span>}
        <span className="completeness__sr-only">{item.ok ? ': done' : ':'}</span>
        {item.problem && <span className="completeness__problem">{item.problem}</span>}
      </span>
    </li>
  )
}
