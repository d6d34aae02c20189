/** The desktop channels: notices, key protection, links, notifications and saving files, through main's ports. */
import type { Appearance, desktopChannels } from '@shared/channels/desktop'
import type { Notice } from '@shared/ipc'
import { AppError } from '@shared/result'
import type { HandlersOf } from '../ipc-dispatch'
import type { Emit, Notify, OpenInBrowser, SaveFile } from '../ports'
import type { KeyProtection } from '../storage/key-protection'
import type { DeepLinkInbox } from './deep-link-inbox'
import { isSafeExternalUrl } from './external-links'
import { updateUrlProblem, type UpdateChecker } from './update-checker'

export interface DesktopHandlerServices {
  /** What start-up found that the user should know (app.json's notices). */
  notices: () => Notice[]
  keyProtection: KeyProtection
  openInBrowser: OpenInBrowser
  deepLinks: DeepLinkInbox
  notify: Notify
  emit: Emit
  saveFile: SaveFile
  updates: UpdateChecker
  /** The saved update address, and saving a new one. */
  updateUrl: { get: () => string; set: (url: string) => Promise<void> }
  /** The saved light/dark choice, and saving a new one. */
  appearance: { get: () => Appearance; set: (appearance: Appearance) => Promise<void> }
}

export function createDesktopHandlers(
  services: DesktopHandlerServices,
): HandlersOf<typeof desktopChannels> {
  return {
    'app:notices': () => services.notices(),

    'app:keyProtection': () => services.keyProtection.status(),

    'app:setPassphrase': ({ passphrase }) => services.keyProtection.setPassphrase(passphrase),

    'app:unlock': ({ passphrase }) => services.keyProtection.unlock(passphrase),

    'app:openExternal': async ({ url }) => {
      if (!isSafeExternalUrl(url)) {
        throw new AppError('invalid-input', 'Only web links (http or https) can be opened.')
      }
      await services.openInBrowser(url)
      return null
    },

    'app:takeDeepLink': () => ({ url: services.deepLinks.take() }),

    'app:notify': ({ roomId, title, body, place }) => {
      services.notify({
        title,
        body,
        onClick: () =>
          services.emit('app:openCase', place === undefined ? { roomId } : { roomId, place }),
      })
      return null
    },

    'app:updates': () => ({ url: services.updateUrl.get(), status: services.updates.current }),

    'app:setUpdateUrl': async ({ url }) => {
      const problem = updateUrlProblem(url)
      if (problem) throw new AppError('invalid-input', problem)
      await services.updateUrl.set(url)
      return { url, status: await services.updates.start() }
    },

    'app:appearance': () => services.appearance.get(),

    'app:setAppearance': async ({ appearance }) => {
      await services.appearance.set(appearance)
      return appearance
    },

    'app:installUpdate': () => {
      services.updates.install()
      return null
    },

    'files:saveText': async ({ suggestedName, content }) => ({
      path: await services.saveFile({ suggestedName, content, format: 'markdown' }),
    }),
  }
}
