/** Channels for what main does on the desktop for the renderer: notifications, saving files. */
import { z } from 'zod'
import { roomIdSchema } from './schemas'

export const desktopChannels = {
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
