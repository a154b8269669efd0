//! `GET /api/v1/instance`: whether this copy is a demo and who operates it, for the line in
//! the app's footer and about page. Public: it names an organisation, nothing personal.

use axum::{Json, Router, extract::State, routing::get};
use wire::Instance;

use crate::AppState;

/// Who operates this instance, from `--operator-ar` / `--operator-en`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Operator {
    pub ar: Option<String>,
    pub en: Option<String>,
}

impl Operator {
    /// The names as configured, blank ones dropped; outside demo mode both are required, so
    /// the portal never runs without saying who answers for it.
    pub fn from_settings(
        demo: bool,
        ar: Option<&str>,
        en: Option<&str>,
    ) -> Result<Self, &'static str> {
        let name = |value: Option<&str>| {
            value
                .map(str::trim)
                .filter(|name| !name.is_empty())
                .map(str::to_owned)
        };
        let operator = Self {
            ar: name(ar),
            en: name(en),
        };
        if !demo && (operator.ar.is_none() || operator.en.is_none()) {
            return Err(
                "outside demo mode the portal must say who operates it: set --operator-ar and \
                 --operator-en (PORTAL_OPERATOR_AR, PORTAL_OPERATOR_EN) to the operator's name \
                 in Arabic and in English (or run with --demo)",
            );
        }
        Ok(operator)
    }
}

pub fn router() -> Router<AppState> {
    Router::new().route("/instance", get(instance))
}

/// Demo or not, and who operates this instance.
#[utoipa::path(get, path = "/instance", tag = "health", operation_id = "get_instance",
    responses((status = 200, body = Instance)))]
pub async fn instance(State(state): State<AppState>) -> Json<Instance> {
    Json(Instance {
        demo: state.demo,
        operator_ar: state.operator.ar.clone(),
        operator_en: state.operator.en.clone(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn outside_demo_mode_both_names_are_required() {
        assert!(Operator::from_settings(false, None, None).is_err());
        assert!(Operator::from_settings(false, Some("جهة"), Some("  ")).is_err());
        assert_eq!(
            Operator::from_settings(false, Some(" جهة "), Some("Agency")),
            Ok(Operator {
                ar: Some("جهة".to_owned()),
                en: Some("Agency".to_owned()),
            })
        );
        assert_eq!(
            Operator::from_settings(true, None, None),
            Ok(Operator::default())
        );
    }
}
