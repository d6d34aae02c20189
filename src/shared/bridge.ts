/**
 * Builds `window.swarmroom` from the contract's channel names and one transport function.
 * The preload passes Electron's `ipcRenderer.invoke`; the e2e harness passes a Playwright
 * binding. It must stay self-contained (no imports, no outer variables), because the harness
 * sends its source text into the browser page.
 */
export function createBridge(
  channels: readonly string[],
  invoke: (channel: string, input: unknown) => Promise<unknown>,
): Record<string, Record<string, (input?: unknown) => Promise<unknown>>> {
  const api: Record<string, Record<string, (input?: unknown) => Promise<unknown>>> = {}
  for (const channel of channels) {
    const [namespace, method] = channel.split(':')
    if (!namespace || !method) continue
    const group = api[namespace] ?? (api[namespace] = {})
    group[method] = (input?: unknown) => invoke(channel, input)
    Object.freeze(group[method])
  }
  for (const group of Object.values(api)) Object.freeze(group)
  return Object.freeze(api)
}
