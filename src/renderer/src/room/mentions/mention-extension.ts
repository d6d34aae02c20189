import { mergeAttributes } from '@tiptap/core'
import Mention from '@tiptap/extension-mention'
import type * as Y from 'yjs'
import { readMembers } from '@shared/case/members'
import type { NamedMember } from '@shared/case/mentions'
import { createMentionPicker } from './mention-picker'

/** Names shown in the picker at once; typing narrows the list. */
const MAX_SHOWN = 8

/**
 * @mentions of the case's members: @ opens the picker, and the member picked becomes a name
 * pill that keeps their id (the notifier reads it) and reads as "@Name" as text.
 * @param members the case's members as they are when @ is typed
 */
export function memberMention(
  members: () => readonly NamedMember[],
): ReturnType<typeof Mention.configure> {
  return Mention.configure({
    renderText: ({ node }) => `@${String(node.attrs['label'] ?? '')}`,
    renderHTML: ({ options, node }) => [
      'span',
      mergeAttributes({ class: 'mention-pill' }, options.HTMLAttributes),
      `@${String(node.attrs['label'] ?? 'teammate')}`,
    ],
    suggestion: {
      items: ({ query }) => {
        const wanted = query.trim().toLowerCase()
        return members()
          .filter((member) => member.name.trim() !== '')
          .filter((member) => member.name.toLowerCase().includes(wanted))
          .sort((a, b) => a.name.localeCompare(b.name))
          .slice(0, MAX_SHOWN)
      },
      render: createMentionPicker,
    },
  })
}

/** The members of the case `doc` holds, for the picker. */
export function caseMembers(doc: Y.Doc | null): NamedMember[] {
  if (!doc) return []
  return [...readMembers(doc)].map(([memberId, member]) => ({ memberId, name: member.name }))
}
