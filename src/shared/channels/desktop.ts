/**
 * Channels of what main does on the desktop for the renderer: the app's notices, how the keys
 * are protected (keychain or passphrase), links opened in the browser or handed to the app
 * (deep links), notifications, saving files.
 */
import { z } from 'zod'
import { noticeSchema, roomIdSchema } from './schemas'

export const updateStatusSchema = z.discriminatedUnion('state', [
  /** No update address is set: the team hands out installers some other way. */
  z.object({ state: z.literal('off') }),
  z.object({ state: z.literal('checking') }),
  /** Checked; this is the newest version. */
  z.object({ state: z.literal('idle') }),
  /** Downloaded; it is installed when Swarmroom quits, or now with `app:installUpdate`. */
  z.object({ state: z.literal('ready'), version: z.string() }),
  z.object({ state: z.literal('error'), message: z.string() }),
])
export type UpdateStatus = z.infer<typeof updateStatusSchema>

const updatesSchema = z.object({ url: z.string(), status: updateStatusSchema })

/** Light or dark colours: the computer's choice (`system`), or always one of them. */
export const appearanceSchema = z.enum(['system', 'light', 'dark'])
export type Appearance = z.infer<typeof appearanceSchema>

export const keyProtectionStatusSchema = z.object({
  /**
   * `keychain`: the OS keychain protects room keys and tokens. `choose`: no usable keychain
   * and no passphrase yet. `locked`: a passphrase protects them, not entered since the start.
   * `unlocked`: it was entered.
   */
  state: z.enum(['keychain', 'choose', 'locked', 'unlocked']),
  /** On Linux, the password store Electron found (`basic_text` means none). */
  backend: z.string().optional(),
})
export type KeyProtectionStatus = z.infer<typeof keyProtectionStatusSchema>

const passphraseInput = z.object({
  passphrase: z.string().max(1024, 'A passphrase can be at most 1024 characters long.'),
})

export const desktopChannels = {
  /** What the user should know from start-up (a settings file set aside, exports resumed). */
  'app:notices': { input: z.undefined(), output: z.array(noticeSchema) },
  /** Whether room keys and tokens can be used, or the user must choose or enter a passphrase. */
  'app:keyProtection': { input: z.undefined(), output: keyProtectionStatusSchema },
  /** Protects the keys with a passphrase (the first time, without a usable keychain). */
  'app:setPassphrase': { input: passphraseInput, output: keyProtectionStatusSchema },
  /** Unlocks the keys with the passphrase chosen earlier. */
  'app:unlock': { input: passphraseInput, output: keyProtectionStatusSchema },
  /** Opens a web link in the user's browser; anything but http(s) is refused. */
  'app:openExternal': { input: z.object({ url: z.string().max(4096) }), output: z.null() },
  /** A deep link that opened the app before the window listened, handed over once. */
  'app:takeDeepLink': { input: z.undefined(), output: z.object({ url: z.string().nullable() }) },
  /** Shows a desktop notification; clicking it opens the case at `place` (`app:openCase`). */
  'app:notify': {
    input: z.object({
      roomId: roomIdSchema,
      title: z.string().trim().min(1).max(200),
      body: z.string().max(1000),
      place: z.string().max(300).optional(),
    }),
    output: z.null(),
  },
  /**
   * Asks where to save a text file (a draft knowledge-base article) and writes it there.
   * Answers the path it was saved to, or null when the user cancelled.
   */
  /** Where updates come from (the team's own HTTPS folder) and how checking went. */
  'app:updates': { input: z.undefined(), output: updatesSchema },
  /** Sets the update folder (`''` turns updates off) and checks it at once. */
  'app:setUpdateUrl': {
    input: z.object({ url: z.string().trim().max(2000) }),
    output: updatesSchema,
  },
  /** Whether the app is light, dark or follows the computer's setting. */
  'app:appearance': { input: z.undefined(), output: appearanceSchema },
  'app:setAppearance': {
    input: z.object({ appearance: appearanceSchema }),
    output: appearanceSchema,
  },
  /** Restarts Swarmroom into the downloaded update. */
  'app:installUpdate': { input: z.undefined(), output: z.null() },
  'files:saveText': {
    input: z.object({
      suggestedName: z
        .string()
        .trim()
        .min(1)
        .max(120)
        .regex(/^[^/\\:*?"<>|]+$/, 'A file name cannot contain / \\ : * ? " < > or |.'),
      content: z.string().max(5_000_000, 'That text is too large to save as one file.'),
    }),
    output: z.object({ path: z.string().nullable() }),
  },
} as const

export const desktopEvents = {
  /** A `swarmroom://` link was opened (OS deep link, second instance); the renderer joins. */
  'app:deepLink': z.object({ url: z.string() }),
  /** Show a case (a notification was clicked); `place` is a section or timeline entry. */
  'app:openCase': z.object({ roomId: roomIdSchema, place: z.string().optional() }),
  /** An update was downloaded: offer "Restart to update". */
  'app:updateReady': z.object({ version: z.string() }),
} as const
