import type { ExportPreview as Preview } from '@shared/channels/export'
import { CONNECTOR_NAMES } from '@shared/help-desk-connections'

interface PartPreviewProps {
  title: string
  audience: string
  format: Preview['format']
  posted: string
  children?: React.ReactNode
}

/**
 * Exactly what the help desk receives: the HTML as it will look, or the plain text as it is.
 * The HTML is Swarmroom's own rendering of the case, every text in it escaped.
 */
function PartPreview(props: PartPreviewProps): React.JSX.Element {
  const id = `preview-${props.title.toLowerCase().replace(/\W+/g, '-')}`
  return (
    <section className="export-preview__part" aria-labelledby={id}>
      <header className="export-preview__head">
        <h3 id={id}>{props.title}</h3>
        <span className="export-preview__audience">{props.audience}</span>
      </header>
      {props.children}
      {props.format === 'html' ? (
        // A document of its own (its headings are the ticket's, not this screen's outline).
        <div
          className="export-preview__body export-preview__body--html"
          role="document"
          aria-label={`${props.title} as posted`}
          tabIndex={0}
          dangerouslySetInnerHTML={{ __html: props.posted }}
        />
      ) : (
        <pre className="export-preview__body" tabIndex={0}>
          {props.posted}
        </pre>
      )}
    </section>
  )
}

const APPROVAL_TEXT = {
  draft: 'Not approved: still a draft.',
  'review-requested': 'Not approved: waiting for the owner’s review.',
  'changes-requested': 'Not approved: changes were requested.',
  approved: 'Approved.',
} as const

export function ExportPreview({ preview }: { preview: Preview }): React.JSX.Element {
  const { reply } = preview
  const approval = reply.approval.valid
    ? 'Approved: this exact text.'
    : reply.approval.withdrawn
      ? 'Not approved: the text changed after it was approved.'
      : APPROVAL_TEXT[reply.approval.state]
  const vendor = preview.connection ? CONNECTOR_NAMES[preview.connection.kind] : 'the help desk'
  return (
    <div className="export-preview">
      <p className="export-preview__format">
        {preview.format === 'html'
          ? `Posted as formatted text (HTML), as ${vendor} shows it.`
          : `Posted as plain text: ${vendor} takes no formatting.`}
      </p>
      <PartPreview
        title="Internal note"
        audience="Only agents see it"
        format={preview.format}
        posted={preview.note.posted}
      />
      <PartPreview
        title="Public reply"
        audience="The customer gets it"
        format={preview.format}
        posted={reply.written ? reply.posted : ''}
      >
        <p
          className={`export-preview__approval export-preview__approval--${reply.approval.valid ? 'ok' : 'missing'}`}
        >
          {reply.written ? approval : 'The customer update is empty: there is no reply to post.'}
        </p>
      </PartPreview>
    </div>
  )
}
