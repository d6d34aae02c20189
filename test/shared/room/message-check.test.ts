/**
 * The gate every peer message passes (message-check.ts). A security review found that whoever
 * holds the room key could overflow every reader's stack with deeply nested XML, slip in an
 * update that decodes but throws while applied, make the status count thousands of peers with
 * y-webrtc's BroadcastChannel message, and fill the presence bar with one awareness message.
 * The room-level consequences are tested over real WebRTC in room-sync.test.ts.
 */
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import {
  MAX_AWARENESS_STATES,
  checkAwarenessUpdate,
  checkPeerMessage,
} from '../../../src/shared/room/message-check'
import { checkUpdate } from '../../../src/shared/room/update-check'
import { deeplyNestedUpdate } from '../../fixtures/deep-nesting'
import {
  UNAPPLIABLE_UPDATE,
  awarenessFloodMessage,
  bcPeerIdMessage,
  deeplyNestedMessage,
  syncUpdateMessage,
} from '../../fixtures/hostile-messages'

describe('the peer message gate', () => {
  it('refuses an update nesting 2,000 elements, and accepts one nesting 150', () => {
    expect(checkUpdate(deeplyNestedUpdate('summary', 2000))).toBe('too-deep')
    expect(checkPeerMessage(deeplyNestedMessage()).kind).toBe('refuse')
    expect(checkUpdate(deeplyNestedUpdate('summary', 150))).toBe('ok')
  })

  it('measures nesting built from siblings and map entries, not only first children', () => {
    const doc = new Y.Doc()
    let parent: Y.XmlFragment | Y.XmlElement = doc.getXmlFragment('summary')
    for (let level = 0; level < 500; level += 1) {
      const element: Y.XmlElement = new Y.XmlElement('blockquote')
      // A sibling first, so the nested element names its place by its neighbour.
      parent.insert(0, [new Y.XmlElement('paragraph'), element])
      parent = element
    }
    expect(checkUpdate(Y.encodeStateAsUpdate(doc))).toBe('too-deep')

    const maps = new Y.Doc()
    let map = maps.getMap('approval')
    for (let level = 0; level < 500; level += 1) {
      const inner = new Y.Map<unknown>()
      map.set('next', inner)
      map = inner
    }
    expect(checkUpdate(Y.encodeStateAsUpdate(maps))).toBe('too-deep')
  })

  it('refuses an update that decodes but throws while being applied', () => {
    expect(() => Y.decodeUpdate(UNAPPLIABLE_UPDATE)).not.toThrow()
    expect(() => Y.applyUpdate(new Y.Doc(), UNAPPLIABLE_UPDATE)).toThrow()
    expect(checkUpdate(UNAPPLIABLE_UPDATE)).toBe('unappliable')
    expect(checkPeerMessage(syncUpdateMessage(UNAPPLIABLE_UPDATE)).kind).toBe('refuse')
  })

  it('drops y-webrtc’s BroadcastChannel peer message arriving on a data channel', () => {
    expect(checkPeerMessage(bcPeerIdMessage('made-up-peer'))).toEqual({ kind: 'drop' })
  })

  it('refuses an awareness message with more states than a room holds, or too many bytes', () => {
    expect(checkPeerMessage(awarenessFloodMessage(3)).kind).toBe('pass')
    expect(checkPeerMessage(awarenessFloodMessage(MAX_AWARENESS_STATES + 1)).kind).toBe('refuse')
    const huge = new Uint8Array(6 * 1024 * 1024)
    expect(checkAwarenessUpdate(huge).kind).toBe('refuse')
  })

  it('refuses an awareness message whose states are not JSON', () => {
    expect(checkAwarenessUpdate(Uint8Array.from([1, 5, 1, 2, 0x7b, 0x7b])).kind).toBe('refuse')
  })
})
