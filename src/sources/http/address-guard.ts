import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { isIP, type LookupFunction } from 'node:net';
import { classifyIpAddress, type AddressClass } from '../domain/ip-address.js';

// Keeps feed fetches off private networks. Two doors need guarding: a host name is checked in the
// connection's DNS lookup, so the address checked is the address connected to (a name that
// resolves to 10.0.0.5, or re-resolves there later, is caught); an IP literal skips that lookup
// in Node, so fetchFeed checks it from the URL before each request, redirects included.

export class BlockedAddressError extends Error {
  constructor(
    readonly host: string,
    readonly address: string,
    readonly addressClass: AddressClass,
  ) {
    super(
      host === address
        ? `${address} is a ${addressClass} address; private-network sources are blocked`
        : `${host} resolves to ${address}, a ${addressClass} address; private-network sources are blocked`,
    );
    this.name = 'BlockedAddressError';
  }
}

/** Throws BlockedAddressError when the URL's host is an IP literal outside the public internet. */
export function assertPublicIpLiteral(url: URL): void {
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
  if (isIP(host) === 0) return;
  const addressClass = classifyIpAddress(host);
  if (addressClass !== 'public') throw new BlockedAddressError(host, host, addressClass);
}

/** A DNS lookup for connections that fails when any address the name resolves to is not public. */
export const publicAddressLookup: LookupFunction = (hostname, options, callback) => {
  dnsLookup(hostname, { ...options, all: true }, (error, addresses: LookupAddress[]) => {
    if (error) {
      callback(error, '', 0);
      return;
    }
    // Any private answer blocks the name: a resolver that mixes answers is not to be trusted.
    const blocked = addresses.find(({ address }) => classifyIpAddress(address) !== 'public');
    if (blocked) {
      callback(new BlockedAddressError(hostname, blocked.address, classifyIpAddress(blocked.address)), '', 0);
    } else if (options.all) {
      callback(null, addresses);
    } else {
      callback(null, addresses[0].address, addresses[0].family);
    }
  });
};
