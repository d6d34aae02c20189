/**
 * The class for text a member wrote: their palette slot's colour (common/member-colors.css sets
 * `--member-color`), neutral grey when they have none.
 */
export function authorClass(slot: number | undefined): string {
  return slot === undefined ? 'author member-color-unknown' : `author member-color-${slot}`
}
