/**
 * Which way one WebRTC connection goes, read from its RTCPeerConnection's statistics: the
 * selected candidate pair, and whether either end of it is a TURN `relay` candidate. Host,
 * server-reflexive (STUN) and peer-reflexive candidates mean the peers reach each other directly.
 */

export type CandidateRoute = 'direct' | 'turn'

/** The part of an RTCPeerConnection this needs; the browser's and @roamhq/wrtc's both fit. */
interface StatsSource {
  getStats(): Promise<{ forEach(callback: (report: unknown) => void): void }>
}

interface Report {
  id?: unknown
  type?: unknown
  selectedCandidatePairId?: unknown
  selected?: unknown
  nominated?: unknown
  state?: unknown
  localCandidateId?: unknown
  remoteCandidateId?: unknown
  candidateType?: unknown
}

/** simple-peer keeps its RTCPeerConnection as `_pc`; it is not part of its typed API. */
export function peerConnectionOf(peer: unknown): StatsSource | undefined {
  const pc = (peer as { _pc?: unknown } | null)?._pc
  if (typeof (pc as StatsSource | undefined)?.getStats !== 'function') return undefined
  return pc as StatsSource
}

/** The route of the selected candidate pair; undefined while none is selected. */
export async function readCandidateRoute(pc: StatsSource): Promise<CandidateRoute | undefined> {
  const reports = new Map<string, Report>()
  const stats = await pc.getStats()
  stats.forEach((value) => {
    const report = value as Report
    if (typeof report.id === 'string') reports.set(report.id, report)
  })
  const pair = selectedPair(reports)
  if (!pair) return undefined
  const ends = [pair.localCandidateId, pair.remoteCandidateId].map((id) =>
    typeof id === 'string' ? reports.get(id)?.candidateType : undefined,
  )
  if (ends.some((type) => type === undefined)) return undefined
  return ends.includes('relay') ? 'turn' : 'direct'
}

/**
 * Chromium and libwebrtc name the pair on the transport report; Firefox marks it `selected`;
 * otherwise the nominated pair that succeeded.
 */
function selectedPair(reports: Map<string, Report>): Report | undefined {
  const all = [...reports.values()]
  for (const report of all) {
    if (report.type !== 'transport' || typeof report.selectedCandidatePairId !== 'string') continue
    const pair = reports.get(report.selectedCandidatePairId)
    if (pair) return pair
  }
  const pairs = all.filter((report) => report.type === 'candidate-pair')
  return (
    pairs.find((pair) => pair.selected === true) ??
    pairs.find((pair) => pair.nominated === true && pair.state === 'succeeded')
  )
}
