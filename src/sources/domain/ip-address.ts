// Which addresses a feed URL may reach. A source is user input: without this check, a URL (or a
// host name resolving) to 127.0.0.1, 10.x, fd00::, or the cloud metadata service at
// 169.254.169.254 would make the service fetch from its own network for whoever added it.
// Ranges follow the IANA special-purpose address registries. IPv6 forms that carry an IPv4
// address (IPv4-mapped, IPv4-compatible, NAT64, 6to4) are judged by the IPv4 address they carry.

export type AddressClass =
  | 'public'
  | 'private'
  | 'loopback'
  | 'link-local'
  | 'unique-local'
  | 'cgnat'
  | 'unspecified'
  | 'multicast'
  | 'reserved'
  | 'invalid';

type Range = readonly [network: string, prefixLength: number, addressClass: AddressClass];

const IPV4_RANGES: readonly Range[] = [
  ['0.0.0.0', 8, 'unspecified'], // "this network": 0.0.0.0 reaches the local host on Linux
  ['10.0.0.0', 8, 'private'],
  ['100.64.0.0', 10, 'cgnat'],
  ['127.0.0.0', 8, 'loopback'],
  ['169.254.0.0', 16, 'link-local'],
  ['172.16.0.0', 12, 'private'],
  ['192.0.0.0', 24, 'reserved'],
  ['192.0.2.0', 24, 'reserved'],
  ['192.88.99.0', 24, 'reserved'],
  ['192.168.0.0', 16, 'private'],
  ['198.18.0.0', 15, 'reserved'],
  ['198.51.100.0', 24, 'reserved'],
  ['203.0.113.0', 24, 'reserved'],
  ['224.0.0.0', 4, 'multicast'],
  ['240.0.0.0', 4, 'reserved'], // includes the broadcast address
];

const IPV6_RANGES: readonly Range[] = [
  ['::', 128, 'unspecified'],
  ['::1', 128, 'loopback'],
  ['64:ff9b:1::', 48, 'private'],
  ['100::', 64, 'reserved'],
  ['2001:db8::', 32, 'reserved'],
  ['2001::', 23, 'reserved'], // protocol assignments, Teredo among them
  ['3fff::', 20, 'reserved'],
  ['5f00::', 16, 'reserved'],
  ['fc00::', 7, 'unique-local'],
  ['fe80::', 10, 'link-local'],
  ['fec0::', 10, 'private'], // deprecated site-local
  ['ff00::', 8, 'multicast'],
];

/** IPv6 ranges that embed an IPv4 address, with the bit position where the IPv4 address ends. */
const IPV4_CARRYING_RANGES: ReadonlyArray<readonly [network: string, prefixLength: number, ipv4EndBit: number]> = [
  ['::ffff:0:0', 96, 128], // IPv4-mapped
  ['64:ff9b::', 96, 128], // NAT64
  ['::', 96, 128], // IPv4-compatible (deprecated)
  ['2002::', 16, 48], // 6to4
];

const GLOBAL_UNICAST: readonly [string, number] = ['2000::', 3];

export function classifyIpAddress(address: string): AddressClass {
  const ipv4 = parseIpv4(address);
  if (ipv4 !== null) return classifyIpv4(ipv4);
  const ipv6 = parseIpv6(address);
  return ipv6 === null ? 'invalid' : classifyIpv6(ipv6);
}

export function isPublicIpAddress(address: string): boolean {
  return classifyIpAddress(address) === 'public';
}

function classifyIpv4(address: number): AddressClass {
  const range = IPV4_RANGES.find(([network, prefixLength]) => inIpv4Range(address, parseIpv4(network)!, prefixLength));
  return range ? range[2] : 'public';
}

function classifyIpv6(address: bigint): AddressClass {
  const special = IPV6_RANGES.find(([network, prefixLength]) => inIpv6Range(address, network, prefixLength));
  if (special && special[1] === 128) return special[2]; // :: and ::1 before the IPv4-compatible range
  const carrier = IPV4_CARRYING_RANGES.find(([network, prefixLength]) => inIpv6Range(address, network, prefixLength));
  if (carrier) return classifyIpv4(Number((address >> BigInt(128 - carrier[2])) & 0xffffffffn));
  if (special) return special[2];
  return inIpv6Range(address, ...GLOBAL_UNICAST) ? 'public' : 'reserved';
}

function inIpv4Range(address: number, network: number, prefixLength: number): boolean {
  const shift = 32 - prefixLength;
  return address >>> shift === network >>> shift;
}

function inIpv6Range(address: bigint, network: string, prefixLength: number): boolean {
  const shift = BigInt(128 - prefixLength);
  return address >> shift === parseIpv6(network)! >> shift;
}

function parseIpv4(text: string): number | null {
  const match = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(text);
  if (!match) return null;
  const octets = match.slice(1).map(Number);
  if (octets.some((octet) => octet > 255)) return null;
  return octets.reduce((value, octet) => value * 256 + octet, 0);
}

/** The address as a 128-bit number; accepts `[...]`, a zone (`%eth0`) and a dotted IPv4 tail. */
function parseIpv6(text: string): bigint | null {
  const address = text.replace(/^\[(.*)\]$/, '$1').replace(/%.*$/, '');
  if (!address.includes(':')) return null;
  const ipv4Tail = /(?:^|:)(\d{1,3}(?:\.\d{1,3}){3})$/.exec(address);
  let groups = address;
  if (ipv4Tail) {
    const ipv4 = parseIpv4(ipv4Tail[1]);
    if (ipv4 === null) return null;
    groups = `${address.slice(0, address.length - ipv4Tail[1].length)}${(ipv4 >>> 16).toString(16)}:${(ipv4 & 0xffff).toString(16)}`;
  }
  const halves = groups.split('::');
  if (halves.length > 2) return null;
  const head = halves[0] === '' ? [] : halves[0].split(':');
  const tail = halves.length === 2 && halves[1] !== '' ? halves[1].split(':') : [];
  const missing = 8 - head.length - tail.length;
  if (halves.length === 2 ? missing < 1 : missing !== 0) return null;
  const all = [...head, ...Array<string>(halves.length === 2 ? missing : 0).fill('0'), ...tail];
  if (!all.every((group) => /^[0-9a-f]{1,4}$/i.test(group))) return null;
  return all.reduce((value, group) => (value << 16n) | BigInt(Number.parseInt(group, 16)), 0n);
}
