//! Who is calling, as a network address: the socket's peer, or the address a trusted proxy
//! forwarded (`--trusted-proxy`). Limits per source and audit rows use it.

use std::net::{IpAddr, SocketAddr};

use axum::{
    extract::{ConnectInfo, FromRequestParts, Request, State},
    http::request::Parts,
    middleware::Next,
    response::Response,
};

use crate::AppState;

/// The client's address, or `None` when the server was not told (tests without a socket).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ClientAddress(pub Option<IpAddr>);

impl ClientAddress {
    /// As written in audit rows.
    pub fn audit_text(&self) -> String {
        self.0
            .map_or_else(|| "unknown".to_owned(), |ip| ip.to_string())
    }

    /// The subject of the per-source limit: an IPv4 address, or an IPv6 /64 (one household
    /// or phone gets a whole /64, so counting single IPv6 addresses would count nothing).
    pub fn limit_key(&self) -> String {
        match self.0 {
            Some(IpAddr::V4(ip)) => ip.to_string(),
            Some(IpAddr::V6(ip)) => match ip.to_ipv4_mapped() {
                Some(v4) => v4.to_string(),
                None => {
                    let s = ip.segments();
                    format!("{:x}:{:x}:{:x}:{:x}::/64", s[0], s[1], s[2], s[3])
                }
            },
            None => "unknown".to_owned(),
        }
    }
}

/// Works out the client address once per request and keeps it in the request's extensions.
pub async fn remember_client_address(
    State(state): State<AppState>,
    mut request: Request,
    next: Next,
) -> Response {
    let peer = request
        .extensions()
        .get::<ConnectInfo<SocketAddr>>()
        .map(|ConnectInfo(address)| address.ip());
    let forwarded = request
        .headers()
        .get_all("x-forwarded-for")
        .iter()
        .filter_map(|value| value.to_str().ok())
        .flat_map(|value| value.split(','))
        .map(str::trim)
        .map(str::to_owned)
        .collect::<Vec<_>>();
    let address = client_address(peer, &forwarded, &state.trusted_proxies);
    request.extensions_mut().insert(ClientAddress(address));
    next.run(request).await
}

/// The peer, unless it is a trusted proxy: then the right-most forwarded address that is not
/// itself a trusted proxy (addresses further left were written by the client and prove
/// nothing).
pub fn client_address(
    peer: Option<IpAddr>,
    forwarded_for: &[String],
    trusted: &[ipnet::IpNet],
) -> Option<IpAddr> {
    let is_trusted = |ip: &IpAddr| trusted.iter().any(|net| net.contains(ip));
    let peer = peer?;
    if !is_trusted(&peer) {
        return Some(peer);
    }
    let mut address = peer;
    for hop in forwarded_for.iter().rev() {
        match hop.parse::<IpAddr>() {
            Ok(ip) => {
                address = ip;
                if !is_trusted(&ip) {
                    break;
                }
            }
            // A malformed hop: nothing to its left can be believed.
            Err(_) => break,
        }
    }
    Some(address)
}

impl<S: Send + Sync> FromRequestParts<S> for ClientAddress {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(parts: &mut Parts, _state: &S) -> Result<Self, Self::Rejection> {
        Ok(parts
            .extensions
            .get::<ClientAddress>()
            .copied()
            .unwrap_or(ClientAddress(None)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ip(text: &str) -> IpAddr {
        text.parse().expect("an address")
    }

    #[test]
    fn a_forwarded_header_counts_only_from_a_trusted_proxy() {
        let hops = vec!["203.0.113.9".to_owned()];
        assert_eq!(
            client_address(Some(ip("198.51.100.1")), &hops, &[]),
            Some(ip("198.51.100.1")),
            "no proxy is trusted: the header is ignored"
        );
        let trusted = vec!["127.0.0.1/32".parse().expect("net")];
        assert_eq!(
            client_address(Some(ip("127.0.0.1")), &hops, &trusted),
            Some(ip("203.0.113.9"))
        );
        // The client wrote the left-most hop itself; the proxy appended the real one.
        let spoofed = vec!["1.2.3.4".to_owned(), "203.0.113.9".to_owned()];
        assert_eq!(
            client_address(Some(ip("127.0.0.1")), &spoofed, &trusted),
            Some(ip("203.0.113.9"))
        );
        assert_eq!(
            client_address(Some(ip("127.0.0.1")), &["junk".to_owned()], &trusted),
            Some(ip("127.0.0.1"))
        );
    }

    #[test]
    fn ipv6_addresses_are_limited_by_their_64() {
        let a = ClientAddress(Some(ip("2001:db8:1:2::1")));
        let b = ClientAddress(Some(ip("2001:db8:1:2:ffff::9")));
        assert_eq!(a.limit_key(), b.limit_key());
        assert_eq!(
            ClientAddress(Some(ip("::ffff:10.0.0.1"))).limit_key(),
            "10.0.0.1"
        );
    }
}
