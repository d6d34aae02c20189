import { describe, expect, it } from 'vitest'
import { formatInvite, parseInvite } from '../../../src/shared/room/invite'
import { generateRoomId, generateRoomKey, isRoomKey } from '../../../src/shared/room/room-key'

describe('invite links', () => {
  const invite = {
    roomId: generateRoomId(),
    key: generateRoomKey(),
    title: 'Acme: checkout fails',
    signalingUrls: ['ws://192.168.1.20:4444', 'wss://signal.example.com'],
  }

  it('reads back what it wrote, with the key only in the fragment', () => {
    const link = formatInvite(invite)

    expect(link.startsWith(`swarmroom://join/${invite.roomId}?`)).toBe(true)
    expect(link.split('#')[0]).not.toContain(invite.key)
    expect(parseInvite(link)).toEqual({ ok: true, invite })
  })

  it('makes keys of 256 random bits, different every time', () => {
    const keys = new Set(Array.from({ length: 50 }, () => generateRoomKey()))
    expect(keys.size).toBe(50)
    for (const key of keys) {
      expect(isRoomKey(key)).toBe(true)
      expect(key.length).toBeGreaterThanOrEqual(43)
    }
  })

  it.each([
    ['', 'Paste the invite link'],
    ['not a link', 'That is not a link'],
    ['https://swarmroom.example/join/abc#key=x', 'not a Swarmroom invite'],
    ['swarmroom://settings/abcdefgh#key=x', 'not an invite to a case'],
    ['swarmroom://join/../../etc#key=x', 'case id in that invite is damaged'],
    ['swarmroom://join/abc!defgh#key=x', 'case id in that invite is damaged'],
    ['swarmroom://join/abcdefgh12', 'has no room key'],
    ['swarmroom://join/abcdefgh12#key=tooshort', 'damaged or cut off'],
  ])('explains what is wrong with %j', (link, problem) => {
    const result = parseInvite(link)
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.problem).toContain(problem)
  })

  it('refuses signaling servers that are not WebSocket addresses', () => {
    const link = formatInvite({ ...invite, signalingUrls: ['http://evil.example'] })
    const result = parseInvite(link)
    expect(result).toEqual({
      ok: false,
      problem: 'The invite names a server Swarmroom cannot use: "http://evil.example".',
    })
  })

  it('refuses a link naming more servers than any invite does', () => {
    const many = Array.from({ length: 9 }, (_, index) => `ws://10.0.0.${index}:4444`)
    const result = parseInvite(formatInvite({ ...invite, signalingUrls: many }))
    expect(result.ok).toBe(false)
  })
})
