/**
 * The window's page comes from `app://swarmroom/`. What this guards: a request that climbs out
 * of the renderer's folder (`..`, encoded or not) and reads any file on the computer.
 */
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { rendererFileFor } from '../../../../src/main/services/desktop/renderer-files'

const folder = '/opt/swarmroom/out/renderer'

describe("serving the renderer from the app's own scheme", () => {
  it('serves the page and its assets from the renderer folder', () => {
    expect(rendererFileFor(folder, 'app://swarmroom/index.html')).toBe(join(folder, 'index.html'))
    expect(rendererFileFor(folder, 'app://swarmroom/')).toBe(join(folder, 'index.html'))
    expect(rendererFileFor(folder, 'app://swarmroom/assets/index-1.js?v=2#x')).toBe(
      join(folder, 'assets/index-1.js'),
    )
  })

  it('refuses anything outside the folder, another host or another scheme', () => {
    // Dots, plain or as %2e, are removed when the URL is parsed, so they never climb out.
    for (const url of [
      'app://swarmroom/../../etc/passwd',
      'app://swarmroom/%2e%2e/%2e%2e/etc/passwd',
    ]) {
      expect(rendererFileFor(folder, url)).toBe(join(folder, 'etc/passwd'))
    }
    for (const url of [
      'app://swarmroom/assets/..%2f..%2f..%2fetc/passwd',
      'app://swarmroom/..%5c..%5cwindows',
      'app://swarmroom/index.html%00.js',
      'app://swarmroom/%E0%A4%A',
      'app://other/index.html',
      'file:///opt/swarmroom/out/renderer/index.html',
      'not a url',
    ]) {
      expect(rendererFileFor(folder, url), url).toBeNull()
    }
  })
})
