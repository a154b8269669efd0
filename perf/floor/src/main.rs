//! The smallest app the portal could be: Leptos CSR with its router and one page. The
//! portal's first load is measured against this one's (scripts/size).

use leptos::prelude::*;
use leptos_router::{
    components::{Route, Router, Routes},
    path,
};

fn main() {
    leptos::mount::mount_to_body(App);
}

#[component]
fn App() -> impl IntoView {
    view! {
        <Router>
            <Routes fallback=|| "not found">
                <Route path=path!("/") view=|| view! { <h1>"Hello, world"</h1> } />
            </Routes>
        </Router>
    }
}
