/** The class of a member's colour slot (see review-mode.css); no slot is neutral grey. */
export function authorClass(slot: number | undefined): string {
  return slot === undefined ? 'author author--neutral' : `author author--${slot}`
}
