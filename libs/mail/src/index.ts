export * from './mail-message';
export * from './mailer';
export * from './domain-rate';
export * from './create-mailer';
export * from './mail.module';
export { checkMessage } from './nodemailer-mailer';
export { OutboxMailer } from './outbox-mailer';
export { SmtpMailer } from './smtp-mailer';
export * from './reports';
