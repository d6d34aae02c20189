/** Wires `swarmroom://` links from the OS to the services' inbox: the only Electron part of it. */
import type { App } from 'electron'
import { linkInArguments, type DeepLinkInbox } from './services/deep-link-inbox'

export const PROTOCOL = 'swarmroom'

/** Registers the protocol; in development Electron must be told which script it runs. */
export function registerProtocol(app: App): void {
  if (process.defaultApp && process.argv[1]) {
    app.setAsDefaultProtocolClient(PROTOCOL, process.execPath, [process.argv[1]])
  } else {
    app.setAsDefaultProtocolClient(PROTOCOL)
  }
}

/**
 * Links arrive three ways: on the command line of this first start (Windows, Linux), on the
 * command line of a second start that the single-instance lock turns away (`second-instance`),
 * and as `open-url` (macOS), which can fire before the app is ready.
 */
export function listenForDeepLinks(
  app: App,
  inbox: () => DeepLinkInbox | undefined,
  focusWindow: () => void,
): void {
  const early: string[] = []
  const receive = (url: string): void => {
    const target = inbox()
    if (target) target.receive(url)
    else early.push(url)
    focusWindow()
  }
  const first = linkInArguments(process.argv)
  if (first) early.push(first)
  app.on('open-url', (event, url) => {
    event.preventDefault()
    receive(url)
  })
  app.on('second-instance', (_event, argv) => {
    const link = linkInArguments(argv)
    if (link) receive(link)
    else focusWindow()
  })
  void app.whenReady().then(() => {
    const target = inbox()
    for (const url of early.splice(0)) target?.receive(url)
  })
}
