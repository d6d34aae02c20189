/**
 * Which file of the built renderer an `app://swarmroom/…` request names. The app serves its
 * page from this privileged scheme instead of `file://`, so the page has a real origin and
 * cannot read other files: anything outside the renderer's folder is refused.
 */
import { isAbsolute, join, relative, resolve } from 'node:path'

export const APP_SCHEME = 'app'
export const APP_HOST = 'swarmroom'
/** The page the window loads. */
export const APP_PAGE_URL = `${APP_SCHEME}://${APP_HOST}/index.html`

/** The file inside `folder` that `url` asks for, or null for anything else. */
export function rendererFileFor(folder: string, url: string): string | null {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return null
  }
  if (parsed.protocol !== `${APP_SCHEME}:` || parsed.host !== APP_HOST) return null
  let path: string
  try {
    path = decodeURIComponent(parsed.pathname)
  } catch {
    return null
  }
  if (path.includes('\0') || path.includes('\\')) return null
  const root = resolve(folder)
  const file = resolve(join(root, path === '/' ? 'index.html' : path))
  const inside = relative(root, file)
  if (inside === '' || inside.startsWith('..') || isAbsolute(inside)) return null
  return file
}
