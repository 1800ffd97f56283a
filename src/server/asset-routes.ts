// Serves the in-memory assets, choosing the precompressed copy the browser accepts.
import type { FastifyPluginCallback, FastifyReply, FastifyRequest } from 'fastify';
import type { Asset, Assets } from './assets.js';
import { pickEncoding } from './compress.js';
import { AppError } from './errors.js';

function sendAsset(asset: Asset, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  reply.header('cache-control', asset.cacheControl).header('etag', asset.etag).header('vary', 'accept-encoding');
  if (asset.crossOrigin) reply.header('cross-origin-resource-policy', 'cross-origin');
  if (request.headers['if-none-match'] === asset.etag) return reply.code(304).send();
  reply.type(asset.type);
  const encoding = pickEncoding(request.headers['accept-encoding']);
  if (encoding === 'identity') return reply.send(asset.body);
  return reply.header('content-encoding', encoding).send(encoding === 'br' ? asset.br : asset.gzip);
}

export function assetRoutes(assets: Assets): FastifyPluginCallback {
  return (app, _options, done) => {
    app.get<{ Params: { name: string } }>('/assets/:name', async (request, reply) => {
      const asset = assets.byUrl.get(`/assets/${request.params.name}`);
      if (asset === undefined) throw new AppError('not_found');
      return sendAsset(asset, request, reply);
    });
    // Browsers and bookmark tools ask for /favicon.ico whatever the page links: redirect to the SVG icon.
    app.get('/favicon.ico', async (_request, reply) => reply.code(301).header('cache-control', 'public, max-age=86400').redirect(assets.favicon));
    const embed = assets.embed === undefined ? undefined : assets.byUrl.get(assets.embed);
    if (embed !== undefined) app.get('/embed.js', async (request, reply) => sendAsset(embed, request, reply));
    done();
  };
}
