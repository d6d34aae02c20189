/**
 * Whether a section has been written in. Prompts are placeholders in the editor and never
 * part of the document, so what a section holds is exactly what someone wrote.
 */
import type * as Y from 'yjs'
import { fragmentToPlainText } from './rich-text'

/** `missing`: no text at all; `present`: someone wrote in it. */
export type SectionState = 'missing' | 'present'

export function sectionState(fragment: Y.XmlFragment): SectionState {
  return fragmentToPlainText(fragment).trim() === '' ? 'missing' : 'present'
}

/** What someone wrote in the section: one line per block, empty lines left out. */
export function sectionText(fragment: Y.XmlFragment): string {
  return fragmentToPlainText(fragment)
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .join('\n')
}
