/**
 * Deep links that open the app must not be lost: a link that starts the app arrives before
 * the services exist, and one from a second start or macOS's open-url can come at any time.
 */
import { EventEmitter } from 'node:events'
import { resolve } from 'node:path'
import type { App } from 'electron'
import { describe, expect, it } from 'vitest'
import { listenForDeepLinks, registerProtocol } from '../../src/main/deep-links'
import { DeepLinkInbox } from '../../src/main/services/desktop/deep-link-inbox'

const LINK = 'swarmroom://join/abcdefgh12#key=k'

function setUp(argv: string[] = []): {
  app: EventEmitter
  links: ReturnType<typeof listenForDeepLinks>
  shown: number[]
} {
  const app = new EventEmitter()
  const shown: number[] = []
  const links = listenForDeepLinks(app as unknown as Pick<App, 'on'>, argv, () => shown.push(1))
  return { app, links, shown }
}

describe('deep links from the OS', () => {
  it('keeps the link that started the app until the services take it', () => {
    const { links } = setUp(['/opt/Swarmroom/swarmroom', LINK])
    const inbox = new DeepLinkInbox(() => undefined)

    links.deliverTo(inbox)

    expect(inbox.take()).toBe(LINK)
  })

  it('keeps a link from a second start that came before the services, and shows the window', () => {
    const { app, links, shown } = setUp()
    app.emit('second-instance', {}, ['/opt/Swarmroom/swarmroom', LINK])
    const inbox = new DeepLinkInbox(() => undefined)

    links.deliverTo(inbox)

    expect(inbox.take()).toBe(LINK)
    expect(shown).toHaveLength(1)
  })

  it('passes open-url links straight on once the services exist', () => {
    const { app, links } = setUp()
    const emitted: unknown[] = []
    const inbox = new DeepLinkInbox((_event, payload) => emitted.push(payload))
    links.deliverTo(inbox)
    inbox.take()
    let prevented = false

    app.emit('open-url', { preventDefault: () => (prevented = true) }, LINK)

    expect(prevented).toBe(true)
    expect(emitted).toEqual([{ url: LINK }])
  })
})

/** Records what the app asks of Electron's protocol registry (the OS's, in the app). */
function protocolRegistry(options: { isPackaged: boolean; holder?: string; accepts?: boolean }): {
  app: Parameters<typeof registerProtocol>[0]
  registered: unknown[][]
} {
  const registered: unknown[][] = []
  const app = {
    isPackaged: options.isPackaged,
    getApplicationNameForProtocol: () => options.holder ?? '',
    isDefaultProtocolClient: () => false,
    setAsDefaultProtocolClient: (...args: unknown[]) => {
      registered.push(args)
      return options.accepts ?? true
    },
  }
  return { app: app as unknown as Parameters<typeof registerProtocol>[0], registered }
}

describe('registering for swarmroom: links', () => {
  it('registers the installed app by itself', () => {
    const { app, registered } = protocolRegistry({ isPackaged: true })
    expect(registerProtocol(app, ['/opt/Swarmroom/swarmroom'])).toBe(true)
    expect(registered).toEqual([['swarmroom']])
  })

  it('registers a development build with the absolute path of the script Electron runs', () => {
    const { app, registered } = protocolRegistry({ isPackaged: false })
    expect(registerProtocol(app, ['/usr/bin/electron', 'out/main/index.js'])).toBe(true)
    expect(registered).toEqual([['swarmroom', process.execPath, [resolve('out/main/index.js')]]])
  })

  it('never takes the links over from an installed Swarmroom while developing', () => {
    const { app, registered } = protocolRegistry({ isPackaged: false, holder: 'Swarmroom' })
    expect(registerProtocol(app, ['/usr/bin/electron', 'out/main/index.js'])).toBe(false)
    expect(registered).toEqual([])
  })

  it('says so when the system refuses the registration', () => {
    const { app } = protocolRegistry({ isPackaged: true, accepts: false })
    expect(registerProtocol(app, ['/opt/Swarmroom/swarmroom'])).toBe(false)
  })
})
