import { describe, expect, it } from "vitest";
import { clientIpFrom } from "./client-ip";

const forwarded = (value: string) => new Headers({ "x-forwarded-for": value });

describe("clientIpFrom", () => {
  it("takes the client a configured number of trusted hops from the right, so a client's own X-Forwarded-For is ignored", () => {
    // One proxy that appends: whatever the client wrote comes first, the address the proxy saw last.
    expect(clientIpFrom(forwarded("6.6.6.6, 203.0.113.7"), 1)).toBe("203.0.113.7");
    expect(clientIpFrom(forwarded("203.0.113.7"), 1)).toBe("203.0.113.7");
    // Two proxies: the second appended the first's address.
    expect(clientIpFrom(forwarded("6.6.6.6, 203.0.113.7, 10.0.0.1"), 2)).toBe("203.0.113.7");
    // Varying the spoofed part never changes the bucket.
    expect(clientIpFrom(forwarded("1.1.1.1, 203.0.113.7"), 1)).toBe(clientIpFrom(forwarded("2.2.2.2, 203.0.113.7"), 1));
  });

  it("with no trusted proxy, reads the socket address Next wrote (proxy.ts removed any the client sent)", () => {
    expect(clientIpFrom(forwarded("198.51.100.4"), 0)).toBe("198.51.100.4");
    expect(clientIpFrom(forwarded("::ffff:127.0.0.1"), 0)).toBe("127.0.0.1");
  });

  it("falls back to one shared bucket when the chain is shorter than the trusted hops or holds no address", () => {
    expect(clientIpFrom(forwarded("203.0.113.7"), 2)).toBe("unknown");
    expect(clientIpFrom(new Headers(), 1)).toBe("unknown");
    expect(clientIpFrom(forwarded("sign-in:email:x"), 1)).toBe("unknown");
    expect(clientIpFrom(forwarded("203.0.113.7, 999.1.1.1"), 1)).toBe("unknown");
    // X-Real-IP is whatever the client sent unless a proxy overwrote it: never trusted.
    expect(clientIpFrom(new Headers({ "x-real-ip": "198.51.100.4" }), 1)).toBe("unknown");
  });

  it("keys IPv6 clients on their /64, which one subscriber usually holds whole", () => {
    const a = clientIpFrom(forwarded("2001:db8:1:2:3:4:5:6"), 1);
    expect(a).toBe("2001:db8:1:2::/64");
    expect(clientIpFrom(forwarded("2001:DB8:1:2::9"), 1)).toBe(a);
    expect(clientIpFrom(forwarded("[2001:db8:1:2::a]:443"), 1)).toBe(a);
    expect(clientIpFrom(forwarded("2001:db8:1:3::1"), 1)).not.toBe(a);
    expect(clientIpFrom(forwarded("::1"), 1)).toBe("0:0:0:0::/64");
  });

  it("drops a port a proxy may have written", () => {
    expect(clientIpFrom(forwarded("203.0.113.7:51234"), 1)).toBe("203.0.113.7");
  });
});
