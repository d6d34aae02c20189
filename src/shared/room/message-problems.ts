/** Sentences about messages from teammates' apps that had to be refused, for the room to show. */

/** `doc` is the case the message was for, when known: with several cases live, only its room shows it. */
type Listener = (problem: string, doc?: object) => void
const problemListeners = new Set<Listener>()

/** Called with a sentence an agent can read when a peer's message had to be ignored. */
export function onPeerMessageProblem(listener: Listener): () => void {
  problemListeners.add(listener)
  return () => problemListeners.delete(listener)
}

export function reportPeerMessageProblem(problem: string, doc?: object): void {
  for (const listener of [...problemListeners]) listener(problem, doc)
}

export const PROBLEMS = {
  unreadable:
    'A teammate’s app sent changes Swarmroom could not read. They were ignored and the ' +
    'connection to that app was restarted; your work is not affected.',
  tooDeep:
    'A teammate’s app sent changes nested far deeper than any case holds. They were ignored ' +
    'and the connection to that app was restarted; your work is not affected.',
  presence:
    'A teammate’s app sent more presence information than a room holds. It was ignored and ' +
    'the connection to that app was restarted; your work is not affected.',
  damaged: 'A teammate’s app sent a damaged message; the connection to it was restarted.',
  relay:
    'The team relay passed on changes Swarmroom could not read. They were ignored; ask ' +
    'whoever runs the relay to check which app sent them.',
  relaySealed:
    'The team relay holds changes this room’s key cannot open: they were sealed with another ' +
    'key, or damaged on the way. They were ignored; your work is not affected. If a teammate’s ' +
    'changes are missing, check that everyone joined with the same invite link.',
} as const
