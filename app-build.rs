//! The app crate's build script. The content is compiled by build.rs, the engine crate's
//! (engine/Cargo.toml); this one only gives the app's link what the `split` feature needs.

fn main() {
    println!("cargo:rerun-if-changed=app-build.rs");
    // The engine crate's OUT_DIR (its build.rs passes it on through `links`): tests/browser.rs embeds the
    // English pack from there, as the host embeds the packs.
    let content =
        std::env::var("DEP_PYCONC_CONTENT_OUT_DIR").expect("the engine crate's build script passes its OUT_DIR");
    println!("cargo:rustc-env=PYCONC_CONTENT_OUT_DIR={content}");
    // wasm-split (scripts/split-wasm.mjs) needs the linker's relocations to cut the app's .wasm apart.
    if std::env::var_os("CARGO_FEATURE_SPLIT").is_some()
        && std::env::var("TARGET").is_ok_and(|t| t.starts_with("wasm32"))
    {
        println!("cargo:rustc-link-arg-bin=which-python-concurrency=--emit-relocs");
    }
}
