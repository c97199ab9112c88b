import request from 'supertest';
import type { Server } from 'node:http';
import type { RecruiterMailbox } from './recruiter-mail';

/** Signs a recruiter in through the API as a person would: ask for the link, read the mail, exchange it. */
export async function signInByApi(server: Server, mailbox: RecruiterMailbox, email: string): Promise<string> {
  await request(server).post('/api/v1/recruiter/sign-in').send({ email }).expect(202);
  const token = await mailbox.tokenFor(email, 'sign-in/confirm');
  const res = await request(server).post('/api/v1/recruiter/sessions').send({ token }).expect(201);
  return res.body.sessionToken as string;
}

export const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

/** A recruiter signed in by API who has just created an organization: their session and its id. */
export async function recruiterWithOrg(
  server: Server,
  mailbox: RecruiterMailbox,
  email: string,
  org: { name: string; kind: 'employer' | 'agency'; website?: string },
): Promise<{ session: string; orgId: string }> {
  const session = await signInByApi(server, mailbox, email);
  const res = await request(server).post('/api/v1/recruiter/orgs').set(bearer(session)).send(org).expect(201);
  return { session, orgId: res.body.id as string };
}
