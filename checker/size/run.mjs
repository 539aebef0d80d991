// Runs the checker's WebAssembly on Python files under Node: node run.mjs MODULE.wasm FILE.py...
// Prints each file's report text; `-` reads stdin; `--deep` feeds generated deeply nested inputs.
import { readFileSync } from "node:fs";

const [wasmPath, ...files] = process.argv.slice(2);
const module = await WebAssembly.compile(readFileSync(wasmPath));
let exports = (await WebAssembly.instantiate(module, {})).exports;

function check(text) {
  const { memory, input, run, output } = exports;
  const bytes = new TextEncoder().encode(text);
  const at = input(bytes.length);
  new Uint8Array(memory.buffer, at, bytes.length).set(bytes);
  const len = run(bytes.length);
  return new TextDecoder().decode(new Uint8Array(memory.buffer, output(), len));
}

const inputs = [];
for (const f of files) {
  if (f === "--deep") {
    for (const n of [150, 200, 201]) inputs.push([`parens ${n}`, `x = ${"(".repeat(n)}1${")".repeat(n)}\n`]);
    for (const n of (process.env.DEEP_SIZES || "100,500,999,1000,1001,50000").split(",").map(Number)) {
      inputs.push([`attr ${n}`, `x = a${".b".repeat(n)}\n`]);
      inputs.push([`plus ${n}`, `x = 1${"+1".repeat(n)}\n`]);
      inputs.push([`call ${n}`, `x = f${"()".repeat(n)}\n`]);
      inputs.push([`not ${n}`, `x = ${"not ".repeat(n)}1\n`]);
      inputs.push([`mixed ${n}`, `x = ${"[-a.b(".repeat(Math.min(n, 199))}1${")]".repeat(Math.min(n, 199))}\n`]);
    }
    let blocks = "";
    for (let i = 0; i < 100; i++) blocks += " ".repeat(i) + "if x:\n";
    inputs.push(["indent 100", blocks + " ".repeat(100) + "pass\n"]);
    inputs.push(["lambdas 200", `f = ${"lambda: ".repeat(200)}1\n`]);
    // The deepest input the guard lets through: 99 blocks, 199 brackets, 300 chained operators.
    let worst = "";
    for (let i = 0; i < 99; i++) worst += " ".repeat(i) + "while x:\n";
    const inner = `(not -${"a.".repeat(148)}b)`;
    worst += " ".repeat(99) + `x = ${"[".repeat(198)}${inner}${"]".repeat(198)}\n`;
    inputs.push(["worst accepted", worst]);
  } else {
    inputs.push([f, readFileSync(f === "-" ? 0 : f, "utf8")]);
  }
}
for (const [name, text] of inputs) {
  const started = performance.now();
  let out;
  try {
    out = check(text);
  } catch (error) {
    // A trap leaves the instance unusable: report it and start a fresh one.
    out = `CRASH ${error.message}`;
    process.exitCode = 1;
    exports = (await WebAssembly.instantiate(module, {})).exports;
  }
  const ms = (performance.now() - started).toFixed(1);
  console.log(`== ${name} (${ms} ms)\n${out.split("\n").slice(0, 3).join("\n")}`);
}
