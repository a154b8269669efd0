//! Mounts the app in place of the static skeleton that `index.html` shows while loading.

fn main() {
    portal::mount();
}
