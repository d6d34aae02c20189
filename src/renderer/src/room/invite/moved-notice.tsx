import type * as Y from 'yjs'
import { metaMap } from '@shared/case/case-doc'
import { memberName } from '@shared/case/members'
import { clockTime } from '../../common/format'
import { useYRead } from '../hooks/use-y-read'

/** Shown in a room the owner has left for a new key: this copy no longer reaches the swarm. */
export function MovedNotice({ doc }: { doc: Y.Doc }): React.JSX.Element | null {
  const moved = useYRead(metaMap(doc), () => {
    const at = metaMap(doc).get('movedAt')
    const by = metaMap(doc).get('movedBy')
    return typeof at === 'string' ? { at, by: typeof by === 'string' ? by : '' } : undefined
  })
  if (!moved) return null
  return (
    <p className="notice notice--warning" role="alert">
      {memberName(doc, moved.by)} moved this case to a new room with a new key on{' '}
      {clockTime(moved.at)}. Ask them for a new invite link to keep working with the swarm; this
      copy stays on your computer.
    </p>
  )
}
