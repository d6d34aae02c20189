/**
 * Reads a help desk's answer as text, but never more than a cap: a misconfigured address (a
 * file server, a proxy's endless stream) must not fill main's memory. The stream is read chunk
 * by chunk and dropped the moment it passes the cap.
 */

/** What Swarmroom reads of one answer; ticket pages and comment lists are far smaller. */
export const MAX_RESPONSE_BYTES = 10 * 1024 * 1024

/** The body as text, or `undefined` once it is larger than `maxBytes` (the rest is not read). */
export async function readCappedText(
  response: Response,
  maxBytes: number,
): Promise<string | undefined> {
  const declared = Number(response.headers.get('content-length') ?? Number.NaN)
  if (declared > maxBytes) {
    await response.body?.cancel()
    return undefined
  }
  if (!response.body) return ''
  const reader = response.body.getReader()
  const chunks: Uint8Array[] = []
  let size = 0
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    size += value.byteLength
    if (size > maxBytes) {
      await reader.cancel()
      return undefined
    }
    chunks.push(value)
  }
  // As Response.text(): UTF-8, a byte-order mark left out.
  return new TextDecoder().decode(Buffer.concat(chunks))
}

/** "10 MiB", for messages. */
export function sizeInWords(bytes: number): string {
  const mebibytes = bytes / (1024 * 1024)
  return mebibytes >= 1 ? `${Number(mebibytes.toFixed(1))} MiB` : `${Math.ceil(bytes / 1024)} KiB`
}
