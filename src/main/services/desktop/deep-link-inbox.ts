/**
 * Holds a `swarmroom://` link opened before the window could take it (the app was started by
 * the link), and passes later ones straight to the renderer. The renderer validates and shows
 * the link (parseInvite), so a malformed one gets a clear message there, not a silent drop.
 */
import type { Emit } from '../ports'

export class DeepLinkInbox {
  private pending: string | undefined
  private rendererReady = false

  constructor(private readonly emit: Emit) {}

  /** A link from the OS (argv, second instance, open-url). Anything not ours is ignored. */
  receive(url: string): void {
    if (!isSwarmroomLink(url)) return
    // Passed whole: a link cut short could still parse, with a wrong key. parseInvite refuses
    // one that is too long, in words.
    if (this.rendererReady) this.emit('app:deepLink', { url })
    else this.pending = url
  }

  /** Called by the renderer once it listens: returns a link that arrived before, once. */
  take(): string | null {
    this.rendererReady = true
    const link = this.pending ?? null
    this.pending = undefined
    return link
  }

  /** The window was reloaded or closed: hold links again until the renderer asks. */
  rendererGone(): void {
    this.rendererReady = false
  }
}

/** The first `swarmroom:` argument, as Windows and Linux pass a deep link on the command line. */
export function linkInArguments(argv: readonly string[]): string | undefined {
  return argv.find(isSwarmroomLink)
}

function isSwarmroomLink(value: string): boolean {
  return /^swarmroom:/i.test(value)
}
