/**
 * What the Linux installer built from this checkout puts on a computer. Without a `files` list
 * electron-builder packed src/, test/, docs/ screenshots and every renderer library into
 * app.asar; without `protocols` invite links would not open the app.
 *
 * electron-builder runs for real, with electron-builder.yml, on the app `npm run build` left in
 * out/ (`npm test` builds first), for the deb target, with two stand-ins:
 * - Electron's binary cannot be downloaded here, so electronDist is a folder holding a file
 *   named `electron` with nothing but Electron's fuse wire in it. electron-builder copies it,
 *   packs resources/app.asar beside it and flips the fuses in it as in the real binary. That
 *   checks what electron-builder writes, not that Electron honours it.
 * - fpm, which turns the folder into a .deb, is downloaded from GitHub and unreachable here.
 *   electron-builder's effectiveOptionComputed hook hands over fpm's arguments and the .desktop
 *   file it would install, and stops the build there.
 *
 * Not covered here: the .deb file itself, rpm and AppImage (their tools are downloaded), the
 * dmg and nsis installers with the macOS Info.plist and Windows registry entries, signing and
 * notarisation; the release workflow builds those on macOS and Windows. Nor whether the real
 * Electron starts this app.asar, or the asar integrity check, which Linux does not make.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { listPackage } from '@electron/asar'
import { build, Platform } from 'electron-builder'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { readFuses, writeElectronStandIn, type Fuses } from '../fixtures/electron-binary-stand-in'

const root = resolve(import.meta.dirname, '../..')
const BUILD_TIMEOUT = 60_000

interface PackageLock {
  packages: Record<string, { dev?: boolean; optional?: boolean }>
}
interface DebPackage {
  appFolder: string
  fpmArguments: string[]
  desktopEntry: string
}

function readJson<T>(path: string): T {
  return JSON.parse(readFileSync(join(root, path), 'utf8')) as T
}

/** Builds the deb target up to the point where fpm would be run. */
async function buildDebPackage(folder: string): Promise<DebPackage> {
  if (!existsSync(join(root, 'out/main/index.js'))) {
    throw new Error('out/ is missing: run `npm run build` before the packaging test')
  }
  const { version: electronVersion } = readJson<{ version: string }>(
    'node_modules/electron/package.json',
  )
  let fpm: { fpmArguments: string[]; desktopEntry: string } | undefined
  await build({
    projectDir: root,
    targets: Platform.LINUX.createTarget(['deb']),
    // On a CI runner building a tag electron-builder would otherwise publish what it built.
    publish: 'never',
    config: {
      electronDist: writeElectronStandIn(join(folder, 'electron')),
      electronVersion,
      directories: { output: join(folder, 'dist') },
    },
    effectiveOptionComputed: async (options: unknown) => {
      if (!Array.isArray(options)) return false
      const [fpmArguments, desktopFile] = options as [string[], string]
      fpm = { fpmArguments, desktopEntry: readFileSync(desktopFile, 'utf8') }
      return true
    },
  })
  if (!fpm) throw new Error('electron-builder stopped before it would have run fpm')
  return { appFolder: join(folder, 'dist/linux-unpacked'), ...fpm }
}

/** `node_modules/a`, `node_modules/@scope/b`, `node_modules/a/node_modules/c`, … in an asar. */
function packedPackages(entries: string[]): string[] {
  const packages = new Set<string>()
  for (const entry of entries) {
    const match =
      /^((?:node_modules\/(?:@[^/]+\/)?[^/]+\/)*node_modules\/(?:@[^/]+\/)?[^/]+)\//.exec(entry)
    if (match?.[1]) packages.add(match[1])
  }
  return [...packages].sort()
}

describe('the Linux package', () => {
  let folder: string
  let deb: DebPackage
  let asarEntries: string[]

  beforeAll(async () => {
    folder = mkdtempSync(join(tmpdir(), 'swarmroom-packaging-'))
    deb = await buildDebPackage(folder)
    asarEntries = listPackage(join(deb.appFolder, 'resources/app.asar'), { isPack: false }).map(
      (entry) => entry.replace(/\\/g, '/').replace(/^\//, ''),
    )
  }, BUILD_TIMEOUT)

  afterAll(() => {
    if (folder) rmSync(folder, { recursive: true, force: true })
  })

  it('packs the built app and the production dependencies, nothing else', () => {
    expect(asarEntries).toEqual(
      expect.arrayContaining([
        'out/main/index.js',
        'out/preload/index.cjs',
        'out/renderer/index.html',
        // The tray icon main loads next to out/ (electron-vite's ?asset import).
        'resources/tray-icon.png',
        'package.json',
      ]),
    )
    const topLevel = new Set(asarEntries.map((entry) => entry.split('/')[0]))
    expect([...topLevel].sort()).toEqual(['node_modules', 'out', 'package.json', 'resources'])

    // npm's own account of what production needs: lock entries not marked dev.
    const lock = readJson<PackageLock>('package-lock.json')
    const production = Object.entries(lock.packages)
      .filter(([path, entry]) => path !== '' && !entry.dev)
      .map(([path]) => path)
    // By name: electron-builder hoists a package npm nested (electron-updater's js-yaml).
    const names = (paths: string[]): string[] =>
      [...new Set(paths.map((path) => path.slice(path.lastIndexOf('node_modules/') + 13)))].sort()
    const packed = packedPackages(asarEntries)
    expect(names(packed)).toEqual(
      names(production.filter((path) => !lock.packages[path]?.optional)),
    )

    const { devDependencies } = readJson<{ devDependencies: Record<string, string> }>(
      'package.json',
    )
    const devPacked = Object.keys(devDependencies).filter((name) =>
      packed.includes(`node_modules/${name}`),
    )
    expect(devPacked).toEqual([])
    expect(packed).not.toContain('node_modules/react')
    expect(packed).not.toContain('node_modules/vitest')
  })

  it('installs a desktop entry that opens swarmroom: invite links', () => {
    const installed = deb.fpmArguments.find((argument) => argument.endsWith('.desktop'))
    expect(installed).toMatch(/=\/usr\/share\/applications\/swarmroom\.desktop$/)

    const lines = deb.desktopEntry.split('\n')
    expect(lines).toContain('MimeType=x-scheme-handler/swarmroom;')
    expect(lines).toContain('Name=Swarmroom')
    expect(lines).toContain('Exec=/opt/Swarmroom/swarmroom %U')
    expect(lines).toContain('StartupWMClass=swarmroom')
    expect(deb.fpmArguments).toContain(`${deb.appFolder}/=/opt/Swarmroom`)
  })

  it('burns the hardening fuses into the Electron binary', () => {
    const expected: Fuses = {
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      // The renderer comes from app://swarmroom/: file:// needs no extra privileges.
      grantFileProtocolExtraPrivileges: false,
      // Left as Electron ships it.
      loadBrowserProcessSpecificV8Snapshot: false,
    }
    expect(readFuses(join(deb.appFolder, 'swarmroom'))).toEqual(expected)
  })
})
