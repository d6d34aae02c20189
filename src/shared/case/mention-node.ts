/**
 * An @mention picked from the member list, as TipTap's Mention extension stores it through
 * y-prosemirror: an inline Y.XmlElement `mention` with the member's id in `id` and their name
 * when mentioned in `label`. Readers show it as "@Name"; mentions typed as plain "@Name" text
 * (older cases) are found by mentions.ts.
 */
import * as Y from 'yjs'
import { isNestedTooDeeply } from './nesting'

export const MENTION_NODE = 'mention'

export function isMentionNode(node: Y.XmlElement): boolean {
  return node.nodeName === MENTION_NODE
}

/** The member id the mention names, or undefined when a peer wrote something else there. */
export function mentionedMemberId(element: Y.XmlElement): string | undefined {
  const id: unknown = element.getAttribute('id')
  return typeof id === 'string' && id !== '' ? id : undefined
}

/** How the mention reads in text, exports and search: `@Dana Whitfield`. */
export function mentionText(element: Y.XmlElement): string {
  const label: unknown = element.getAttribute('label')
  return `@${typeof label === 'string' && label.trim() !== '' ? label.trim() : 'teammate'}`
}

/** Every mention node under the fragment, in document order. */
export function mentionNodes(parent: Y.XmlFragment | Y.XmlElement): Y.XmlElement[] {
  if (isNestedTooDeeply(parent)) return []
  return parent.toArray().flatMap((child) => {
    if (!(child instanceof Y.XmlElement)) return []
    return isMentionNode(child) ? [child] : mentionNodes(child)
  })
}
