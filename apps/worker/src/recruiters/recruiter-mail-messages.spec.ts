import { invitationMessage, renewalReminderMessage, signInMessage } from './recruiter-mail-messages';

describe('recruiter mails', () => {
  it('put the link on a line of its own', () => {
    const m = signInMessage(
      'pat@mercy.example',
      'http://localhost:3000/recruiters/sign-in/confirm?token=cjs_x',
      15,
    );
    expect(m.text.split('\n')).toContain('http://localhost:3000/recruiters/sign-in/confirm?token=cjs_x');
    expect(m.text).toContain('15 minutes');
    expect(invitationMessage('a@b.example', 'Mercy', 'recruiter', 'L', 7).subject).toContain('Mercy');
    const r = renewalReminderMessage('a@b.example', 'Coder', new Date('2026-03-31T12:00:00Z'), 'L');
    expect(r.subject).toBe('Renew "Coder" before it expires on 2026-03-31');
  });
});
