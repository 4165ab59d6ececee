// Prints the gzip size of every file of a built page against a budget in KB:
//   node scripts/size.mjs dist 150          fails (exit 1) when the page is over budget
//   node scripts/size.mjs dist 150 --warn   reports it loudly but exits 0
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";

const args = process.argv.slice(2).filter((a) => a !== "--warn");
const warnOnly = process.argv.includes("--warn");
const [dir = "dist", budgetKb = "150"] = args;
// Fetched only when a reader asks for it, not part of the page's load.
const ON_DEMAND = new Set(["office.wasm"]);
let total = 0;
for (const name of readdirSync(dir).sort()) {
  const path = join(dir, name);
  if (!statSync(path).isFile()) continue;
  const raw = readFileSync(path);
  const gz = gzipSync(raw, { level: 9 }).length;
  if (!ON_DEMAND.has(name)) total += gz;
  const note = ON_DEMAND.has(name) ? "  (on demand, not in the total)" : "";
  console.log(`${name.padEnd(44)} ${String(raw.length).padStart(8)} B raw ${String(gz).padStart(8)} B gzip${note}`);
}
const kb = total / 1000;
console.log(`total: ${kb.toFixed(1)} KB gzip (budget ${budgetKb} KB)`);
if (kb > Number(budgetKb)) {
  console.error(`OVER BUDGET: the page is ${(kb - budgetKb).toFixed(1)} KB over the ${budgetKb} KB budget`);
  if (!warnOnly) process.exit(1);
}
