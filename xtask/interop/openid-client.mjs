// openid-client (v6): `discovery()` of the example provider, by its OpenID Connect location
// (the default) and its RFC 8414 location (`algorithm: 'oauth2'`). openid-client has no
// protected-resource discovery. http is allowed with `execute: [allowInsecureRequests]`.

import * as client from 'openid-client';
import { check, config, same, version } from './common.mjs';

const NAME = 'openid-client';
const VERSION = version(NAME);

async function discover(server, algorithm) {
  const configuration = await client.discovery(new URL(server.url), 'interop-client', undefined, undefined, {
    algorithm,
    execute: [client.allowInsecureRequests],
    timeout: 10,
  });
  const metadata = configuration.serverMetadata();
  same('issuer', metadata.issuer, server.issuer);
  // The metadata is usable: an authorization request is built from it.
  const url = client.buildAuthorizationUrl(configuration, {
    redirect_uri: 'http://127.0.0.1/callback',
    scope: 'openid',
    code_challenge: await client.calculatePKCECodeChallenge(client.randomPKCECodeVerifier()),
    code_challenge_method: 'S256',
  });
  same('authorization request endpoint', `${url.origin}${url.pathname}`, metadata.authorization_endpoint);
  return `issuer ${metadata.issuer}; supportsPKCE() ${metadata.supportsPKCE()}`;
}

for (const framework of config.frameworks) {
  await check(NAME, VERSION, 'provider metadata, OpenID location', framework, 'example', (server) =>
    discover(server, 'oidc'),
  );
  await check(NAME, VERSION, 'provider metadata, RFC 8414 location', framework, 'example', (server) =>
    discover(server, 'oauth2'),
  );
}
