/** Desktop notifications and saving text files, through the dependencies main injects. */
import type { desktopChannels } from '../../shared/channels/desktop'
import type { HandlersOf } from './ipc-dispatch'
import type { Services } from './services'

export function createDesktopHandlers(services: Services): HandlersOf<typeof desktopChannels> {
  return {
    'app:notify': ({ roomId, title, body, place }) => {
      services.notify({
        title,
        body,
        onClick: () =>
          services.emit('app:openCase', place === undefined ? { roomId } : { roomId, place }),
      })
      return null
    },

    'files:saveText': async ({ suggestedName, content }) => ({
      path: await services.saveFile({ suggestedName, content, format: 'markdown' }),
    }),
  }
}
