// Routes for the home page, the accessibility statement and the privacy notice.
import type { FastifyPluginCallback } from 'fastify';
import type { AppContext } from '../../server/context.js';
import { publishedArticles } from '../blog.js';
import { AccessibilityPage } from '../pages/accessibility.js';
import { HomePage } from '../pages/home.js';
import { PrivacyPage } from '../pages/privacy.js';
import { sendPage } from '../send.js';

export function infoRoutes(ctx: AppContext): FastifyPluginCallback {
  const { site } = ctx;
  return (app, _options, done) => {
    app.get('/', async (_req, reply) =>
      sendPage(reply, <HomePage site={site} latest={publishedArticles(ctx.library.articles, ctx.now()).slice(0, 3)} />, 'short'));
    app.get('/accessibility', async (_req, reply) => sendPage(reply, <AccessibilityPage site={site} />, 'short'));
    app.get('/privacy', async (_req, reply) => sendPage(reply, <PrivacyPage site={site} />, 'short'));
    done();
  };
}
