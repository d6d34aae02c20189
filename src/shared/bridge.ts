/**
 * Builds `window.swarmroom` from the contract's channel and event names and two transport
 * functions. The preload passes Electron's `ipcRenderer`; the e2e harness passes Playwright
 * bindings. It must stay self-contained (no imports, no outer variables), because the harness
 * sends its source text into the browser page.
 */
export function createBridge(
  channels: readonly string[],
  invoke: (channel: string, input: unknown) => Promise<unknown>,
  eventNames: readonly string[],
  subscribe: (event: string, listener: (payload: unknown) => void) => () => void,
): Record<string, Record<string, (input?: unknown, listener?: unknown) => unknown>> {
  const api: Record<string, Record<string, (input?: unknown, listener?: unknown) => unknown>> = {}
  for (const channel of channels) {
    const [namespace, method] = channel.split(':')
    if (!namespace || !method || namespace === 'events') continue
    const group = api[namespace] ?? (api[namespace] = {})
    group[method] = (input?: unknown) => invoke(channel, input)
    Object.freeze(group[method])
  }
  api['events'] = {
    on(event?: unknown, listener?: unknown) {
      if (typeof event !== 'string' || !eventNames.includes(event)) {
        throw new Error(`Swarmroom has no event called "${String(event)}".`)
      }
      if (typeof listener !== 'function') throw new Error('events.on needs a listener function.')
      return subscribe(event, (payload) => listener(payload))
    },
  }
  for (const group of Object.values(api)) Object.freeze(group)
  return Object.freeze(api)
}
