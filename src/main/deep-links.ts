/** Wires `swarmroom://` links from the OS to the services' inbox: the only Electron part of it. */
import { resolve } from 'node:path'
import type { App } from 'electron'
import { linkInArguments, type DeepLinkInbox } from './services/desktop/deep-link-inbox'

export const PROTOCOL = 'swarmroom'

/**
 * Makes this app the handler of `swarmroom:` links. A development build (not packaged) is run
 * by the Electron binary, which must be told which script to start, and it never takes the
 * links over from an installed Swarmroom.
 */
export function registerProtocol(
  app: Pick<
    App,
    | 'isPackaged'
    | 'setAsDefaultProtocolClient'
    | 'getApplicationNameForProtocol'
    | 'isDefaultProtocolClient'
  >,
  argv: readonly string[] = process.argv,
): boolean {
  let registered: boolean
  if (app.isPackaged) {
    registered = app.setAsDefaultProtocolClient(PROTOCOL)
  } else {
    const script = argv[1]
    const holder = app.getApplicationNameForProtocol(`${PROTOCOL}://`)
    if (
      !script ||
      (holder !== '' && !app.isDefaultProtocolClient(PROTOCOL, process.execPath, [resolve(script)]))
    ) {
      console.warn(`swarmroom: links stay with ${holder || 'nobody'} while developing`)
      return false
    }
    registered = app.setAsDefaultProtocolClient(PROTOCOL, process.execPath, [resolve(script)])
  }
  if (!registered) console.warn('Swarmroom could not register itself for swarmroom: links')
  return registered
}

export interface DeepLinks {
  /** Hands every link that came before the services existed to their inbox. */
  deliverTo(inbox: DeepLinkInbox): void
}

/**
 * Links arrive three ways: on the command line of this first start (Windows, Linux), on the
 * command line of a second start that the single-instance lock turns away (`second-instance`),
 * and as `open-url` (macOS), which can fire before the app is ready. Until the services exist
 * (a start opened by a link) they wait here.
 */
export function listenForDeepLinks(
  app: Pick<App, 'on'>,
  argv: readonly string[],
  showWindow: () => void,
): DeepLinks {
  const early: string[] = []
  let inbox: DeepLinkInbox | undefined
  const receive = (url: string): void => {
    if (inbox) inbox.receive(url)
    else early.push(url)
    showWindow()
  }
  const first = linkInArguments(argv)
  if (first) early.push(first)
  app.on('open-url', (event, url) => {
    event.preventDefault()
    receive(url)
  })
  app.on('second-instance', (_event, secondArgv) => {
    const link = linkInArguments(secondArgv)
    if (link) receive(link)
    else showWindow()
  })
  return {
    deliverTo(target) {
      inbox = target
      for (const url of early.splice(0)) target.receive(url)
    },
  }
}
