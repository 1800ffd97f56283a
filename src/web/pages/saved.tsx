// The landing page of a saved result link: its script reads the answers from the fragment and posts them.
import { Layout } from '../layout.js';
import type { Site } from '../site.js';

export function SavedResultPage({ site }: { site: Site }) {
  return (
    <Layout site={site} title="Your saved result" check={true}>
      <h1>Your saved result</h1>
      <div id="saved-result" data-action="/check/saved">
        <p class="js-only" id="saved-status" role="status">Working out your result again…</p>
        <div class="no-js noscript-msg">
          <p>To open a saved result, this page needs JavaScript. The answers in the link stay on your device: they are never sent in the web address.</p>
          <p>If JavaScript is turned off, you can <a href="/check">take the check again</a>. It takes about 3 minutes.</p>
        </div>
      </div>
    </Layout>
  );
}
