import { Body, Controller, Get, Inject, Post, Query, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { STATE_NAMES, type UsState } from '#taxonomy';
import { candidateProfileSchema, type CandidateProfileFields } from '#matching';
import { matchingProfile, CandidatesService } from '../../candidates/candidates.service';
import { candidateMatchesQuerySchema } from '../../matches/match-request.schema';
import { MatchesService } from '../../matches/matches.service';
import { parseInput } from '../../http/parse-input';
import { ApiError } from '../../http/api-error';
import { CsrfTokens } from '../kit/csrf';
import { formErrors } from '../kit/form-errors';
import { HtmlPage, renderDocument } from '../kit/html-page';
import { MatchesPage, NoProfilePage } from './matches.page';
import {
  EMPTY_PROFILE_FORM,
  profileBody,
  profileFieldOf,
  profileFormValues,
  readProfileForm,
  withoutEmpty,
} from './profile-form';
import { DeleteProfilePage, ProfilePage } from './profile.page';
import { SeekerSession } from './seeker-session';

const MATCHES_PAGE = 20;

/** Whether the API's profile takes openToRelocation yet (the form shows the box only then). */
const RELOCATION = 'openToRelocation' in candidateProfileSchema.shape;

const WORK_MODE_WORDS: Record<string, string> = {
  remote_only: 'remote only',
  remote_or_hybrid: 'remote or hybrid',
  any: 'remote, hybrid or on site',
};

function summary(p: CandidateProfileFields): string {
  const credentials = p.credentials.length > 0 ? p.credentials.join(', ') : 'no credentials yet';
  return [
    credentials,
    `${p.yearsExperience} ${p.yearsExperience === 1 ? 'year' : 'years'} of experience`,
    WORK_MODE_WORDS[p.workMode] ?? p.workMode,
    `lives in ${STATE_NAMES[p.stateOfResidence as UsState] ?? p.stateOfResidence}`,
  ].join(' · ');
}

/** /profile (build, change, delete) and /matches, for the profile this browser holds. */
@Controller()
export class ProfileController {
  constructor(
    @Inject(SeekerSession) private readonly session: SeekerSession,
    @Inject(CandidatesService) private readonly candidates: CandidatesService,
    @Inject(MatchesService) private readonly matches: MatchesService,
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
        values={held ? profileFormValues(held.candidate.profile) : EMPTY_PROFILE_FORM}
        saved={held !== null}
        relocation={RELOCATION}
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
    const body = profileBody(values, { relocation: RELOCATION });
    const held = await this.session.candidate(request, reply);
    try {
      if (held) {
        await this.candidates.update(held.candidate.id, `Bearer ${held.token}`, body);
      } else {
        const created = await this.candidates.create(withoutEmpty(body));
        this.session.remember(reply, created.id, created.token);
      }
    } catch (err) {
      if (!(err instanceof ApiError) || err.status !== 400) throw err;
      reply.status(400);
      const { errors, fieldErrors } = formErrors(err, (path) => profileFieldOf(path, body));
      return renderDocument(
        <ProfilePage
          viewer={{ hasProfile: held !== null }}
          csrfToken={this.csrf.issue(request, reply)}
          values={values}
          saved={held !== null}
          relocation={RELOCATION}
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
    if (held) await this.candidates.remove(held.candidate.id, `Bearer ${held.token}`);
    this.session.forget(reply);
    reply.redirect('/profile?deleted=1', 303);
    return '';
  }

  @Get('matches')
  @HtmlPage()
  async matchesPage(
    @Query() query: Record<string, unknown>,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string> {
    const held = await this.session.candidate(request, reply);
    if (!held) return renderDocument(<NoProfilePage viewer={{ hasProfile: false }} />);
    const stretch = query.stretch === '1' || query.stretch === 'true';
    const paging = parseInput(
      candidateMatchesQuerySchema,
      {
        stretch: stretch ? 'true' : 'false',
        limit: String(MATCHES_PAGE),
        ...(typeof query.cursor === 'string' && query.cursor ? { cursor: query.cursor } : {}),
      },
      'query',
    );
    const profile = held.candidate.profile;
    const forMatching = matchingProfile(held.candidate);
    const page = await this.matches.match(forMatching, paging);
    // Only numbers the list: the cursor decides which matches come.
    const offset = paging.cursor ? Math.min(Math.max(Number(query.offset) || 0, 0), 100) : 0;
    const home = profile.homePostalCode ?? profile.homeCity;
    const warnings =
      home && !forMatching.home
        ? [
            `We could not place your home “${home}” on the map, so only remote jobs can match. Correct it on your profile.`,
          ]
        : [];
    return renderDocument(
      <MatchesPage
        viewer={{ hasProfile: true }}
        now={new Date()}
        stretch={stretch}
        items={page.items}
        nextHref={
          page.nextCursor
            ? `/matches?${new URLSearchParams({
                ...(stretch ? { stretch: '1' } : {}),
                cursor: page.nextCursor,
                offset: String(offset + page.items.length),
              }).toString()}`
            : null
        }
        warnings={warnings}
        profileSummary={summary(profile)}
        state={profile.stateOfResidence as UsState}
        offset={offset}
      />,
    );
  }
}
