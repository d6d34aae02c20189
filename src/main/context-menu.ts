/**
 * The right-click menu: spelling suggestions for a misspelled word, then cut, copy and paste
 * as the editor allows. Nothing is shown where there is nothing to do.
 */
import type { ContextMenuParams, MenuItemConstructorOptions } from 'electron'

/** What the menu does to the page: Electron's webContents and its session in the app. */
export interface SpellingTarget {
  replaceMisspelling(word: string): void
  addToDictionary(word: string): void
}

type MenuParams = Pick<
  ContextMenuParams,
  'isEditable' | 'selectionText' | 'misspelledWord' | 'dictionarySuggestions' | 'editFlags'
>

export function contextMenuTemplate(
  params: MenuParams,
  target: SpellingTarget,
): MenuItemConstructorOptions[] {
  const spelling: MenuItemConstructorOptions[] = []
  if (params.isEditable && params.misspelledWord) {
    const word = params.misspelledWord
    for (const suggestion of params.dictionarySuggestions.slice(0, 5)) {
      spelling.push({ label: suggestion, click: () => target.replaceMisspelling(suggestion) })
    }
    if (spelling.length === 0) spelling.push({ label: 'No spelling suggestions', enabled: false })
    spelling.push(
      { label: `Add “${word}” to the dictionary`, click: () => target.addToDictionary(word) },
      { type: 'separator' },
    )
  }
  if (params.isEditable) {
    return [
      ...spelling,
      { role: 'cut', enabled: params.editFlags.canCut },
      { role: 'copy', enabled: params.editFlags.canCopy },
      { role: 'paste', enabled: params.editFlags.canPaste },
      { type: 'separator' },
      { role: 'selectAll', enabled: params.editFlags.canSelectAll },
    ]
  }
  if (params.selectionText.trim() !== '') return [{ role: 'copy' }]
  return []
}
