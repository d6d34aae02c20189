import { resolve } from 'node:path'
import { defineConfig } from 'electron-vite'
import type { Plugin } from 'vite'
import react from '@vitejs/plugin-react'

const shared = resolve(import.meta.dirname, 'src/shared')

/**
 * In `npm run dev` only, Vite injects the page's CSS as <style> tags, which the CSP's
 * `style-src 'self'` would block, leaving the UI unstyled. The built app keeps the strict CSP.
 */
function inlineStylesInDevelopment(): Plugin {
  return {
    name: 'swarmroom:inline-styles-in-development',
    apply: 'serve',
    transformIndexHtml: (html) =>
      html.replace("style-src 'self'", "style-src 'self' 'unsafe-inline'"),
  }
}

export default defineConfig({
  main: {
    resolve: { alias: { '@shared': shared } },
  },
  preload: {
    resolve: { alias: { '@shared': shared } },
    build: {
      // A sandboxed preload cannot be an ES module, and it may not require() anything but
      // electron, so everything it uses is bundled into one CommonJS file.
      externalizeDeps: false,
      rollupOptions: { output: { format: 'cjs', entryFileNames: '[name].cjs' } },
    },
  },
  renderer: {
    resolve: { alias: { '@shared': shared }, dedupe: ['yjs'] },
    plugins: [react(), inlineStylesInDevelopment()],
  },
})
