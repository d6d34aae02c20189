/**
 * Ctrl+K (Cmd+K) from a case room: the room goes back to the lobby, whose search box takes the
 * keyboard as soon as it is on screen.
 */
let requested = false

export function requestSearchFocus(): void {
  requested = true
}

/** Whether a search was asked for since the last call. */
export function takeSearchFocusRequest(): boolean {
  const was = requested
  requested = false
  return was
}
