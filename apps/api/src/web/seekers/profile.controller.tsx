import { Body, Controller, Get, Inject, Post, Query, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { candidateProfileSchema } from '#matching';
import { CandidatesService } from '../../candidates/candidates.service';
import { ApiError } from '../../http/api-error';
import { parseInput } from '../../http/endpoint-input';
import { CsrfTokens } from '../kit/csrf';
import { formErrors } from '../kit/form-errors';
import { HtmlPage, renderDocument } from '../kit/html-page';
import {
  EMPTY_PROFILE_FORM,
  profileBody,
  profileFieldOf,
  profileFormValues,
  profileMessage,
  readProfileForm,
  withoutEmpty,
} from './profile-form';
import { DeleteProfilePage, ProfilePage } from './profile.page';
import { SeekerSession } from './seeker-session';

/** /profile: build, change or delete the profile this browser holds. */
@Controller()
export class ProfileController {
  constructor(
    @Inject(SeekerSession) private readonly session: SeekerSession,
    @Inject(CandidatesService) private readonly candidates: CandidatesService,
    @Inject(CsrfTokens) private readonly csrf: CsrfTokens,
  ) {}

  @Get('profile')
  @HtmlPage()
  async profile(
    @Query('deleted') deleted: string | undefined,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string> {
    const held = await this.session.candidate(request, reply);
    return renderDocument(
      <ProfilePage
        viewer={{ hasProfile: held !== null }}
        csrfToken={this.csrf.issue(request, reply)}
        values={held ? profileFormValues(held.view.profile) : EMPTY_PROFILE_FORM}
        saved={held !== null}
        errors={[]}
        fieldErrors={{}}
        notice={deleted === '1' && !held ? 'Your profile was deleted.' : undefined}
      />,
    );
  }

  @Post('profile')
  @HtmlPage()
  async save(
    @Body() posted: Record<string, unknown> | undefined,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string> {
    const values = readProfileForm(posted ?? {});
    const body = profileBody(values);
    const held = await this.session.candidate(request, reply);
    try {
      if (held) {
        await this.candidates.update(held.view.id, this.session.bearer(held.token), body);
      } else {
        const created = await this.candidates.create(
          parseInput(candidateProfileSchema, withoutEmpty(body), 'body'),
        );
        this.session.remember(reply, created.id, created.token);
      }
    } catch (err) {
      if (!(err instanceof ApiError) || err.status !== 400) throw err;
      reply.status(400);
      const { errors, fieldErrors } = formErrors(err, (path) => profileFieldOf(path, body), profileMessage);
      return renderDocument(
        <ProfilePage
          viewer={{ hasProfile: held !== null }}
          csrfToken={this.csrf.issue(request, reply)}
          values={values}
          saved={held !== null}
          errors={errors}
          fieldErrors={fieldErrors}
        />,
      );
    }
    reply.redirect('/matches', 303);
    return '';
  }

  @Get('profile/delete')
  @HtmlPage()
  async confirmDelete(@Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply) {
    const held = await this.session.candidate(request, reply);
    if (!held) {
      reply.redirect('/profile', 303);
      return '';
    }
    return renderDocument(
      <DeleteProfilePage viewer={{ hasProfile: true }} csrfToken={this.csrf.issue(request, reply)} />,
    );
  }

  @Post('profile/delete')
  @HtmlPage()
  async delete(
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string> {
    const held = await this.session.candidate(request, reply);
    if (held) await this.candidates.remove(held.view.id, this.session.bearer(held.token));
    this.session.forget(reply);
    reply.redirect('/profile?deleted=1', 303);
    return '';
  }
}
