/**
 * The `ychange` mark y-prosemirror puts on text when it renders a snapshot: who wrote it, and
 * whether it was added or removed. Its colour is a class (the CSP forbids inline styles in the
 * editor), chosen by `classFor` from the member id. It is never parsed from pasted HTML and
 * never written to the document: y-prosemirror keeps it out of Yjs.
 */
import { Mark } from '@tiptap/core'

export interface YChangeOptions {
  /**
   * The class for text written by `user` (a member id, or undefined for an unmapped client).
   * @default () => 'author author--neutral'
   */
  classFor: (user: unknown) => string
}

export const YChange = Mark.create<YChangeOptions>({
  name: 'ychange',
  inclusive: false,
  // Marks of other authors never merge with or exclude each other.
  excludes: '',

  addOptions() {
    return { classFor: () => 'author author--neutral' }
  },

  addAttributes() {
    return {
      user: { default: null, rendered: false },
      type: { default: null, rendered: false },
      color: { default: null, rendered: false },
    }
  },

  parseHTML() {
    return []
  },

  renderHTML({ mark }) {
    const type: unknown = mark.attrs['type']
    const removed = type === 'removed' ? ' author--removed' : ''
    return ['span', { class: `${this.options.classFor(mark.attrs['user'])}${removed}` }, 0]
  },
})
