import { ARTICLE_FIELDS, type ConnectorKind } from '@shared/help-desk-connections'
import './knowledge-base-fields.css'

interface KnowledgeBaseFieldsProps {
  kind: ConnectorKind
  config: Record<string, string>
  onConfig: (config: Record<string, string>) => void
  /** Help Scout Docs' API key as typed now; it is never shown back once saved. */
  docsApiKey: string
  onDocsApiKey: (key: string) => void
  editing: boolean
}

/**
 * Where knowledge-base drafts go, for the vendors Swarmroom can post them to: only that
 * vendor's settings, all optional, as only posting an article needs them.
 */
export function KnowledgeBaseFields(props: KnowledgeBaseFieldsProps): React.JSX.Element | null {
  const fields = ARTICLE_FIELDS[props.kind]
  const docs = props.kind === 'helpscout'
  if (!fields || (fields.length === 0 && !docs)) return null
  return (
    <fieldset className="kb-fields">
      <legend>Knowledge base (optional)</legend>
      <p className="kb-fields__hint">
        Only needed to post a case’s knowledge-base draft as a draft article.
      </p>
      {fields.map((field) => (
        <label key={`${props.kind}-${field.name}`} className="field">
          <span>{field.label}</span>
          <input
            type={field.type}
            value={props.config[field.name] ?? ''}
            placeholder={field.placeholder}
            onChange={(event) =>
              props.onConfig({ ...props.config, [field.name]: event.target.value })
            }
          />
        </label>
      ))}
      {docs && (
        <label className="field">
          <span>Docs API key</span>
          <input
            type="password"
            autoComplete="off"
            value={props.docsApiKey}
            placeholder={
              props.editing ? 'Leave empty to keep the saved one' : 'From Your Profile → API Keys'
            }
            onChange={(event) => props.onDocsApiKey(event.target.value)}
          />
        </label>
      )}
    </fieldset>
  )
}
