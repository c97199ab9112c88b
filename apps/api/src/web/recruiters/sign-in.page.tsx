import { CsrfField, ErrorSummary, TextField } from '../kit/components/form-fields';
import { Layout } from '../kit/layout';
import { ANONYMOUS } from '../kit/viewer';

/** /recruiters/sign-in: an e-mail address, and a link by mail (no password to keep or leak). */
export function SignInPage(props: {
  csrfToken: string;
  email: string;
  error?: string;
  sent?: boolean;
  next?: string;
}) {
  return (
    <Layout title="Sign in to post jobs" noindex section="recruiters" viewer={ANONYMOUS}>
      <h1>Sign in to post jobs</h1>
      {props.sent ? (
        <p class="notice notice--good" role="status">
          We sent a sign-in link to {props.email}. It works once, for 15 minutes.
        </p>
      ) : (
        <>
          <ErrorSummary errors={props.error ? [{ field: 'email', message: props.error }] : []} />
          <p>
            We mail you a link that signs you in: no password to remember. Sign in with your work address: an
            address at your organization’s own website verifies it, and verified employers’ jobs publish at
            once.
          </p>
          <form method="post" action="/recruiters/sign-in">
            <CsrfField token={props.csrfToken} />
            {props.next && <input type="hidden" name="next" value={props.next} />}
            <TextField
              name="email"
              label="Work e-mail"
              type="email"
              autoComplete="email"
              value={props.email}
              error={props.error}
              required
            />
            <button class="button" type="submit">
              Mail me a sign-in link
            </button>
          </form>
        </>
      )}
    </Layout>
  );
}

/** The mailed link opens this: signing in is a button, so a mail scanner following links signs nobody in. */
export function ConfirmSignInPage(props: { csrfToken: string; token: string; next?: string }) {
  return (
    <Layout title="Sign in" noindex section="recruiters" viewer={ANONYMOUS}>
      <h1>Sign in</h1>
      <form method="post" action="/recruiters/sign-in/confirm">
        <CsrfField token={props.csrfToken} />
        <input type="hidden" name="token" value={props.token} />
        {props.next && <input type="hidden" name="next" value={props.next} />}
        <button class="button" type="submit">
          Sign in to CoderJobs
        </button>
      </form>
    </Layout>
  );
}

export function AcceptInvitationPage(props: { csrfToken: string; token: string; email: string }) {
  return (
    <Layout title="Accept the invitation" noindex section="recruiters" viewer={ANONYMOUS}>
      <h1>Accept the invitation</h1>
      <p>You are signed in as {props.email}. The invitation must have been sent to this address.</p>
      <form method="post" action="/recruiters/invitations/accept">
        <CsrfField token={props.csrfToken} />
        <input type="hidden" name="token" value={props.token} />
        <button class="button" type="submit">
          Join the organization
        </button>
      </form>
    </Layout>
  );
}
