/**
 * The network bench:sync's TURN run uses: the small internet of the NAT test
 * (`test/fixtures/nat/small-internet.ts`: two offices behind NAT routers, a public network
 * with the signaling server and coturn), with UDP between the offices dropped as well, so
 * nothing but TURN could connect them even without `iceTransportPolicy: 'relay'`. Needs root.
 * Everything is removed when the run ends, when it fails, and on Ctrl-C.
 */
import type { IceServer } from '../src/shared/room/room-connection'
import { startCoturn, TURN_CREDENTIAL, TURN_USER, type Coturn } from '../test/fixtures/nat/coturn'
import {
  startSignalingIn,
  type NamespacedSignaling,
} from '../test/fixtures/nat/signaling-in-namespace'
import {
  buildSmallInternet,
  PUBLIC_ADDRESS,
  type SmallInternet,
} from '../test/fixtures/nat/small-internet'

export interface TurnNetwork {
  readonly signalingUrl: string
  readonly iceServers: IceServer[]
  /** The namespace the peer with this index runs in: the two offices, in turn. */
  officeOf(index: number): string
}

/** Builds the network, runs `use` on it, and removes it whatever happens. */
export async function withTurnNetwork<T>(use: (network: TurnNetwork) => Promise<T>): Promise<T> {
  let internet: SmallInternet | undefined
  let coturn: Coturn | undefined
  let signaling: NamespacedSignaling | undefined
  const tearDown = async (): Promise<void> => {
    await signaling?.stop()
    await coturn?.stop()
    await internet?.remove()
    signaling = coturn = internet = undefined
  }
  const interrupted = (): void => {
    void tearDown().finally(() => process.exit(130))
  }
  process.once('SIGINT', interrupted)
  process.once('SIGTERM', interrupted)
  try {
    internet = await buildSmallInternet()
    await internet.blockUdpBetweenOffices()
    coturn = await startCoturn(internet.public, PUBLIC_ADDRESS)
    signaling = await startSignalingIn(internet.public, PUBLIC_ADDRESS)
    const { a, b } = internet.offices
    return await use({
      signalingUrl: signaling.url,
      iceServers: [
        {
          urls: `turn:${coturn.address}?transport=udp`,
          username: TURN_USER,
          credential: TURN_CREDENTIAL,
        },
      ],
      officeOf: (index) => (index % 2 === 0 ? a : b),
    })
  } finally {
    process.off('SIGINT', interrupted)
    process.off('SIGTERM', interrupted)
    await tearDown()
  }
}
