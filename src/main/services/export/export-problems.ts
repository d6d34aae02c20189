/** What stands in the way of exporting a case now, in words a support agent can act on. */
import type * as Y from 'yjs'
import { readMeta } from '@shared/case/case-doc'
import { memberName } from '@shared/case/members'
import type { CaseTrust } from '@shared/case/signatures/case-trust'
import { CONNECTOR_NAMES, connectorKindOf } from '@shared/help-desk-connections'
import type { Connection } from './connectors/connection'

/**
 * Empty when nothing does. `me` is this computer's member id ('' before a name is chosen);
 * `connection` the one chosen or the only one, `choices` every one to the ticket's help desk.
 */
export function exportProblems(
  doc: Y.Doc,
  trust: CaseTrust,
  me: string,
  connection: Connection | undefined,
  choices: readonly Connection[],
): string[] {
  const { ticket } = readMeta(doc)
  const problems: string[] = []
  // The owner by verified hand-overs: a peer who wrote itself into `meta.ownerId` is not.
  if (me === '' || trust.owner.verified !== me) {
    problems.push(
      `Only the case owner, ${memberName(doc, trust.owner.verified)}, can export to the ticket. ` +
        'You can copy the note and the reply, or save them as files.',
    )
  }
  if (ticket.id === '') {
    problems.push('Link the case to its ticket first: paste the ticket’s address in the header.')
  }
  if (!connection && choices.length === 0) {
    const kind = CONNECTOR_NAMES[connectorKindOf(ticket.system)]
    problems.push(
      `There is no ${kind} connection on this computer. Add one in Settings → Help desks, or ` +
        'copy the note and the reply, or save them as files.',
    )
  } else if (!connection) {
    problems.push('Several connections go to this help desk: choose the one to export through.')
  }
  return problems
}
