// Admin pages: staff accounts, the audit log (read only) and data deletion.
import type { AuditRow } from '../../db/audit-repo.js';
import type { StaffUser } from '../../db/staff-repo.js';
import type { Site } from '../../web/site.js';
import type { StaffPrincipal } from '../auth/staff-principal.js';
import { formatTime } from '../format-time.js';
import { ErrorSummary, Hidden, Radios, TextField, type FieldError } from '../views/form-parts.js';
import { Notice, StaffPage } from '../views/staff-layout.js';

interface Base {
  site: Site;
  staff: StaffPrincipal;
  csrf: string;
  timeZone: string;
}

export function UsersPage(p: Base & { users: readonly StaffUser[]; errors: readonly FieldError[]; typed: { name: string; email: string; role: string }; link?: { url: string; email: string; expiresAt: string }; notice?: string }) {
  return (
    <StaffPage site={p.site} title="Staff" staff={p.staff} csrf={p.csrf} hasError={p.errors.length > 0}>
      <ErrorSummary errors={p.errors} />
      <Notice text={p.notice} />
      {p.link === undefined ? null : (
        <div class="inset" id="link">
          <p>Give this link to {p.link.email} in person or by a secure channel. It works once, until {formatTime(p.link.expiresAt, p.timeZone)}:</p>
          <p class="code">{p.link.url}</p>
        </div>
      )}
      <h1>Staff</h1>
      <table class="st-table" id="users">
        <thead><tr><th scope="col">Name</th><th scope="col">Email</th><th scope="col">Role</th><th scope="col">State</th><th scope="col">Actions</th></tr></thead>
        <tbody>
          {p.users.map((u) => (
            <tr>
              <td>{u.name}</td><td>{u.email}</td><td>{u.role}</td>
              <td>{u.active ? (u.hasPassword ? 'Active' : 'Waiting for a password') : 'Disabled'}{u.totpEnabled ? ', two-step' : ''}</td>
              <td>
                <form method="post" action={`/clinic/users/${u.id}/reset-link`}>
                  <Hidden name="_csrf" value={p.csrf} />
                  <button class="link-btn" type="submit">Make a password link<span class="visually-hidden"> for {u.email}</span></button>
                </form>
                {u.id === p.staff.id ? null : (
                  <form method="post" action={`/clinic/users/${u.id}/${u.active ? 'disable' : 'enable'}`}>
                    <Hidden name="_csrf" value={p.csrf} />
                    <button class="link-btn" type="submit">{u.active ? 'Disable' : 'Enable'}<span class="visually-hidden"> {u.email}</span></button>
                  </form>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2>Add someone</h2>
      <form method="post" action="/clinic/users" novalidate>
        <Hidden name="_csrf" value={p.csrf} />
        <TextField id="name" label="Name" value={p.typed.name} errors={p.errors} maxlength={100} />
        <TextField id="email" label="Email address" type="email" value={p.typed.email} errors={p.errors} maxlength={254} />
        <Radios name="role" legend="Role" value={p.typed.role} errors={p.errors}
          options={[{ value: 'clinician', label: 'Clinician', hint: 'Works the inbox.' }, { value: 'admin', label: 'Admin', hint: 'Also manages staff, reads the audit log and deletes data.' }]} />
        <button class="btn" type="submit">Add and make a password link</button>
      </form>
    </StaffPage>
  );
}

export function AuditPage(p: Base & { rows: readonly AuditRow[]; total: number; page: number; reference: string }) {
  const pages = Math.max(1, Math.ceil(p.total / 100));
  const q = p.reference === '' ? '' : `&reference=${encodeURIComponent(p.reference)}`;
  return (
    <StaffPage site={p.site} title="Audit log" staff={p.staff} csrf={p.csrf}>
      <h1>Audit log</h1>
      <p>Who did what, and to which sent result or staff account: every view, change and export of a sent result, every sign-in,
        every change to a staff account, and every reading of this log. It holds no patients’ details and cannot be changed here.</p>
      <form method="get" action="/clinic/audit" class="filters" role="search" aria-label="Filter the audit log">
        <div class="fg"><label class="lbl" for="reference">Reference</label><input class="txt" type="text" id="reference" name="reference" value={p.reference} maxlength={20} /></div>
        <div class="fg"><button class="btn btn-2" type="submit">Show</button></div>
      </form>
      <table class="st-table" id="audit">
        <thead><tr><th scope="col">When</th><th scope="col">Who</th><th scope="col">What</th><th scope="col">About</th><th scope="col">Detail</th></tr></thead>
        <tbody>
          {p.rows.map((r) => (
            <tr>
              <td>{formatTime(r.at, p.timeZone)}</td>
              <td>{r.userEmail ?? r.actorKind}</td>
              <td>{r.action}</td>
              <td>{r.reference ?? r.subjectEmail ?? r.subjectUserId ?? ''}</td>
              <td class="code">{r.detail ?? ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <nav class="pager" aria-label="Pages">
        {p.page > 1 ? <a href={`/clinic/audit?page=${p.page - 1}${q}`}>Newer</a> : null} Page {p.page} of {pages}{' '}
        {p.page < pages ? <a href={`/clinic/audit?page=${p.page + 1}${q}`}>Older</a> : null}
      </nav>
    </StaffPage>
  );
}

export function RetentionPage(p: Base & { retentionDays: number; errors: readonly FieldError[]; reference: string; notice?: string }) {
  return (
    <StaffPage site={p.site} title="Data deletion" staff={p.staff} csrf={p.csrf} hasError={p.errors.length > 0}>
      <ErrorSummary errors={p.errors} />
      <Notice text={p.notice} />
      <h1>Data deletion</h1>
      <p>{p.retentionDays > 0 ? `Sent results are deleted automatically ${p.retentionDays} days after they were sent.` : 'Automatic deletion is turned off (RETENTION_DAYS=0).'}
        {' '}The audit log and the feedback verdicts stay; they hold no personal details.</p>
      <h2>Delete one person’s data</h2>
      <form method="post" action="/clinic/retention/delete" novalidate>
        <Hidden name="_csrf" value={p.csrf} />
        <TextField id="reference" label="Reference" hint="For example CRK-7K4M-2QXZ" value={p.reference} errors={p.errors} maxlength={20} width="short" />
        <div class="opt"><input type="checkbox" id="confirm" name="confirm" value="yes" /><label for="confirm">Yes, delete it</label></div>
        <button class="btn btn-2" type="submit">Delete</button>
      </form>
      <h2>Delete old results now</h2>
      <form method="post" action="/clinic/retention/purge">
        <Hidden name="_csrf" value={p.csrf} />
        <button class="btn btn-2" type="submit">Delete results older than {p.retentionDays} days</button>
      </form>
    </StaffPage>
  );
}
