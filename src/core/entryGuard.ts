/**
 * The check the Node entries run before loading the SDK: is the installed Effect the one this entry is for?
 * (`effect-stytch` is the Effect 3 API, `effect-stytch/effect4` the Effect 4 one.) Without it, the wrong entry
 * fails deep in a chunk (`Cannot find package '@effect/platform'`, `effect/ParseResult` not exported); with it, at
 * once, with the entry to use.
 *
 * It probes by importing: `effect/http/HttpClient` exists only in effect 4, `@effect/platform` is the HTTP layer
 * Effect 3 needs. The modules probed are the ones the SDK loads next anyway. Plain code: no Effect import.
 */

/** Which Effect line an entry is written for, and the entry names. */
export type Line = 3 | 4

const probe = (specifier: string): Promise<boolean> =>
  // The specifier is a variable so that bundlers leave the probe alone.
  import(/* @vite-ignore */ specifier).then(() => true, () => false)

const entries = {
  3: { main: "effect-stytch", testing: "effect-stytch/testing", needs: "effect@^3.22.4 @effect/platform@^0.97.2" },
  4: { main: "effect-stytch/effect4", testing: "effect-stytch/effect4/testing", needs: "effect@^4.1.0" }
} as const

/** What is wrong with loading `entry` (written for `line`), or `undefined` when the installed Effect fits it. */
export const entryProblem = async (line: Line, entry: string): Promise<string | undefined> => {
  const effect4 = await probe("effect/http/HttpClient")
  const effect = effect4 || await probe("effect/Effect")
  if (!effect) return `${entry} needs the effect package, which is not installed: npm install ${entries[line].needs}`
  const installed: Line = effect4 ? 4 : 3
  if (installed !== line) {
    const other = entries[installed]
    return `${entry} is the Effect ${line} API, and this app has effect ${installed}: import from "${other.main}" ` +
      `(tests: "${other.testing}") instead. The two entries have the same services, methods and error tags.`
  }
  if (line === 3 && !(await probe("@effect/platform/HttpClient"))) {
    return `${entry} (the Effect 3 API) needs @effect/platform beside effect 3: npm install @effect/platform@^0.97.2`
  }
  return undefined
}

/** Throws the problem of `entryProblem`, as an `Error` whose message says what to do. */
export const assertEntry = async (line: Line, entry: string): Promise<void> => {
  const problem = await entryProblem(line, entry)
  if (problem !== undefined) throw new Error(problem)
}
