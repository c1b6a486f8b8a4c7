// oauth4webapi: `discoveryRequest` / `processDiscoveryResponse` of the example provider (both
// locations) and `resourceDiscoveryRequest` / `processResourceDiscoveryResponse` of the
// protected-resource document, each with the expected identifier compared. http is allowed with
// `[allowInsecureRequests]: true`.

import * as oauth from 'oauth4webapi';
import { REQUEST_MS, check, config, same, version } from './common.mjs';

const NAME = 'oauth4webapi';
const VERSION = version(NAME);
const options = () => ({ [oauth.allowInsecureRequests]: true, signal: AbortSignal.timeout(REQUEST_MS) });

async function discover(server, algorithm) {
  const issuer = new URL(server.issuer);
  const response = await oauth.discoveryRequest(new URL(server.url), { ...options(), algorithm });
  const metadata = await oauth.processDiscoveryResponse(issuer, response);
  return `issuer ${metadata.issuer}`;
}

for (const framework of config.frameworks) {
  await check(NAME, VERSION, 'provider metadata, OpenID location', framework, 'example', (server) =>
    discover(server, 'oidc'),
  );
  await check(NAME, VERSION, 'provider metadata, RFC 8414 location', framework, 'example', (server) =>
    discover(server, 'oauth2'),
  );
  await check(NAME, VERSION, 'protected-resource metadata', framework, 'resource', async (server) => {
    const resource = new URL(server.resource);
    const response = await oauth.resourceDiscoveryRequest(resource, options());
    const metadata = await oauth.processResourceDiscoveryResponse(resource, response);
    same('authorization_servers', metadata.authorization_servers, server.authorization_servers);
    return `resource ${metadata.resource}; authorization_servers ${JSON.stringify(metadata.authorization_servers)}`;
  });
}
