/** The customer update as the public reply on the ticket: HTML for rich help desks, and text. */
import type * as Y from 'yjs'
import { fragmentToHtml } from './fragment-html'
import { fragmentToText } from './fragment-text'

export interface CustomerReply {
  html: string
  text: string
}

export function customerReply(doc: Y.Doc): CustomerReply {
  const fragment = doc.getXmlFragment('customerUpdate')
  return { html: fragmentToHtml(fragment), text: fragmentToText(fragment) }
}
