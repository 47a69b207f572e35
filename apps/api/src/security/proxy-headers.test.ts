import { describe, expect, it } from "vitest";
import { clientAddressOf, forwardedProtoOf, trustedProxyHops } from "./proxy-headers.ts";

describe("TRUST_PROXY", () => {
  it("is a number of hops: unset is none, nonsense is refused", () => {
    expect(trustedProxyHops(undefined)).toEqual({ ok: true, hops: 0 });
    expect(trustedProxyHops(" ")).toEqual({ ok: true, hops: 0 });
    expect(trustedProxyHops("1")).toEqual({ ok: true, hops: 1 });
    expect(trustedProxyHops("2")).toEqual({ ok: true, hops: 2 });
    for (const bad of ["true", "-1", "1.5", "11", "one"]) expect(trustedProxyHops(bad)).toMatchObject({ ok: false });
  });
});

describe("the client's address behind proxies", () => {
  it("without trusted proxies, the connection's address, whatever the header says", () => {
    expect(clientAddressOf("203.0.113.9", "10.0.0.5", 0)).toBe("10.0.0.5");
    expect(clientAddressOf(undefined, undefined, 0)).toBe("unknown");
  });

  it("behind one proxy, the entry it appended; what the client wrote before it is not taken", () => {
    expect(clientAddressOf("198.51.100.7", "127.0.0.1", 1)).toBe("198.51.100.7");
    expect(clientAddressOf("6.6.6.6, 198.51.100.7", "127.0.0.1", 1)).toBe("198.51.100.7");
    // Straight to the API, bypassing the proxy: its own address.
    expect(clientAddressOf(undefined, "127.0.0.1", 1)).toBe("127.0.0.1");
  });

  it("behind two (a TLS terminator before the load balancer), the address the outer one saw", () => {
    // The client spoofs 6.6.6.6; the terminator appends the client (198.51.100.7); the balancer appends the terminator (10.1.0.2).
    expect(clientAddressOf("6.6.6.6, 198.51.100.7, 10.1.0.2", "10.0.0.1", 2)).toBe("198.51.100.7");
    expect(clientAddressOf(["6.6.6.6", "198.51.100.7, 10.1.0.2"], "10.0.0.1", 2)).toBe("198.51.100.7");
    // Fewer entries than hops: the furthest there is.
    expect(clientAddressOf("10.1.0.2", "10.0.0.1", 2)).toBe("10.1.0.2");
  });

  it("takes the protocol the outermost trusted proxy reports", () => {
    expect(forwardedProtoOf("https", 0)).toBe("");
    expect(forwardedProtoOf("https", 1)).toBe("https");
    expect(forwardedProtoOf("https, http", 2)).toBe("https");
    expect(forwardedProtoOf("https", 2)).toBe("https");
    expect(forwardedProtoOf(undefined, 1)).toBe("");
  });
});
