/**
 * The tray (menu bar on macOS) icon: Swarmroom keeps running there when its window is closed,
 * so cases keep syncing and notifications keep coming; Quit is here.
 */
import type { Menu as ElectronMenu, Tray as ElectronTray, NativeImage } from 'electron'
import { PRODUCT_NAME } from './app-identity'

export interface TrayActions {
  show: () => void
  quit: () => void
}

export function createTray(
  Tray: new (image: NativeImage) => ElectronTray,
  Menu: Pick<typeof ElectronMenu, 'buildFromTemplate'>,
  image: NativeImage,
  actions: TrayActions,
): ElectronTray {
  const tray = new Tray(image)
  tray.setToolTip(PRODUCT_NAME)
  tray.setContextMenu(
    Menu.buildFromTemplate([
      { label: `Open ${PRODUCT_NAME}`, click: actions.show },
      { type: 'separator' },
      { label: `Quit ${PRODUCT_NAME}`, click: actions.quit },
    ]),
  )
  tray.on('click', actions.show)
  return tray
}
