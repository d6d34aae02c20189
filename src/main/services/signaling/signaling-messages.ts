/**
 * The messages of y-webrtc's signaling protocol (as its `bin/server.js` reads them), checked
 * field by field: anything else is untrusted noise and reads as `undefined`.
 */

export type SignalingMessage =
  | { type: 'subscribe'; topics: string[] }
  | { type: 'unsubscribe'; topics: string[] }
  /** `text` is the whole message as received, forwarded to the topic's subscribers. */
  | { type: 'publish'; topic: string; text: string }
  | { type: 'ping' }

/**
 * Reads one text frame. Topics that are not strings of 1 to `maxTopicLength` characters are
 * left out of a (un)subscribe; a publish to such a topic reads as `undefined`.
 */
export function parseSignalingMessage(
  text: string,
  maxTopicLength: number,
): SignalingMessage | undefined {
  let message: unknown
  try {
    message = JSON.parse(text)
  } catch {
    return undefined
  }
  if (!isRecord(message)) return undefined
  const isTopic = (topic: unknown): topic is string =>
    typeof topic === 'string' && topic.length > 0 && topic.length <= maxTopicLength
  switch (message['type']) {
    case 'subscribe':
    case 'unsubscribe': {
      const topics = message['topics']
      if (!Array.isArray(topics)) return undefined
      return { type: message['type'], topics: topics.filter(isTopic) }
    }
    case 'publish': {
      const topic = message['topic']
      return isTopic(topic) ? { type: 'publish', topic, text } : undefined
    }
    case 'ping':
      return { type: 'ping' }
    default:
      return undefined
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
