//! `#[derive(TextTable)]` for the app's translation tables (`src/i18n.rs`): an
//! `each_text` that hands every field, in declaration order, to the field's own
//! `TextTable::each_text`. The English table travels as a text pack (one text a line, in
//! that order) instead of inside the wasm, and this order is what writes and reads it.
//! The derive names the trait as `crate::TextTable`, so it serves the app crate only.

use proc_macro::TokenStream;
use quote::quote;
use syn::{Data, DeriveInput, Fields, parse_macro_input};

#[proc_macro_derive(TextTable)]
pub fn derive_text_table(input: TokenStream) -> TokenStream {
    let input = parse_macro_input!(input as DeriveInput);
    let name = &input.ident;
    let fields = match &input.data {
        Data::Struct(data) => match &data.fields {
            Fields::Named(fields) => fields.named.iter().filter_map(|f| f.ident.clone()),
            _ => return error(name, "TextTable needs a struct with named fields"),
        },
        _ => return error(name, "TextTable needs a struct"),
    };
    quote! {
        impl crate::TextTable for #name {
            fn each_text(&mut self, visit: &mut dyn crate::TextVisitor) {
                #( crate::TextTable::each_text(&mut self.#fields, visit); )*
            }
        }
    }
    .into()
}

/// `#[derive(Blank)]`: `const BLANK`, the table with every text `texts::NOT_INSTALLED`, which
/// a part of the Arabic table reads as until the code showing it has installed it
/// (`texts::Part`).
#[proc_macro_derive(Blank)]
pub fn derive_blank(input: TokenStream) -> TokenStream {
    let input = parse_macro_input!(input as DeriveInput);
    let name = &input.ident;
    let fields = match &input.data {
        Data::Struct(data) => match &data.fields {
            Fields::Named(fields) => fields
                .named
                .iter()
                .map(|f| (&f.ident, &f.ty))
                .collect::<Vec<_>>(),
            _ => return error(name, "Blank needs a struct with named fields"),
        },
        _ => return error(name, "Blank needs a struct"),
    };
    let (names, types): (Vec<_>, Vec<_>) = fields.into_iter().unzip();
    quote! {
        impl crate::Blank for #name {
            const BLANK: Self = #name { #( #names: <#types as crate::Blank>::BLANK, )* };
        }
    }
    .into()
}

fn error(name: &syn::Ident, message: &str) -> TokenStream {
    syn::Error::new(name.span(), message)
        .to_compile_error()
        .into()
}
