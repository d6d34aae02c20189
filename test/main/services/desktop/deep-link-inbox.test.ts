import { describe, expect, it } from 'vitest'
import {
  DeepLinkInbox,
  linkInArguments,
} from '../../../../src/main/services/desktop/deep-link-inbox'
import type { EventName } from '../../../../src/shared/ipc'

function inbox(): { inbox: DeepLinkInbox; emitted: { event: EventName; payload: unknown }[] } {
  const emitted: { event: EventName; payload: unknown }[] = []
  return { inbox: new DeepLinkInbox((event, payload) => emitted.push({ event, payload })), emitted }
}

describe('deep links', () => {
  it('holds a link that started the app until the window asks for it, once', () => {
    const { inbox: links, emitted } = inbox()
    links.receive('swarmroom://join/abcdefgh12#key=k')

    expect(emitted).toEqual([])
    expect(links.take()).toBe('swarmroom://join/abcdefgh12#key=k')
    expect(links.take()).toBeNull()
  })

  it('passes later links straight to the window', () => {
    const { inbox: links, emitted } = inbox()
    links.take()
    links.receive('swarmroom://join/abcdefgh12#key=k')

    expect(emitted).toEqual([
      { event: 'app:deepLink', payload: { url: 'swarmroom://join/abcdefgh12#key=k' } },
    ])
  })

  it('ignores arguments that are not Swarmroom links', () => {
    const { inbox: links } = inbox()
    links.receive('https://evil.example')
    expect(links.take()).toBeNull()
    expect(linkInArguments(['/usr/bin/swarmroom', '--flag', 'swarmroom://join/x#key=y'])).toBe(
      'swarmroom://join/x#key=y',
    )
    expect(linkInArguments(['/usr/bin/swarmroom'])).toBeUndefined()
  })
})
