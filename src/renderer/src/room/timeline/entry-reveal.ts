/**
 * Asks the timeline to bring an entry into the page. The list renders only the entries near
 * its visible part, so an entry a search hit or a notification points at may not be in the
 * page until the list scrolls to it.
 */
const requests = new EventTarget()

export function requestEntryReveal(actionId: string): void {
  requests.dispatchEvent(new CustomEvent('reveal', { detail: actionId }))
}

/** Calls `reveal` with each requested entry's id until the returned function is called. */
export function onEntryReveal(reveal: (actionId: string) => void): () => void {
  const listener = (event: Event): void => reveal((event as CustomEvent<string>).detail)
  requests.addEventListener('reveal', listener)
  return () => requests.removeEventListener('reveal', listener)
}
