// Who the client is behind reverse proxies. TRUST_PROXY is the number of proxies in front of the
// API that each append the address they saw to X-Forwarded-For (the portals' proxy of `npm start`
// is one; a TLS terminator or CDN before a load balancer makes two). Without it the headers are
// ignored: anyone can send them. Login throttling counts failures per client address, so taking
// a proxy's address would let one client lock out everyone behind it (docs/scaling.md).

/** The most hops this accepts: more is a configuration mistake, not a network. */
const MAX_HOPS = 10;

/** TRUST_PROXY as a number of trusted hops: unset or empty is 0. */
export function trustedProxyHops(value: string | undefined): { ok: true; hops: number } | { ok: false; error: string } {
  const text = value?.trim() ?? "";
  if (text === "") return { ok: true, hops: 0 };
  const hops = Number(text);
  if (!/^\d+$/.test(text) || hops > MAX_HOPS) {
    return { ok: false, error: `TRUST_PROXY: the number of reverse proxies in front of the API, a whole number from 0 to ${MAX_HOPS}.` };
  }
  return { ok: true, hops };
}

/** One X-Forwarded-* header as its comma-separated entries (a repeated header arrives as a list). */
const entriesOf = (header: string | string[] | undefined): string[] =>
  (Array.isArray(header) ? header.join(",") : (header ?? ""))
    .split(",")
    .map((e) => e.trim())
    .filter((e) => e !== "");

/**
 * The client's address: the one the outermost of `hops` trusted proxies saw. Each proxy appends
 * the address it saw, so counted from the connection's own address, the client is `hops` entries
 * back; what a client wrote into the header itself lies before that and is never taken. With
 * fewer entries than hops (a request that bypassed a proxy), the furthest one there is.
 */
export function clientAddressOf(forwardedFor: string | string[] | undefined, remoteAddress: string | undefined, hops: number): string {
  const path = [remoteAddress ?? "", ...entriesOf(forwardedFor).reverse()];
  const seen = hops === 0 ? path[0] : path[Math.min(hops, path.length - 1)];
  return seen || remoteAddress || "unknown";
}

/** The protocol the client used, as the outermost trusted proxy reports it (X-Forwarded-Proto); "" without trusted proxies. */
export function forwardedProtoOf(header: string | string[] | undefined, hops: number): string {
  if (hops === 0) return "";
  const entries = entriesOf(header);
  return entries[Math.max(0, entries.length - hops)] ?? "";
}
