/** Node, Bun and Deno: the target from the environment, the report as one JSON line on stdout. */
import { run } from "./app.js"

declare const process: { env: Record<string, string | undefined>; exitCode?: number }

const env = (name: string): string => {
  const value = process.env[name]
  if (value === undefined) throw new Error(`${name} is not set`)
  return value
}

const report = await run({
  baseUrl: env("STYTCH_BASE_URL"),
  projectId: env("STYTCH_PROJECT_ID"),
  secret: env("STYTCH_SECRET"),
  email: env("APP_EMAIL"),
  password: env("APP_PASSWORD")
})
console.log(JSON.stringify(report))
if (!report.ok) process.exitCode = 1
