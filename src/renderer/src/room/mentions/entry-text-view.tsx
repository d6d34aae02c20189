import { entryPieces, type EntryMention } from './entry-text'
import './mention-picker.css'

/** A timeline entry's text with each member picked in it shown as a name pill. */
export function EntryTextView(props: {
  text: string
  mentions: readonly EntryMention[]
}): React.JSX.Element {
  return (
    <>
      {entryPieces(props.text, props.mentions).map((piece, index) =>
        piece.kind === 'text' ? (
          piece.text
        ) : (
          <span key={index} className="mention-pill" data-id={piece.mention.memberId}>
            @{piece.mention.name}
          </span>
        ),
      )}
    </>
  )
}
