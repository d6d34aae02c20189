/**
 * What bench/ui.ts installs in every page it measures, the app's and the bare baseline's alike,
 * so both are timed by the same code. "Painted" is the first task after the next animation
 * frame: the frame's style, layout and paint have run by then. Times are performance.now(),
 * from the page's navigation.
 */
export function probeScript(startScreen: readonly (readonly [string, number])[]): string {
  return `(() => {
  const afterNextFrame = () =>
    new Promise((done) =>
      requestAnimationFrame(() => {
        const channel = new MessageChannel()
        channel.port1.onmessage = () => done(performance.now())
        channel.port2.postMessage(0)
      }),
    )
  const holds = (wanted) =>
    wanted.every(([selector, count]) => document.querySelectorAll(selector).length >= count)
  window.__bench = {
    afterNextFrame,
    /** performance.now() after the frame that first shows every [selector, at least count]. */
    painted(wanted) {
      return new Promise((done) => {
        const check = () => {
          if (!holds(wanted)) return false
          observer.disconnect()
          void afterNextFrame().then(done)
          return true
        }
        const observer = new MutationObserver(check)
        if (!check()) observer.observe(document, { childList: true, subtree: true, attributes: true })
      })
    },
    /** Arms one keystroke: from its keydown to the frame after \`selector\` shows the change. */
    armKey(selector) {
      const target = document.querySelector(selector)
      window.__benchKey = new Promise((done, fail) => {
        if (!target) return fail(new Error('nothing matches ' + selector))
        let downAt
        const onKey = (event) => { downAt = event.timeStamp }
        document.addEventListener('keydown', onKey, { capture: true, once: true })
        const observer = new MutationObserver(() => {
          if (downAt === undefined) return
          observer.disconnect()
          void afterNextFrame().then((at) => done(at - downAt))
        })
        observer.observe(target, { childList: true, subtree: true, characterData: true })
      })
    },
  }
  // From the page's first script on: when the screen it starts on was first painted.
  window.__benchStart = window.__bench.painted(${JSON.stringify(startScreen)})
})()`
}
