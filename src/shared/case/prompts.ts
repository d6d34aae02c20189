/**
 * Recognising the swarm-type prompts a new case starts with, so that a section still holding
 * only its prompt counts as not filled in, and exports never show a prompt as content.
 */
import type * as Y from 'yjs'
import { fragmentToPlainText } from './rich-text'
import { SWARM_PROMPTS } from './templates'

/** Every prompt of every swarm type (the case's type may have changed since it was created). */
const PROMPT_LINES: readonly string[] = [
  ...new Set(Object.values(SWARM_PROMPTS).flatMap((prompts) => Object.values(prompts).flat())),
].sort((a, b) => b.length - a.length)

/** `missing`: no text; `placeholder`: nothing but prompt text; `present`: someone wrote in it. */
export type SectionState = 'missing' | 'placeholder' | 'present'

export function isPromptText(text: string): boolean {
  const trimmed = text.trim()
  return trimmed !== '' && withoutPrompts(trimmed) === ''
}

/** The text with every prompt taken out, line by line, dropping lines left empty. */
export function withoutPrompts(text: string): string {
  return text
    .split('\n')
    .map((line) => PROMPT_LINES.reduce((rest, prompt) => rest.split(prompt).join(''), line).trim())
    .filter((line) => line !== '')
    .join('\n')
}

export function sectionState(fragment: Y.XmlFragment): SectionState {
  const text = fragmentToPlainText(fragment)
  if (text.trim() === '') return 'missing'
  return withoutPrompts(text) === '' ? 'placeholder' : 'present'
}

/** What someone wrote in the section, prompts left out; one line per block. */
export function sectionText(fragment: Y.XmlFragment): string {
  return withoutPrompts(fragmentToPlainText(fragment))
}
