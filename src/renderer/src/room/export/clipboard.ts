/**
 * Puts a note on the clipboard as rich text (HTML, for pasting into a help desk's editor) and
 * as plain text (for everything else). Where rich copying is refused, plain text still goes.
 * @returns 'rich' when both went, 'plain' when only the text did
 */
export async function copyToClipboard(html: string, text: string): Promise<'rich' | 'plain'> {
  if (typeof ClipboardItem !== 'undefined' && typeof navigator.clipboard.write === 'function') {
    try {
      await navigator.clipboard.write([
        new ClipboardItem({
          'text/html': new Blob([html], { type: 'text/html' }),
          'text/plain': new Blob([text], { type: 'text/plain' }),
        }),
      ])
      return 'rich'
    } catch (error) {
      console.warn('rich copy refused; copying plain text', error)
    }
  }
  await navigator.clipboard.writeText(text)
  return 'plain'
}
