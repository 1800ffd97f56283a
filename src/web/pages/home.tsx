// The home page: what the check is for and not for, the start button, and the latest articles.
import type { Article } from '../../content/articles.js';
import { formatDay } from '../format.js';
import { Layout } from '../layout.js';
import type { Site } from '../site.js';
import { Tel } from '../tel.js';

export interface HomeProps {
  site: Site;
  latest: readonly Article[];
}

export function HomePage({ site, latest }: HomeProps) {
  const { config } = site;
  return (
    <Layout site={site} title="Check your joint noise or back pain" canonicalPath="/" openGraph={{ type: 'website' }} feed={true}
      description={`Answer a few questions about a noisy joint or back pain and find out what to do next. From ${config.clinic.name}.`}>
      <h1>Check your joint noise or back pain</h1>
      <p class="lead">Answer a few questions about a joint that clicks, cracks or grinds, or about back or neck pain.</p>
      <p>You will find out what to do next. That might be:</p>
      <ul>
        <li>looking after it yourself at home</li>
        <li>booking a physiotherapy appointment</li>
        <li>seeing a GP soon</li>
        <li>getting help today</li>
      </ul>
      <p>It takes about 3 minutes. You do not need to sign in, and we do not keep your answers.</p>
      <div class="em">
        <p>
          <strong>This check is not for emergencies.</strong> If you are badly hurt or very unwell, call{' '}
          <Tel number={config.emergencyNumber} /> now.
        </p>
      </div>
      <a href="/check" class="btn btn-start">Start now</a>
      <h2>Before you start</h2>
      <ul>
        <li>The check is for adults aged 16 and over.</li>
        <li>It does not tell you what is wrong. It tells you how soon to get help, and who from.</li>
        <li>
          For help with a child, call <Tel number={config.urgentLine.number} /> or see a GP.
        </li>
      </ul>
      <h2>If you are answering for someone else</h2>
      <p>You can fill in the check for another adult, such as a partner or a parent. It works best if they are with you.</p>
      <ul>
        <li>Answer the questions as they would, about their body. Where a question says “you”, it means them.</li>
        <li>If you do not know an answer, ask them. If they cannot tell you, choose “I'm not sure”.</li>
        <li>Only send the result to the clinic if they agree, and give their contact details.</li>
        <li>
          If they cannot answer because they are confused, very drowsy or badly hurt, do not use the check:
          call <Tel number={config.emergencyNumber} />.
        </li>
      </ul>
      {latest.length === 0 ? null : (
        <>
          <h2>Latest articles</h2>
          <ul class="list">
            {latest.map((a) => (
              <li>
                <h3><a href={`/articles/${a.slug}`}>{a.title}</a></h3>
                <p>{a.summary}</p>
                <p class="meta">Published {formatDay(a.published)}</p>
              </li>
            ))}
          </ul>
          <p><a href="/articles">All articles</a></p>
        </>
      )}
    </Layout>
  );
}
