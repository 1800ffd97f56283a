// The page for someone under the check's minimum age: where to get help instead.
import type { OutcomeAdvice } from '../../content/advice.js';
import { Layout } from '../layout.js';
import { LinkedText } from '../linked-text.js';
import type { Site } from '../site.js';

export function OutOfScopePage({ site, advice }: { site: Site; advice: OutcomeAdvice }) {
  return (
    <Layout site={site} title={advice.title} check={true}>
      <h1>{advice.title}</h1>
      <p>{advice.meaning}</p>
      <h2>What to do</h2>
      <ul>{advice.doNow.map((d) => <li><LinkedText text={d} config={site.config} /></li>)}</ul>
      <p><LinkedText text={advice.expect} config={site.config} /></p>
      <p><a href="/check">Start the check again</a></p>
    </Layout>
  );
}
