//! With the `split` feature (Trunk's build, index.html), the linker keeps its relocations in
//! the app's wasm: scripts/wasm-split needs them to cut the route chunks out (src/lazy.rs).
//! Only there: every other wasm (the wasm tests, perf/floor) stays as it was.

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    let split = std::env::var_os("CARGO_FEATURE_SPLIT").is_some();
    let wasm = std::env::var("CARGO_CFG_TARGET_ARCH").is_ok_and(|arch| arch == "wasm32");
    if split && wasm {
        println!("cargo:rustc-link-arg-bins=--emit-relocs");
    }
}
