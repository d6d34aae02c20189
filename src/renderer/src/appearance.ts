/**
 * Light or dark colours on `<html data-theme>`, which theme.css reads. The choice lives in
 * main's settings; a copy in localStorage lets the first paint already use it (no white flash
 * before main answers), and `system` follows the computer's setting as it changes.
 */
import type { Appearance } from '@shared/channels/desktop'
import { swarmroom } from './api'

const CACHE_KEY = 'swarmroom.appearance'
const DARK_QUERY = '(prefers-color-scheme: dark)'

let current: Appearance = 'system'

function paint(): void {
  const dark = current === 'dark' || (current === 'system' && matchMedia(DARK_QUERY).matches)
  document.documentElement.dataset['theme'] = dark ? 'dark' : 'light'
}

/** Shows `appearance` now and remembers it for the next start. */
export function applyAppearance(appearance: Appearance): void {
  current = appearance
  localStorage.setItem(CACHE_KEY, appearance)
  paint()
}

/** Paints the remembered choice at once, then the saved one from main; follows the computer. */
export function startAppearance(): void {
  const cached = localStorage.getItem(CACHE_KEY)
  current = cached === 'light' || cached === 'dark' ? cached : 'system'
  paint()
  matchMedia(DARK_QUERY).addEventListener('change', paint)
  void swarmroom.app.appearance().then((result) => {
    if (result.ok) applyAppearance(result.value)
  })
}
