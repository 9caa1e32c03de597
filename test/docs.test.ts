/**
 * Doc comments reach the user: every generated endpoint's JSDoc (what it does, method and path, retry class) shows
 * on hover over the service method (`users.get`), through the mapped `Client<...>` type; and no comment in the
 * sources points into another repository's files.
 */
import { assert, describe, it } from "@effect/vitest"
import { readdirSync, readFileSync } from "node:fs"
import { join } from "node:path"
import { fileURLToPath } from "node:url"
import ts from "typescript"

const root = fileURLToPath(new URL("..", import.meta.url))
const probe = join(root, "test", "__hover_probe__.ts")
const PROBE = `import type { Sessions, Users } from "../src/index.js"
declare const users: Users.Service
declare const sessions: Sessions.Service
users.get
sessions.authenticateWithClaims
`

/** The hover text (signature and documentation) at the end of `needle` in the probe, from the language service. */
const hovers = (needles: ReadonlyArray<string>): Array<string> => {
  const options: ts.CompilerOptions = {
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    strict: true,
    exactOptionalPropertyTypes: true,
    skipLibCheck: true,
    noEmit: true,
    types: []
  }
  const host: ts.LanguageServiceHost = {
    getScriptFileNames: () => [probe],
    getScriptVersion: () => "1",
    getScriptSnapshot: (file) => {
      const text = file === probe ? PROBE : ts.sys.readFile(file)
      return text === undefined ? undefined : ts.ScriptSnapshot.fromString(text)
    },
    getCurrentDirectory: () => root,
    getCompilationSettings: () => options,
    getDefaultLibFileName: ts.getDefaultLibFilePath,
    fileExists: (file) => file === probe || ts.sys.fileExists(file),
    readFile: (file) => (file === probe ? PROBE : ts.sys.readFile(file)),
    readDirectory: ts.sys.readDirectory,
    directoryExists: ts.sys.directoryExists,
    getDirectories: ts.sys.getDirectories
  }
  const service = ts.createLanguageService(host)
  return needles.map((needle) => {
    const info = service.getQuickInfoAtPosition(probe, PROBE.indexOf(needle) + needle.length - 1)
    return [
      ts.displayPartsToString(info?.displayParts),
      ts.displayPartsToString(info?.documentation)
    ].join("\n")
  })
}

const sourceFiles = (dir: string): Array<string> =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? sourceFiles(join(dir, entry.name)) : entry.name.endsWith(".ts") ? [join(dir, entry.name)] : []
  )

describe("doc comments", () => {
  it("show on hover over a service method: summary, HTTP method and path, retry class", { timeout: 120_000 }, () => {
    const [get, claims] = hovers(["users.get", "sessions.authenticateWithClaims"])
    assert.include(get, "Reads a user by id")
    assert.include(get, "GET /v1/users/{user_id}")
    assert.include(get, "retried on network errors, timeouts, 408, 429 and 5xx")
    assert.include(claims, "custom claims decoded by the given schema")
  })

  it("never point into another repository's files", () => {
    const offenders = sourceFiles(join(root, "src")).filter((file) => readFileSync(file, "utf8").includes("lib/b2c/"))
    assert.deepStrictEqual(offenders, [])
  })
})
