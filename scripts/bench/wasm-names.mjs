// Reads a .wasm file's sections and its name section (function names) and reports where the bytes go:
// the size of each section, the largest functions, and code bytes grouped by crate (the first path
// segment of the demangled name). Needs a module that still has its name section, i.e. the one cargo
// writes before wasm-bindgen and wasm-opt strip it.
import { readFileSync } from "node:fs";

function reader(buf) {
  let pos = 0;
  const r = {
    get pos() { return pos; },
    set pos(p) { pos = p; },
    u8: () => buf[pos++],
    leb() {
      let result = 0, shift = 0, byte;
      do { byte = buf[pos++]; result += (byte & 0x7f) * 2 ** shift; shift += 7; } while (byte & 0x80);
      return result;
    },
    bytes(n) { const b = buf.subarray(pos, pos + n); pos += n; return b; },
    str() { const n = r.leb(); return new TextDecoder().decode(r.bytes(n)); },
  };
  return r;
}

const SECTION = ["custom", "type", "import", "function", "table", "memory", "global", "export", "start",
  "element", "code", "data", "datacount", "tag"];

export function analyse(path) {
  const buf = readFileSync(path);
  const r = reader(buf);
  r.pos = 8;
  const sections = [];
  let importedFuncs = 0;
  const bodies = [];
  const names = new Map();
  while (r.pos < buf.length) {
    const id = r.u8();
    const size = r.leb();
    const start = r.pos;
    let name = SECTION[id] ?? `unknown ${id}`;
    if (id === 0) {
      name = `custom "${r.str()}"`;
      if (name === 'custom "name"') {
        while (r.pos < start + size) {
          const sub = r.u8();
          const subSize = r.leb();
          const subEnd = r.pos + subSize;
          if (sub === 1) {
            const n = r.leb();
            for (let i = 0; i < n; i++) { const idx = r.leb(); names.set(idx, r.str()); }
          }
          r.pos = subEnd;
        }
      }
    } else if (id === 2) {
      const n = r.leb();
      for (let i = 0; i < n; i++) {
        r.str(); r.str();
        const kind = r.u8();
        if (kind === 0) { r.leb(); importedFuncs++; }
        else if (kind === 1) { r.u8(); const flags = r.leb(); r.leb(); if (flags & 1) r.leb(); }
        else if (kind === 2) { const flags = r.leb(); r.leb(); if (flags & 1) r.leb(); }
        else if (kind === 3) { r.u8(); r.u8(); }
        else if (kind === 4) { r.u8(); r.leb(); }
      }
    } else if (id === 10) {
      const n = r.leb();
      for (let i = 0; i < n; i++) { const len = r.leb(); bodies.push(len); r.pos += len; }
    }
    sections.push({ name, bytes: size });
    r.pos = start + size;
  }
  const functions = bodies.map((bytes, i) => {
    const raw = names.get(importedFuncs + i) ?? `func ${importedFuncs + i}`;
    return { name: demangle(raw), crate: crateOf(raw), bytes };
  });
  functions.sort((a, b) => b.bytes - a.bytes);
  const crates = new Map();
  for (const f of functions) {
    const c = f.crate;
    crates.set(c, (crates.get(c) ?? 0) + f.bytes);
  }
  return {
    total: buf.length,
    sections,
    functions,
    crates: [...crates].map(([name, bytes]) => ({ name, bytes })).sort((a, b) => b.bytes - a.bytes),
  };
}

// `<leptos::x::Y as core::fmt::Debug>::fmt::h..` belongs to leptos; `alloc::vec::Vec<T>::push` to alloc.
export function demangle(name) {
  if (!name.startsWith("_ZN")) return name;
  const parts = [];
  let i = 3;
  while (i < name.length && name[i] !== "E") {
    const m = name.slice(i).match(/^(\d+)/);
    if (!m) break;
    i += m[1].length;
    parts.push(name.slice(i, i + Number(m[1])));
    i += Number(m[1]);
  }
  if (parts.length && /^h[0-9a-f]{16}$/.test(parts[parts.length - 1])) parts.pop();
  const text = parts.join("::")
    .replace(/\$LT\$/g, "<").replace(/\$GT\$/g, ">").replace(/\$u20\$/g, " ").replace(/\$RF\$/g, "&")
    .replace(/\$LP\$/g, "(").replace(/\$RP\$/g, ")").replace(/\$C\$/g, ",").replace(/\$BP\$/g, "*")
    .replace(/\$u7b\$/g, "{").replace(/\$u7d\$/g, "}").replace(/\$u5b\$/g, "[").replace(/\$u5d\$/g, "]")
    .replace(/\$u27\$/g, "'").replace(/\.\./g, "::").replace(/^_</, "<");
  return text;
}

function crateOf(name) {
  if (name.startsWith("_R")) {
    const m = name.match(/C[sr]?[0-9A-Za-z]*_(\d+)([A-Za-z_][A-Za-z0-9_]*)/);
    if (m) return m[2].slice(0, Number(m[1]));
  }
  const d = demangle(name);
  if (d.startsWith("__wbindgen") || d.startsWith("__wbg") || d.startsWith("__externref")) return "wasm_bindgen";
  const impl = d.match(/^<&?(?:mut )?(?:dyn )?([A-Za-z_][A-Za-z0-9_]*)(::| as )(?:&?(?:mut )?(?:dyn )?([A-Za-z_][A-Za-z0-9_]*)::)?/);
  if (impl) {
    if (impl[2] === "::") return impl[1];
    if (impl[3]) return impl[3];
  }
  let s = d.replace(/^</, "").replace(/^&(mut )?/, "").replace(/^\(?dyn /, "");
  const m = s.match(/^([A-Za-z_][A-Za-z0-9_]*)::/);
  return m ? m[1] : "(other)";
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const a = analyse(process.argv[2]);
  console.log(`total ${a.total}`);
  for (const s of a.sections) console.log(`section ${s.name.padEnd(30)} ${s.bytes}`);
  console.log("--- crates");
  for (const c of a.crates.slice(0, 25)) console.log(`${String(c.bytes).padStart(9)} ${c.name}`);
  console.log("--- functions");
  for (const f of a.functions.slice(0, 25)) console.log(`${String(f.bytes).padStart(9)} ${f.name.slice(0, 150)}`);
}
