/** Names the OS knows the app by. They must match electron-builder.yml and never change. */

/** The application id: the Windows AppUserModelID (notifications) and the macOS bundle id. */
export const APP_ID = 'app.swarmroom.desktop'

export const PRODUCT_NAME = 'Swarmroom'

/** Help → Swarmroom help opens this in the browser: the README on the project's repository. */
export const HELP_URL = 'https://github.com/swarmroom/swarmroom#readme'
