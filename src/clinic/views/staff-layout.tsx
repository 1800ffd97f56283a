// The chrome of every staff page: the shared Layout at full width (a work tool), the clinic stylesheet and a staff menu.
import type { Child } from 'hono/jsx';
import { Layout } from '../../web/layout.js';
import type { Site } from '../../web/site.js';
import type { StaffPrincipal } from '../auth/staff-principal.js';
import { ClinicStyles } from './clinic-css.js';
import { Hidden } from './form-parts.js';

export interface StaffPageProps {
  site: Site;
  title: string;
  /** Absent on the sign-in pages. */
  staff?: StaffPrincipal;
  csrf?: string;
  hasError?: boolean;
  children?: Child;
}

export function StaffPage(p: StaffPageProps) {
  return (
    <Layout site={p.site} title={`${p.title} – Clinic`} noindex={true} hasError={p.hasError === true} wide={true}>
      <ClinicStyles />
      {p.staff === undefined ? null : (
        <nav class="st-nav" aria-label="Clinic">
          <a href="/clinic">Inbox</a>
          <a href="/clinic/safety">Safety</a>
          <a href="/clinic/questionnaire.json">Questionnaire (FHIR)</a>
          {p.staff.role === 'admin' ? <><a href="/clinic/users">Staff</a><a href="/clinic/audit">Audit log</a><a href="/clinic/retention">Data deletion</a><a href="/clinic/integrations">Integrations</a></> : null}
          <a href="/clinic/account">{p.staff.name}</a>
          <form method="post" action="/clinic/logout">
            <Hidden name="_csrf" value={p.csrf ?? ''} />
            <button class="link-btn" type="submit">Sign out</button>
          </form>
        </nav>
      )}
      {p.staff?.role === 'admin' && p.site.staffWarning !== undefined
        ? <section class="st-warn" id="content-not-signed-off" aria-label="Warning"><p><strong>Warning: </strong>{p.site.staffWarning}</p></section>
        : null}
      {p.children}
    </Layout>
  );
}

export function Notice({ text }: { text: string | undefined }) {
  if (text === undefined || text === '') return null;
  return <div class="inset" role="status"><p>{text}</p></div>;
}
