/**
 * The renderer is served from the privileged `app://swarmroom/` scheme rather than `file://`:
 * the page gets a real origin of its own, `fetch` and the CSP's 'self' mean the app's files
 * only, and no other file on the computer can be loaded.
 */
import { pathToFileURL } from 'node:url'
import type { Net, Protocol } from 'electron'
import { APP_SCHEME, rendererFileFor } from './services/desktop/renderer-files'

/** Must run before the app is ready. */
export function registerAppScheme(protocol: Pick<Protocol, 'registerSchemesAsPrivileged'>): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ])
}

export function serveRenderer(
  protocol: Pick<Protocol, 'handle'>,
  net: Pick<Net, 'fetch'>,
  rendererFolder: string,
): void {
  protocol.handle(APP_SCHEME, (request) => {
    const file = rendererFileFor(rendererFolder, request.url)
    if (!file) return new Response('Not found', { status: 404 })
    return net.fetch(pathToFileURL(file).href)
  })
}
