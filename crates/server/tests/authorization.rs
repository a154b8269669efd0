//! The authorization matrix: every operation of `/api/v1/openapi.json`, called with no session,
//! as the household that owns the data (A) and as another household (B).
//!
//! The table below classifies every (method, path) of the document. A new endpoint fails this
//! test until it is listed, and an entry the document no longer has fails it too, so the table
//! cannot fall behind the API.
//!
//! - With no session, everything but [`Rule::Public`] is refused: 401 `unauthenticated`.
//! - [`Rule::Own`]: answers about the caller only. As B it answers (2xx) and never with
//!   anything of A's (A's national ID, names, objection and ticket references).
//! - [`Rule::Others`]: the request names a record of A's, in its path or its body. As A it
//!   answers (so the value is real); as B it is refused with the status and code given, and
//!   never with anything of A's. A path with a parameter always names a household's record,
//!   so it must be `Others`.
//!
//! Operations that take an `Idempotency-Key` (the document says which) get the same key and
//! the same body from A and then from B: if keys were not kept per household, B would be
//! answered with A's record.

mod support;

use std::collections::{BTreeMap, BTreeSet};

use axum::http::{Method, StatusCode};
use serde_json::{Value, json};
use support::{TestResponse, TestServer, backends};
use wire::codes;

/// Household A: an open objection and a ticket (demo data).
const A: &str = "1000000073";
/// Household B: a family paid every month, with no objection.
const B: &str = "1000000008";
/// Signs in through the public `POST /session` entry, so A's and B's codes are not spent.
const THIRD: &str = "1000000024";

enum Rule {
    /// No session needed: answers with this status.
    Public(StatusCode),
    /// The caller's own records only.
    Own,
    /// Names a record of household A: refused to B with this status and code.
    Others(StatusCode, &'static str),
}

struct Endpoint {
    method: &'static str,
    path: &'static str,
    rule: Rule,
    /// A schema-valid body, made from what was read as A, for operations that take one.
    body: Option<fn(&Fixture) -> Value>,
}

/// What was read as household A before the matrix: the values its paths and bodies name,
/// and the markers no answer to B may contain.
struct Fixture {
    /// A paid payment of A's whose objection window is open (B is given no payment then).
    cycle: u32,
    /// A's open objection.
    reference: String,
    /// A bank account code sent to A, and the code itself (from the demo outbox).
    bank_challenge: String,
    bank_code: String,
    markers: BTreeSet<String>,
}

impl Fixture {
    /// The value of household A for a path parameter of the document.
    fn path_value(&self, parameter: &str) -> String {
        match parameter {
            "cycle" => self.cycle.to_string(),
            "reference" => self.reference.clone(),
            other => panic!("no value of household A for the path parameter {{{other}}}"),
        }
    }
}

fn table() -> Vec<Endpoint> {
    use Rule::*;
    vec![
        Endpoint {
            method: "get",
            path: "/health",
            rule: Public(StatusCode::OK),
            body: None,
        },
        Endpoint {
            method: "get",
            path: "/ready",
            rule: Public(StatusCode::OK),
            body: None,
        },
        // Whether this is a demo and who operates it: names an organisation, nothing personal.
        Endpoint {
            method: "get",
            path: "/instance",
            rule: Public(StatusCode::OK),
            body: None,
        },
        // Signing in: the steps before a session exists.
        Endpoint {
            method: "post",
            path: "/session",
            rule: Public(StatusCode::OK),
            body: Some(|_| json!({"national_id": THIRD, "password": "Demo@2026"})),
        },
        Endpoint {
            method: "post",
            path: "/session/verify",
            rule: Public(StatusCode::UNAUTHORIZED), // code_expired: no such challenge
            body: Some(|_| json!({"challenge_id": "no-such-challenge", "code": "123456"})),
        },
        Endpoint {
            method: "post",
            path: "/session/resend",
            rule: Public(StatusCode::UNAUTHORIZED), // code_expired: no such challenge
            body: Some(|_| json!({"challenge_id": "no-such-challenge"})),
        },
        // Forgot password: public by nature; a wrong birth date answers as a right one and
        // sends nothing.
        Endpoint {
            method: "post",
            path: "/password-reset",
            rule: Public(StatusCode::OK),
            body: Some(|_| json!({"national_id": THIRD, "birth_date": "1400-01-01"})),
        },
        Endpoint {
            method: "post",
            path: "/password-reset/complete",
            rule: Public(StatusCode::UNAUTHORIZED), // code_expired: no such reset
            body: Some(
                |_| json!({"challenge_id": "no-such-challenge", "code": "123456", "new_password": "a quiet palm 2026"}),
            ),
        },
        // Signing out works (and changes nothing) without a session.
        Endpoint {
            method: "delete",
            path: "/session",
            rule: Public(StatusCode::NO_CONTENT),
            body: None,
        },
        // Demo mode only: the router is not built otherwise.
        Endpoint {
            method: "get",
            path: "/dev/sms-outbox",
            rule: Public(StatusCode::OK),
            body: None,
        },
        Endpoint {
            method: "post",
            path: "/session/extend",
            rule: Own,
            body: None,
        },
        Endpoint {
            method: "get",
            path: "/me",
            rule: Own,
            body: None,
        },
        Endpoint {
            method: "get",
            path: "/eligibility",
            rule: Own,
            body: None,
        },
        Endpoint {
            method: "get",
            path: "/payments",
            rule: Own,
            body: None,
        },
        Endpoint {
            method: "get",
            path: "/payments/{cycle}",
            rule: Others(StatusCode::NOT_FOUND, codes::NOT_FOUND),
            body: None,
        },
        Endpoint {
            method: "get",
            path: "/objections",
            rule: Own,
            body: None,
        },
        Endpoint {
            method: "get",
            path: "/objections/{reference}",
            rule: Others(StatusCode::NOT_FOUND, codes::NOT_FOUND),
            body: None,
        },
        // B has no payment with A's cycle: the cycle is refused as unknown, and A's key is
        // not replayed.
        Endpoint {
            method: "post",
            path: "/objections",
            rule: Others(StatusCode::UNPROCESSABLE_ENTITY, codes::VALIDATION_FAILED),
            body: Some(|a| {
                json!({
                    "kind": "financial",
                    "cycle": a.cycle,
                    "reason": "short_payment",
                    "description": "The amount is lower than usual.",
                })
            }),
        },
        Endpoint {
            method: "get",
            path: "/tickets",
            rule: Own,
            body: None,
        },
        Endpoint {
            method: "post",
            path: "/tickets",
            rule: Own,
            body: Some(|_| json!({"category": "payments", "message": "When is the next payment?"})),
        },
        Endpoint {
            method: "get",
            path: "/me/bank-account",
            rule: Own,
            body: None,
        },
        // A's code changes A's IBAN; B with A's code is refused as if it had expired. Before
        // the code request below, which would end A's unused code.
        Endpoint {
            method: "put",
            path: "/me/bank-account",
            rule: Others(StatusCode::UNAUTHORIZED, codes::CODE_EXPIRED),
            body: Some(|a| {
                json!({
                    "iban": "SA4420000001234567891234",
                    "challenge_id": a.bank_challenge,
                    "code": a.bank_code,
                })
            }),
        },
        Endpoint {
            method: "post",
            path: "/me/bank-account/code",
            rule: Own,
            body: None,
        },
        Endpoint {
            method: "get",
            path: "/me/household",
            rule: Own,
            body: None,
        },
        Endpoint {
            method: "get",
            path: "/me/household-changes",
            rule: Own,
            body: None,
        },
        // A new income names nothing of A's; another household's member id in a removal is
        // refused in tests/household_changes.rs.
        Endpoint {
            method: "post",
            path: "/me/household-changes",
            rule: Own,
            body: Some(|_| json!({"kind": "income", "monthly_income_sar": "4500"})),
        },
    ]
}

/// Every (method, path) of the document, with whether it takes a body and an
/// `Idempotency-Key`.
fn operations(document: &Value) -> BTreeMap<(String, String), (bool, bool)> {
    let paths = document["paths"]
        .as_object()
        .expect("the document has paths");
    let mut operations = BTreeMap::new();
    for (path, item) in paths {
        for (method, operation) in item.as_object().expect("a path item") {
            if ![
                "get", "put", "post", "delete", "options", "head", "patch", "trace",
            ]
            .contains(&method.as_str())
            {
                continue;
            }
            let takes_body = operation.get("requestBody").is_some();
            let takes_key = operation["parameters"]
                .as_array()
                .is_some_and(|parameters| {
                    parameters.iter().any(|parameter| {
                        parameter["in"] == "header"
                            && parameter["name"].as_str().is_some_and(|name| {
                                name.eq_ignore_ascii_case(wire::IDEMPOTENCY_KEY_HEADER)
                            })
                    })
                });
            operations.insert((method.clone(), path.clone()), (takes_body, takes_key));
        }
    }
    operations
}

/// `/objections/{reference}` with A's values, under the API prefix.
fn fill(path: &str, fixture: &Fixture) -> String {
    let mut filled = String::from(wire::API_PREFIX);
    for (index, part) in path.split('{').enumerate() {
        if index == 0 {
            filled.push_str(part);
            continue;
        }
        let (parameter, rest) = part.split_once('}').expect("a closed path parameter");
        filled.push_str(&fixture.path_value(parameter));
        filled.push_str(rest);
    }
    filled
}

/// Household A's values, read as A.
async fn read_as_a(server: &TestServer, cookie: &str) -> Fixture {
    let me: wire::Me = server.get_as("/api/v1/me", cookie).await.json();
    let payments: Vec<wire::PaymentSummary> =
        server.get_as("/api/v1/payments", cookie).await.json();
    let mut cycle = None;
    for payment in &payments {
        let detail: wire::PaymentDetail = server
            .get_as(&format!("/api/v1/payments/{}", payment.cycle), cookie)
            .await
            .json();
        if detail.objection.allowed {
            cycle = Some(payment.cycle);
            break;
        }
    }
    let cycle = cycle.expect("household A has a payment open to an objection");
    let objections: Vec<wire::Objection> = server.get_as("/api/v1/objections", cookie).await.json();
    let tickets: Vec<wire::Ticket> = server.get_as("/api/v1/tickets", cookie).await.json();
    assert!(
        !objections.is_empty() && !tickets.is_empty(),
        "A's demo objection and ticket"
    );
    let mut markers: BTreeSet<String> = [me.national_id, me.name_ar, me.name_en].into();
    markers.extend(
        objections
            .iter()
            .map(|objection| objection.reference.clone()),
    );
    markers.extend(tickets.iter().map(|ticket| ticket.reference.clone()));
    let sent = server
        .call(
            Method::POST,
            "/api/v1/me/bank-account/code",
            None,
            Some(cookie),
            &[],
        )
        .await;
    assert_eq!(sent.status, StatusCode::OK, "{}", sent.text());
    let outbox: Vec<wire::SmsMessage> = server.get("/api/v1/dev/sms-outbox").await.json();
    let bank_code = outbox
        .into_iter()
        .rev()
        .find(|message| message.national_id == A)
        .map(|message| message.code)
        .expect("A's bank account code");
    Fixture {
        cycle,
        reference: objections[0].reference.clone(),
        bank_challenge: sent.json::<wire::ChallengeSent>().challenge_id,
        bank_code,
        markers,
    }
}

/// The error code, when the body is an error (so a wrong success shows its body, not a panic).
fn code_of(response: &TestResponse) -> Option<String> {
    serde_json::from_slice::<wire::ErrorBody>(&response.body)
        .ok()
        .map(|error| error.code)
}

fn assert_none_of_a(response: &TestResponse, fixture: &Fixture, what: &str) {
    let text = response.text();
    for marker in &fixture.markers {
        assert!(
            !text.contains(marker.as_str()),
            "{what}: B was shown A's {marker:?}: {text}"
        );
    }
}

#[tokio::test]
async fn every_endpoint_of_the_document_is_classified_and_enforced() {
    let table = table();
    for backend in backends() {
        let server = TestServer::start_demo(backend).await;
        // The document itself is public: it is read here without a session.
        let document = server.get("/api/v1/openapi.json").await;
        assert_eq!(document.status, StatusCode::OK);
        let operations = operations(&document.json());

        let listed: BTreeSet<(String, String)> = table
            .iter()
            .map(|endpoint| (endpoint.method.to_owned(), endpoint.path.to_owned()))
            .collect();
        assert_eq!(listed.len(), table.len(), "an endpoint is listed twice");
        let unlisted: Vec<_> = operations
            .keys()
            .filter(|key| !listed.contains(*key))
            .collect();
        let stale: Vec<_> = listed
            .iter()
            .filter(|key| !operations.contains_key(*key))
            .collect();
        assert!(
            unlisted.is_empty() && stale.is_empty(),
            "the authorization table does not match the document.\n\
             In the document, not in the table (a new endpoint fails this test until it is \
             listed): {unlisted:?}\n\
             In the table, no longer in the document: {stale:?}"
        );

        let a = server.login(A).await;
        let b = server.login(B).await;
        let mut fixture = read_as_a(&server, &a).await;
        let a_objections_before = server.get_as("/api/v1/objections", &a).await.text();
        // Payment numbers are the same months for every household: take A's cycle from B,
        // so a query that forgot whose payment it reads would answer B with A's.
        sqlx::query(
            "DELETE FROM payments WHERE cycle = $1 \
             AND beneficiary_id = (SELECT id FROM beneficiaries WHERE national_id = $2)",
        )
        .bind(i64::from(fixture.cycle))
        .bind(B)
        .execute(&server.db.pool)
        .await
        .expect("B without A's cycle");

        for endpoint in &table {
            let what = format!(
                "{backend:?} {} {}",
                endpoint.method.to_uppercase(),
                endpoint.path
            );
            let (takes_body, takes_key) =
                operations[&(endpoint.method.to_owned(), endpoint.path.to_owned())];
            assert_eq!(
                takes_body,
                endpoint.body.is_some(),
                "{what}: a body in the table iff the document takes one"
            );
            if endpoint.path.contains('{') {
                assert!(
                    matches!(endpoint.rule, Rule::Others(..)),
                    "{what}: a path parameter names a household's record: it must be `Others`"
                );
            }
            let method: Method = endpoint.method.to_uppercase().parse().expect("a method");
            let path = fill(endpoint.path, &fixture);
            let body = endpoint.body.map(|body| body(&fixture));
            let key = format!("authorization-{}-{}", endpoint.method, endpoint.path);
            let headers: &[(&str, &str)] = if takes_key {
                &[(wire::IDEMPOTENCY_KEY_HEADER, key.as_str())]
            } else {
                &[]
            };
            let anonymous = server
                .call(method.clone(), &path, body.clone(), None, headers)
                .await;
            match endpoint.rule {
                Rule::Public(status) => {
                    assert_eq!(
                        anonymous.status,
                        status,
                        "{what} with no session: {}",
                        anonymous.text()
                    );
                    if !anonymous.status.is_success() {
                        assert_ne!(
                            code_of(&anonymous).as_deref(),
                            Some(codes::UNAUTHENTICATED),
                            "{what}"
                        );
                    }
                    // Public: nothing of a household to check as B (and B's sign-out would end
                    // B's session).
                    continue;
                }
                Rule::Own | Rule::Others(..) => {
                    assert_eq!(
                        (anonymous.status, code_of(&anonymous)),
                        (
                            StatusCode::UNAUTHORIZED,
                            Some(codes::UNAUTHENTICATED.to_owned())
                        ),
                        "{what} with no session"
                    );
                }
            }

            let as_a = server
                .call(method.clone(), &path, body.clone(), Some(&a), headers)
                .await;
            assert!(
                as_a.status.is_success(),
                "{what} as A: {} {}",
                as_a.status,
                as_a.text()
            );
            if let Ok(Value::Object(record)) = serde_json::from_slice::<Value>(&as_a.body)
                && let Some(Value::String(reference)) = record.get("reference")
            {
                // A record A just made (an objection, a ticket) is A's too.
                fixture.markers.insert(reference.clone());
            }

            let as_b = server.call(method, &path, body, Some(&b), headers).await;
            match endpoint.rule {
                Rule::Own => assert!(
                    as_b.status.is_success(),
                    "{what} as B: {} {}",
                    as_b.status,
                    as_b.text()
                ),
                Rule::Others(status, code) => assert_eq!(
                    (as_b.status, code_of(&as_b)),
                    (status, Some(code.to_owned())),
                    "{what} as B with A's values: {}",
                    as_b.text()
                ),
                Rule::Public(_) => unreachable!(),
            }
            assert_none_of_a(&as_b, &fixture, &what);
        }

        // Nothing B did reached A's records; B's list holds none of them.
        let a_objections: Vec<wire::Objection> =
            server.get_as("/api/v1/objections", &a).await.json();
        let before: Vec<wire::Objection> =
            serde_json::from_str(&a_objections_before).expect("json");
        assert_eq!(
            a_objections.len(),
            before.len() + 1,
            "A's own objection from the matrix"
        );
        let b_objections = server.get_as("/api/v1/objections", &b).await;
        assert_none_of_a(&b_objections, &fixture, "B's objections after the matrix");
        let b_tickets = server.get_as("/api/v1/tickets", &b).await;
        assert_none_of_a(&b_tickets, &fixture, "B's tickets after the matrix");
        assert_eq!(
            b_tickets.json::<Vec<wire::Ticket>>().len(),
            1,
            "B's own ticket"
        );
        server.stop().await;
    }
}
