/**
 * The app's embedded signaling server listens on ws://127.0.0.1, which every web page in the
 * user's browser can reach: only the app's own page (and programs, which send no Origin) may
 * use it. The app learns its page's address when its services are built; these tests go
 * through that wiring, as the app and the e2e harness do.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { createServices, type MainServices } from '../../../../src/main/services/create-services'
import { NodeEncryptor } from '../../../fixtures/node-encryptor'
import { useSignalingClients } from '../../../fixtures/signaling-client'
import { useTempFolder } from '../../../fixtures/temp-folder'

const folder = useTempFolder()
const { connect, refusal } = useSignalingClients()
let services: MainServices | undefined
afterEach(async () => {
  await services?.shutdown()
  services = undefined
})

/** The app's services with its window's page at `rendererUrl`, and their signaling server. */
async function startApp(rendererUrl: string): Promise<string> {
  services = await createServices({
    dataFolder: folder(),
    rendererUrl,
    keychain: new NodeEncryptor(),
    openInBrowser: async () => undefined,
  })
  const state = await services.signaling.apply({ hostOnLan: false, signalingPort: 0 })
  return state.localUrl
}

describe('the embedded signaling server', () => {
  it('lets in the app’s own app://swarmroom page and refuses other pages', async () => {
    const url = await startApp('app://swarmroom/index.html')

    // Chromium sends scheme and host for a standard scheme; Node's URL would say `null`.
    await connect(url, { origin: 'app://swarmroom' })
    expect(await refusal(url, { origin: 'null' })).toBe(403)
    expect(await refusal(url, { origin: 'app://elsewhere' })).toBe(403)
    expect(await refusal(url, { origin: 'https://evil.example' })).toBe(403)
  })

  it('lets in a file: page by file://', async () => {
    const url = await startApp('file:///opt/Swarmroom/resources/app.asar/out/renderer/index.html')

    // Electron sends `file://` for a file: page; `null` is what a sandboxed frame of any site sends.
    await connect(url, { origin: 'file://' })
    expect(await refusal(url, { origin: 'null' })).toBe(403)
    expect(await refusal(url, { origin: 'https://evil.example' })).toBe(403)
    await connect(url)
  })

  it('lets in the page of the development server, by its origin', async () => {
    const url = await startApp('http://localhost:5173/index.html')

    await connect(url, { origin: 'http://localhost:5173' })
    expect(await refusal(url, { origin: 'http://localhost:5174' })).toBe(403)
  })
})
