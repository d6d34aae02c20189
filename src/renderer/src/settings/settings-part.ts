/** What saving one part of the settings said: a confirmation, or an error in words to act on. */
export interface SaveMessage {
  error: boolean
  text: string
}

/**
 * One part of the settings form (name, appearance, updates, network). The page's one Save
 * button saves only the parts whose `changed` is true; a part that fails keeps what was typed.
 */
export interface SettingsPart {
  changed: boolean
  save: () => Promise<SaveMessage>
}
