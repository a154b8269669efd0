//! Prints the English text pack (`texts::pack`) of this build; `scripts/text-pack`, a Trunk
//! hook, puts it beside the app.

fn main() {
    print!("{}", texts::pack::write(texts::EN));
}
