/** simple-peer's browser bundle, which y-webrtc imports; only what Swarmroom patches. */
declare module 'simple-peer/simplepeer.min.js' {
  interface SimplePeerInstance {
    destroy(error?: Error): void
    send(data: Uint8Array | ArrayBuffer | string): void
    on(event: string, listener: (...args: never[]) => void): SimplePeerInstance
  }
  interface SimplePeerClass {
    new (options?: Record<string, unknown>): SimplePeerInstance
    prototype: SimplePeerInstance & {
      _onChannelMessage(event: { data: unknown }): void
    }
  }
  const Peer: SimplePeerClass
  export default Peer
}
