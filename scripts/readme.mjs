// The SDK's tarball carries the README written for package users (docs/package-readme.md); the repository's README
// is for contributors. `prepack` swaps the package one in, `postpack` (and any later run of "repo") puts it back.
import { copyFileSync, existsSync, renameSync } from "node:fs"

const saved = ".README.repository.md"
const which = process.argv[2]
if (which === "package") {
  if (!existsSync(saved)) renameSync("README.md", saved)
  copyFileSync("docs/package-readme.md", "README.md")
} else if (which === "repo") {
  if (existsSync(saved)) renameSync(saved, "README.md")
} else {
  console.error("usage: node scripts/readme.mjs package|repo")
  process.exit(2)
}
