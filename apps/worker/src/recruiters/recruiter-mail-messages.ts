import type { MailMessage } from '#mail';

// The recruiters' mails, as plain functions of what they say: short, plain text first, the link on a
// line of its own, and why the reader got it.

export function signInMessage(to: string, link: string, minutes: number): MailMessage {
  return {
    to,
    subject: 'Your CoderJobs sign-in link',
    text: [
      'Sign in to CoderJobs for recruiters with this link:',
      '',
      link,
      '',
      `It works once, for ${minutes} minutes. If you did not ask for it, ignore this mail: nobody can sign in without it.`,
    ].join('\n'),
  };
}

export function invitationMessage(
  to: string,
  organization: string,
  role: string,
  link: string,
  days: number,
): MailMessage {
  return {
    to,
    subject: `You are invited to post jobs for ${organization} on CoderJobs`,
    text: [
      `You have been invited to join ${organization} on CoderJobs as ${role === 'owner' ? 'an owner' : 'a recruiter'}.`,
      '',
      'Accept (you will sign in with this address first):',
      '',
      link,
      '',
      `The invitation is for this address only and lasts ${days} days.`,
    ].join('\n'),
  };
}

export function renewalReminderMessage(
  to: string,
  title: string,
  validThrough: Date,
  link: string,
): MailMessage {
  const day = validThrough.toISOString().slice(0, 10);
  return {
    to,
    subject: `Renew "${title.slice(0, 80)}" before it expires on ${day}`,
    text: [
      `Your posting "${title}" leaves CoderJobs search on ${day}.`,
      '',
      'If the role is still open, renew it for another 30 days:',
      '',
      link,
      '',
      'If it is filled, close it there so coders stop applying.',
    ].join('\n'),
  };
}
