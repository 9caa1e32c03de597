/**
 * Install size: what `npm install` of the package puts on disk, ours (packed from this checkout) against the official
 * `stytch` package at the version installed here. Each goes into its own empty app; ours minus an app holding only
 * the peers (effect, @effect/platform and whatever they pull in), since an Effect app has those already.
 */
import { execFileSync } from "node:child_process"
import { lstatSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"

export interface Footprint {
  /** Bytes of every file under node_modules (apparent sizes). */
  readonly bytes: number
  /** Packages in the production tree (`npm ls --prod --all --parseable`), the app itself not counted. */
  readonly packages: number
}

export interface InstallResult {
  readonly ours: Footprint
  readonly peers: Footprint
  readonly official: Footprint
  readonly officialVersion: string
  readonly peerSpecs: ReadonlyArray<string>
}

const npm = process.platform === "win32" ? "npm.cmd" : "npm"
const run = (args: ReadonlyArray<string>, cwd: string) =>
  execFileSync(npm, args, { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"], maxBuffer: 64 * 1024 * 1024 })

const sizeOf = (dir: string): number => {
  let total = 0
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) total += sizeOf(path)
    else if (entry.isFile()) total += lstatSync(path).size
  }
  return total
}

/** A new app with `specs` installed from the local cache where it can (`--prefer-offline`), and what it weighs. */
const footprint = (parent: string, name: string, specs: ReadonlyArray<string>): Footprint => {
  const app = join(parent, name)
  mkdirSync(app)
  writeFileSync(join(app, "package.json"), JSON.stringify({ name: `bench-${name}`, private: true, version: "0.0.0" }))
  run(["install", ...specs, "--prefer-offline", "--no-audit", "--no-fund", "--ignore-scripts", "--loglevel=error"], app)
  const lines = run(["ls", "--prod", "--all", "--parseable"], app).split("\n").filter((l) => l.trim() !== "")
  const packages = new Set(lines.filter((l) => l !== app)).size
  return { bytes: sizeOf(join(app, "node_modules")), packages }
}

/** The installed version of `pkg` under `root`. */
export const versionOf = (root: string, pkg: string) =>
  (JSON.parse(readFileSync(join(root, "node_modules", pkg, "package.json"), "utf8")) as { version: string }).version

/**
 * Packs the checkout at `root` (its `dist/` must be built: `npm run build`; `prepack` is skipped here) and measures.
 */
export const measureInstall = (root: string): InstallResult => {
  const dir = mkdtempSync(join(tmpdir(), "effect-stytch-install-"))
  try {
    const packed = JSON.parse(run(["pack", "--ignore-scripts", "--json", "--pack-destination", dir], root)) as Array<
      { filename: string }
    >
    const tarball = join(dir, packed[0]!.filename)
    const peerSpecs = [`effect@${versionOf(root, "effect")}`, `@effect/platform@${versionOf(root, "@effect/platform")}`]
    const officialVersion = versionOf(root, "stytch")
    return {
      ours: footprint(dir, "ours", [tarball, ...peerSpecs]),
      peers: footprint(dir, "peers", peerSpecs),
      official: footprint(dir, "official", [`stytch@${officialVersion}`]),
      officialVersion,
      peerSpecs
    }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}
