import { Controller, Get, Inject, Query, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { STATE_NAMES, type UsState } from '#taxonomy';
import type { CandidateProfileFields } from '#matching';
import { parseInput } from '../../http/endpoint-input';
import { candidateMatchesQuerySchema } from '../../matches/match-request.schema';
import { MatchesService } from '../../matches/matches.service';
import { HtmlPage, renderDocument } from '../kit/html-page';
import { MatchesPage, NoProfilePage } from './matches.page';
import { SeekerSession } from './seeker-session';

const MATCHES_PAGE = 20;

const WORK_MODE_WORDS: Record<string, string> = {
  remote_only: 'remote only',
  remote_or_hybrid: 'remote or hybrid',
  any: 'remote, hybrid or on site',
};

/** "CPC, CRC · 4 years of experience · remote only · lives in Texas" */
function summary(p: CandidateProfileFields): string {
  const credentials = p.credentials.length > 0 ? p.credentials.join(', ') : 'no credentials yet';
  return [
    credentials,
    `${p.yearsExperience} ${p.yearsExperience === 1 ? 'year' : 'years'} of experience`,
    WORK_MODE_WORDS[p.workMode] ?? p.workMode,
    `lives in ${STATE_NAMES[p.stateOfResidence as UsState] ?? p.stateOfResidence}`,
  ].join(' · ');
}

/** /matches: the matches of the profile this browser holds, with their reasons. */
@Controller()
export class MatchesController {
  constructor(
    @Inject(SeekerSession) private readonly session: SeekerSession,
    @Inject(MatchesService) private readonly matches: MatchesService,
  ) {}

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
    const { profile, home: placed } = held.view;
    const page = await this.matches.match({ ...profile, home: placed }, paging);
    // Only numbers the list: the cursor decides which matches come.
    const offset = paging.cursor ? Math.min(Math.max(Number(query.offset) || 0, 0), 100) : 0;
    const home = profile.homePostalCode ?? profile.homeCity;
    const warnings =
      home && !placed
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
