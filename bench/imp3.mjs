const t = () => performance.now()
let a = t()
await import("effect"); await import("@effect/platform"); await import("jose")
console.log("deps", (t()-a).toFixed(0))
for (const m of process.argv.slice(2)) { a = t(); await import(m); console.log(m, (t()-a).toFixed(1)) }
