//! «طباعة»: prints the page as it is, through the browser's own dialog (which also offers
//! "save as PDF"). The print style in `style/main.css` leaves out the navigation, the tools
//! and every button, this one included.

use leptos::prelude::*;

use crate::components::button::{Button, ButtonKind};

/// A secondary button that opens the browser's print dialog.
#[component]
pub fn PrintButton() -> impl IntoView {
    view! {
        <div class="print-action">
            <Button
                label=|t| t.print
                kind=ButtonKind::Secondary
                on_click=Callback::new(|()| {
                    let _ = window().print();
                })
            />
        </div>
    }
}
